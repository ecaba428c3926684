SELECT annee, am_actives_1er_janvier, nouveaux_agrements, cessations, cessations_retraite,
       ratio_renouvellement, am_actives_31_decembre, places_agreees, age_moyen
FROM marts.am_attractivite_annuelle
WHERE antenne = 'territoire'
ORDER BY annee
