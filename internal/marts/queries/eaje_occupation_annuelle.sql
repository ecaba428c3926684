SELECT a.code_structure, coalesce(s.nom_structure, a.code_structure) AS nom, a.annee, a.taux_occupation_reel,
       a.taux_occupation_financier, a.taux_facturation, coalesce(a.zone_facturation, '') AS zone_facturation, coalesce(a.enfants_distincts, 0) AS enfants_distincts,
       coalesce(a.jours_ouverture, 0) AS jours_ouverture, coalesce(a.capacite_theorique_heures, 0) AS capacite_theorique_heures,
       coalesce(a.heures_realisees, 0) AS heures_realisees,
       coalesce(a.heures_facturees, 0) AS heures_facturees, a.mois_sans_donnees, a.donnees
FROM marts.eaje_occupation_annuelle AS a
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY a.code_structure, a.annee
