SELECT a.code_structure, coalesce(s.nom, a.code_structure), a.annee, a.taux_occupation_reel,
       a.taux_occupation_financier, a.taux_facturation, coalesce(a.zone_facturation, ''), a.enfants_distincts,
       a.jours_ouverture, a.capacite_theorique_heures, a.heures_realisees, a.heures_facturees
FROM marts.eaje_occupation_annuelle AS a
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY a.code_structure, a.annee
