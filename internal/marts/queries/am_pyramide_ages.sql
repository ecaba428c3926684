SELECT annee, tranche_age, am, places_agreees FROM marts.am_pyramide_ages
WHERE annee IN (SELECT annee FROM marts.completude WHERE type_export = 'am_registre' AND statut IN ('complet', 'partiel'))
ORDER BY annee, age_min
