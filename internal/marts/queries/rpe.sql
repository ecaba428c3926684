SELECT antenne, annee, ateliers_realises, ateliers_annules, am_distinctes_ateliers, am_actives,
       taux_frequentation_am, contacts_parents, contacts_professionnels, am_par_etp
FROM marts.rpe_activite_annuelle
ORDER BY antenne, annee
