SELECT annee, population
FROM marts.population_territoire
ORDER BY annee
