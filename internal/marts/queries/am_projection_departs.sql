SELECT annee_reference, annee, departs_retraite_projetes, places_perdues_projetees, places_perdues_cumulees
FROM marts.am_projection_departs
WHERE annee_reference IN (SELECT annee FROM marts.completude WHERE type_export = 'am_registre' AND statut IN ('complet', 'partiel'))
ORDER BY annee_reference, horizon
