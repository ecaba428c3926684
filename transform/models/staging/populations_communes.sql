-- description: Population municipale de chaque commune pour chaque millésime des populations
--   légales présent dans le fichier de référence (une ligne par commune et millésime).
-- depends: raw.reference_populations
-- key: commune_insee, annee
SELECT commune_insee, annee, population
FROM raw.reference_populations
