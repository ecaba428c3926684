SELECT a.antenne, coalesce(d.nom_antenne, CASE a.antenne WHEN 'territoire' THEN 'Territoire' ELSE a.antenne END) AS nom_antenne, a.annee,
       a.am_en_activite, a.am_a_jour, a.part_a_jour, a.places_disponibles
FROM marts.am_disponibilites_annuelles AS a
LEFT JOIN marts.dim_antenne AS d USING (antenne)
ORDER BY a.annee, a.antenne = 'territoire', coalesce(d.nom_antenne, a.antenne)
