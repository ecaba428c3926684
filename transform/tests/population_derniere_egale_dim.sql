-- description: la population de dim_commune est celle du même millésime dans population_communes
-- depends: marts.dim_commune, marts.population_communes
SELECT d.commune_insee, d.population, p.population AS population_du_millesime
FROM marts.dim_commune AS d
LEFT JOIN marts.population_communes AS p
    ON p.commune_insee = d.commune_insee AND p.millesime = d.population_millesime
WHERE p.population IS DISTINCT FROM d.population
ORDER BY d.commune_insee
