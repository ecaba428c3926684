SELECT annee, tranche_age, am, places FROM marts.am_pyramide_ages ORDER BY annee, age_min
