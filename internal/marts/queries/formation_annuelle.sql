SELECT antenne, coalesce(d.nom_antenne, CASE antenne WHEN 'territoire' THEN 'Territoire' ELSE antenne END) AS nom_antenne, annee, am_actives_1er_janvier, am_formees, taux_depart_formation, sessions_programmees,
       sessions_annulees, sessions_sous_minimum, heures_formation
FROM marts.formation_annuelle AS a
LEFT JOIN marts.dim_antenne AS d USING (antenne)
ORDER BY antenne, annee
