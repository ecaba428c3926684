-- description: Les départs en retraite projetés des assistants maternels actifs au 31 décembre
--   de chaque année, pour les cinq années suivantes, à l'âge de retraite configuré : une AM part
--   l'année où elle atteint cet âge ; celles qui l'ont déjà atteint partent la première année.
-- depends: staging.am_annees, staging.params
-- key: annee_reference, horizon
-- column annee_reference: Année dont on projette les AM actives au 31 décembre.
-- column horizon: Nombre d'années après l'année de référence (1 à 5).
-- column annee: Année du départ projeté (annee_reference + horizon).
-- column age_retraite: Âge de départ retenu (paramètre du territoire).
-- column departs_retraite_projetes: Départs projetés cette année-là. [personnes]
-- column places_perdues_projetees: Places agréées de ces AM.
-- column departs_cumules: Départs projetés de la première année à celle-ci.
-- column places_perdues_cumulees: Places agréées perdues de la première année à celle-ci.
WITH departs AS (
    SELECT a.annee AS annee_reference, h AS horizon, p.age_retraite,
           count(*) FILTER (WHERE CASE WHEN h = 1 THEN a.age + 1 >= p.age_retraite ELSE a.age + h = p.age_retraite END) AS departs,
           coalesce(sum(a.places_agreees) FILTER (WHERE CASE WHEN h = 1 THEN a.age + 1 >= p.age_retraite ELSE a.age + h = p.age_retraite END), 0) AS places
    FROM staging.am_annees AS a, staging.params AS p, range(1, 6) AS t(h)
    WHERE a.actif_31_decembre
    GROUP BY a.annee, h, p.age_retraite
)
SELECT
    annee_reference,
    CAST(horizon AS INTEGER) AS horizon,
    CAST(annee_reference + horizon AS INTEGER) AS annee,
    age_retraite,
    departs AS departs_retraite_projetes,
    places AS places_perdues_projetees,
    sum(departs) OVER (PARTITION BY annee_reference ORDER BY horizon) AS departs_cumules,
    sum(places) OVER (PARTITION BY annee_reference ORDER BY horizon) AS places_perdues_cumulees
FROM departs
ORDER BY annee_reference, horizon
