-- description: Les structures du territoire, une ligne par code (la plus récente quand un code
--   figure dans plusieurs fichiers).
-- depends: raw.structures
-- key: code_structure
SELECT
    code_structure,
    arg_max(nom, _chargement) AS nom,
    arg_max(type, _chargement) AS type,
    arg_max(commune_insee, _chargement) AS commune_insee,
    arg_max(antenne, _chargement) AS antenne,
    arg_max(date_ouverture, _chargement) AS date_ouverture,
    arg_max(date_fermeture, _chargement) AS date_fermeture
FROM raw.structures
GROUP BY code_structure
