-- description: Les départs en retraite projetés des assistants maternels actifs au 31 décembre
--   de chaque année, pour les cinq années suivantes, à l'âge de retraite configuré : une AM part
--   l'année où elle atteint cet âge ; celles qui l'ont déjà atteint partent la première année.
-- depends: staging.am_annees, staging.am_departs_projetes, staging.params
-- key: annee_reference, horizon
-- column annee_reference: Année dont on projette les AM actives au 31 décembre.
-- column horizon: Nombre d'années après l'année de référence (1 à 5).
-- column annee: Année du départ projeté (annee_reference + horizon).
-- column age_retraite: Âge de départ retenu (paramètre du territoire).
-- column departs_retraite_projetes: Départs projetés cette année-là. [personnes]
-- column places_perdues_projetees: Places agréées de ces AM.
-- column departs_cumules: Départs projetés de la première année à celle-ci.
-- column places_perdues_cumulees: Places agréées perdues de la première année à celle-ci.
WITH cadre AS ( -- every year with AM active at 31 December, and its five horizons
    SELECT DISTINCT a.annee AS annee_reference, CAST(h AS INTEGER) AS horizon
    FROM staging.am_annees AS a, range(1, 6) AS t(h)
    WHERE a.actif_31_decembre
), departs AS (
    SELECT annee_reference, horizon, count(*) AS departs, sum(places_agreees) AS places
    FROM staging.am_departs_projetes
    GROUP BY ALL
)
SELECT
    c.annee_reference,
    c.horizon,
    CAST(c.annee_reference + c.horizon AS INTEGER) AS annee,
    p.age_retraite,
    coalesce(d.departs, 0) AS departs_retraite_projetes,
    coalesce(d.places, 0) AS places_perdues_projetees,
    sum(coalesce(d.departs, 0)) OVER (PARTITION BY c.annee_reference ORDER BY c.horizon) AS departs_cumules,
    sum(coalesce(d.places, 0)) OVER (PARTITION BY c.annee_reference ORDER BY c.horizon) AS places_perdues_cumulees
FROM cadre AS c
CROSS JOIN staging.params AS p
LEFT JOIN departs AS d ON d.annee_reference = c.annee_reference AND d.horizon = c.horizon
ORDER BY c.annee_reference, c.horizon
