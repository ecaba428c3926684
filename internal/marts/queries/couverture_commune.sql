SELECT c.commune_insee, d.nom_commune, c.annee, c.am_actives_31_decembre, c.places_am, c.places_eaje, c.enfants_moins_3_ans,
       c.taux_couverture, c.estimation
FROM marts.couverture_commune AS c
JOIN marts.dim_commune AS d USING (commune_insee)
WHERE c.annee IN (SELECT annee FROM marts.completude WHERE type_export = 'am_registre' AND statut IN ('complet', 'partiel'))
ORDER BY c.annee, c.commune_insee
