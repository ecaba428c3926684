-- description: Les périodes déclarées des accueils collectifs de mineurs.
-- depends: raw.acm_periodes
-- key: code_structure, periode
SELECT * FROM raw.acm_periodes
