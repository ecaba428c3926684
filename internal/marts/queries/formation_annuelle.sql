SELECT antenne, coalesce(d.nom, CASE antenne WHEN 'territoire' THEN 'Territoire' ELSE antenne END) AS nom_antenne, annee, am_actives, am_formees, taux_depart_formation, sessions_programmees,
       sessions_annulees, sessions_sous_minimum, heures_formation
FROM marts.formation_annuelle AS a
LEFT JOIN marts.dim_antenne AS d ON d.code_antenne = a.antenne
ORDER BY antenne, annee
