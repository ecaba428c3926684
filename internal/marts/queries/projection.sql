SELECT annee_reference, annee, departs_retraite_projetes, places_perdues_projetees, places_perdues_cumulees
FROM marts.am_projection_departs ORDER BY annee_reference, horizon
