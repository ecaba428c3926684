SELECT antenne, coalesce(d.nom_antenne, CASE antenne WHEN 'territoire' THEN 'Territoire' ELSE antenne END) AS nom_antenne, annee, ateliers_realises, ateliers_annules, am_distinctes_ateliers, am_actives_1er_janvier,
       taux_frequentation_am, contacts_parents, contacts_professionnels, am_par_etp
FROM marts.rpe_activite_annuelle AS a
LEFT JOIN marts.dim_antenne AS d USING (antenne)
ORDER BY antenne, annee
