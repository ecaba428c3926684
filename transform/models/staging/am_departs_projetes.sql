-- description: Les assistants maternels actifs au 31 décembre de chaque année qui partiraient en
--   retraite dans les cinq années suivantes, à l'âge de retraite configuré : une AM part l'année
--   où elle atteint cet âge ; celles qui l'ont déjà atteint partent la première année. Situation
--   (antenne, commune, places) de l'année de référence.
-- depends: staging.am_annees, staging.params
-- key: identifiant_am, annee_reference
SELECT
    a.identifiant_am,
    a.annee AS annee_reference,
    CAST(greatest(p.age_retraite - a.age, 1) AS INTEGER) AS horizon,
    a.antenne,
    a.commune_insee,
    a.places_agreees
FROM staging.am_annees AS a, staging.params AS p
WHERE a.actif_31_decembre AND p.age_retraite - a.age <= 5
