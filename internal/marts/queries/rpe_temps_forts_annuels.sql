SELECT t.antenne,
       coalesce(d.nom_antenne, CASE t.antenne WHEN 'territoire' THEN 'Territoire' WHEN 'intercommunal' THEN 'Intercommunaux' ELSE t.antenne END) AS nom_antenne,
       t.annee, t.temps_forts, t.parents, t.am, t.enfants, t.temps_forts_sans_effectifs
FROM marts.rpe_temps_forts_annuels AS t
LEFT JOIN marts.dim_antenne AS d USING (antenne)
ORDER BY t.annee, t.antenne = 'territoire', t.antenne = 'intercommunal', coalesce(d.nom_antenne, t.antenne)
