-- description: Les départs en retraite projetés des assistants maternels actifs au 31 décembre
--   de chaque année, pour les cinq années suivantes, à l'âge de retraite configuré : une AM part
--   l'année où elle atteint cet âge ; celles qui l'ont déjà atteint partent la première année.
-- depends: marts.am_projection_departs_communes, staging.params
-- key: annee_reference, horizon
-- column annee_reference: Année dont on projette les AM actives au 31 décembre.
-- column horizon: Nombre d'années après l'année de référence (1 à 5).
-- column annee: Année du départ projeté (annee_reference + horizon).
-- column age_retraite: Âge de départ retenu (paramètre du territoire).
-- column departs_retraite_projetes: Départs projetés cette année-là. [personnes]
-- column places_perdues_projetees: Places agréées de ces AM. [révèle : departs_retraite_projetes]
-- column departs_cumules: Départs projetés de la première année à celle-ci. [personnes]
--   [non publié : la différence de deux cumuls rendrait un effectif masqué ; le recalculer à partir
--   de departs_retraite_projetes]
-- column places_perdues_cumulees: Places agréées perdues de la première année à celle-ci.
--   [non publié : la différence de deux cumuls rendrait des places masquées]
WITH departs AS ( -- the communes' rows add up to the territory (marts.am_projection_departs_communes)
    SELECT annee_reference, horizon, annee, sum(departs_retraite_projetes) AS departs, sum(places_perdues_projetees) AS places
    FROM marts.am_projection_departs_communes
    GROUP BY ALL
)
SELECT
    d.annee_reference,
    d.horizon,
    d.annee,
    p.age_retraite,
    d.departs AS departs_retraite_projetes,
    d.places AS places_perdues_projetees,
    sum(d.departs) OVER (PARTITION BY d.annee_reference ORDER BY d.horizon) AS departs_cumules,
    sum(d.places) OVER (PARTITION BY d.annee_reference ORDER BY d.horizon) AS places_perdues_cumulees
FROM departs AS d
CROSS JOIN staging.params AS p
ORDER BY d.annee_reference, d.horizon
