-- description: Chaque assistant maternel pour chaque année couverte : actif au 1er janvier,
--   agréé dans l'année, sorti dans l'année, actif au 31 décembre, et son âge en fin d'année.
-- depends: staging.am, staging.annees
-- key: identifiant_am, annee
SELECT
    a.identifiant_am,
    y.annee,
    a.antenne,
    a.commune_insee,
    a.places_agreees,
    a.mam,
    a.motif_cessation,
    y.annee - a.annee_naissance AS age,
    a.date_premier_agrement < make_date(y.annee, 1, 1)
        AND (a.date_cessation IS NULL OR a.date_cessation >= make_date(y.annee, 1, 1)) AS actif_1er_janvier,
    year(a.date_premier_agrement) = y.annee AS nouvel_agrement,
    coalesce(year(a.date_cessation) = y.annee, false) AS cessation,
    a.date_premier_agrement <= make_date(y.annee, 12, 31)
        AND (a.date_cessation IS NULL OR a.date_cessation > make_date(y.annee, 12, 31)) AS actif_31_decembre
FROM staging.am AS a, staging.annees AS y
WHERE a.date_premier_agrement <= make_date(y.annee, 12, 31)
  AND (a.date_cessation IS NULL OR a.date_cessation >= make_date(y.annee, 1, 1))
