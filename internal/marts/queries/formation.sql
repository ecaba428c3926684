SELECT antenne, annee, am_actives, am_formees, taux_depart_formation, sessions_programmees,
       sessions_annulees, sessions_sous_minimum, heures_formation
FROM marts.formation_annuelle
ORDER BY antenne, annee
