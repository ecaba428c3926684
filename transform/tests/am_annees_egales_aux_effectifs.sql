-- description: les assistants maternels année par année (marts.am_annees) font les effectifs du
--   territoire (marts.am_attractivite_annuelle) et ses départs projetés par commune ceux de
--   marts.am_projection_departs
-- depends: marts.am_annees, marts.am_attractivite_annuelle, marts.am_projection_departs, marts.am_projection_departs_communes
WITH annees AS (
    SELECT annee,
           count(*) FILTER (WHERE actif_1er_janvier) AS actives_1er_janvier,
           count(*) FILTER (WHERE nouvel_agrement) AS nouveaux,
           count(*) FILTER (WHERE cessation) AS cessations,
           count(*) FILTER (WHERE actif_31_decembre) AS actives_31_decembre,
           sum(places_agreees) FILTER (WHERE actif_31_decembre) AS places
    FROM marts.am_annees GROUP BY ALL
), communes AS (
    SELECT annee_reference, horizon, sum(departs_retraite_projetes) AS departs, sum(places_perdues_projetees) AS places
    FROM marts.am_projection_departs_communes GROUP BY ALL
)
SELECT 'am_attractivite_annuelle' AS mart, coalesce(a.annee, t.annee) AS annee, NULL AS horizon
FROM annees AS a
FULL JOIN (SELECT * FROM marts.am_attractivite_annuelle WHERE niveau = 'territoire') AS t ON t.annee = a.annee
WHERE a.actives_1er_janvier IS DISTINCT FROM t.am_actives_1er_janvier
   OR a.nouveaux IS DISTINCT FROM t.nouveaux_agrements
   OR a.cessations IS DISTINCT FROM t.cessations
   OR a.actives_31_decembre IS DISTINCT FROM t.am_actives_31_decembre
   OR coalesce(a.places, 0) IS DISTINCT FROM t.places_agreees
UNION ALL
SELECT 'am_projection_departs_communes', p.annee_reference, p.horizon
FROM marts.am_projection_departs AS p
LEFT JOIN communes AS c USING (annee_reference, horizon)
WHERE coalesce(c.departs, 0) <> p.departs_retraite_projetes OR coalesce(c.places, 0) <> p.places_perdues_projetees
ORDER BY 1, 2, 3
