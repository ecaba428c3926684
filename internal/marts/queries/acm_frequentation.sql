SELECT f.code_structure, coalesce(s.nom_structure, f.code_structure) AS nom, f.annee, f.periode, f.taux_remplissage,
       f.presences_enfants_jours, f.capacite_places_jours, f.enfants_distincts, f.date_debut, f.date_fin, f.donnees,
       f.heures_realisees
FROM marts.acm_frequentation AS f
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY f.code_structure, f.date_debut, f.periode
