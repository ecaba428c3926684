SELECT millesime, population
FROM marts.population_territoire
ORDER BY millesime
