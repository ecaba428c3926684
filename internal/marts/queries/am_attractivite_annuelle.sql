SELECT annee, am_actives_1er_janvier, nouveaux_agrements, cessations, cessations_retraite,
       ratio_renouvellement, am_actives_31_decembre, places_agreees, age_moyen, am_en_activite
FROM marts.am_attractivite_annuelle
WHERE antenne = 'territoire'
  AND annee IN (SELECT annee FROM marts.completude WHERE type_export = 'am_registre' AND statut IN ('complet', 'partiel')) -- a year without its register has no AM figures
ORDER BY annee
