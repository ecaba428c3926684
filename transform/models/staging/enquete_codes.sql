-- description: Les freins et leviers cités dans l'enquête, une ligne par réponse et par code.
-- depends: raw.enquete_freins_leviers
SELECT year(date) AS annee, reponse, a_suivi_formation, antenne, anciennete, 'frein' AS nature, unnest(string_split(freins, '|')) AS code
FROM raw.enquete_freins_leviers WHERE freins IS NOT NULL AND freins <> ''
UNION ALL
SELECT year(date), reponse, a_suivi_formation, antenne, anciennete, 'levier', unnest(string_split(leviers, '|'))
FROM raw.enquete_freins_leviers WHERE leviers IS NOT NULL AND leviers <> ''
