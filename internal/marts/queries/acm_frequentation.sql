SELECT f.code_structure, coalesce(s.nom_structure, f.code_structure) AS nom, f.annee, f.periode, f.taux_remplissage,
       coalesce(f.presences_enfants_jours, 0) AS presences_enfants_jours, coalesce(f.capacite_places_jours, 0) AS capacite_places_jours,
       coalesce(f.enfants_distincts, 0) AS enfants_distincts, f.date_debut, f.date_fin, f.donnees,
       coalesce(f.heures_realisees, 0) AS heures_realisees
FROM marts.acm_frequentation AS f
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY f.code_structure, f.date_debut, f.periode
