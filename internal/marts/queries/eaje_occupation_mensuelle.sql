SELECT m.code_structure, coalesce(s.nom_structure, m.code_structure) AS nom, m.annee, CAST(month(m.mois) AS INTEGER) AS mois, m.taux_occupation_reel,
       m.taux_occupation_financier, m.heures_realisees, m.capacite_theorique_heures, m.heures_facturees,
       m.jours_ouverture, m.taux_facturation, m.donnees
FROM marts.eaje_occupation_mensuelle AS m
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY m.code_structure, m.annee, m.mois
