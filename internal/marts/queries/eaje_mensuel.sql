SELECT m.code_structure, coalesce(s.nom, m.code_structure), m.annee, m.mois, m.taux_occupation_reel,
       m.taux_occupation_financier, m.heures_realisees, m.capacite_theorique_heures
FROM marts.eaje_occupation_mensuelle AS m
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY m.code_structure, m.annee, m.mois
