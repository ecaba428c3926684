-- description: Les ateliers d'éveil du RPE.
-- depends: raw.rpe_ateliers
-- key: code_atelier
SELECT * FROM raw.rpe_ateliers
