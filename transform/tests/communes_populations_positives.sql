-- description: chaque commune a une population municipale positive, et la population totale
--   n'est jamais inférieure à la population municipale
-- depends: marts.dim_commune
SELECT commune_insee, nom_commune, population, population_totale
FROM marts.dim_commune
WHERE population IS NULL OR population <= 0 OR population_totale < population
ORDER BY commune_insee
