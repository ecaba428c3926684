-- description: Les jours d'ouverture de chaque EAJE, pour chaque année couverte par les exports
--   (qu'il ait envoyé ses présences ou non : un mois sans présences est un mois manquant, pas un
--   mois vide) : jours couverts par un créneau de capacité et absents des fermetures, avec la
--   capacité théorique du jour (somme des places × heures de ses créneaux).
-- depends: staging.eaje_creneaux, staging.annees, raw.eaje_fermetures
-- key: code_structure, jour
WITH annees AS (
    SELECT DISTINCT c.code_structure, y.annee FROM staging.eaje_creneaux AS c, staging.annees AS y
), jours AS (
    SELECT a.code_structure, CAST(d AS DATE) AS jour
    FROM annees AS a, generate_series(make_date(a.annee, 1, 1), make_date(a.annee, 12, 31), INTERVAL 1 DAY) AS t(d)
)
SELECT
    j.code_structure,
    j.jour,
    max(c.places) AS places,
    max(c.fin) - min(c.debut) AS heures_ouverture,
    sum(c.places * (c.fin - c.debut)) AS capacite_heures,
    min(c.commune_insee) AS commune_insee
FROM jours AS j
JOIN staging.eaje_creneaux AS c
  ON c.code_structure = j.code_structure
 AND j.jour >= c.date_debut AND (c.date_fin IS NULL OR j.jour <= c.date_fin)
 AND list_contains(c.jours, ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'][dayofweek(j.jour) + 1])
WHERE NOT EXISTS (
    SELECT 1 FROM raw.eaje_fermetures AS f WHERE f.code_structure = j.code_structure AND f.date = j.jour
)
GROUP BY j.code_structure, j.jour
