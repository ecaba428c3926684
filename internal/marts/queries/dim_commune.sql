SELECT c.commune_insee, c.nom_commune, c.population, c.population_millesime,
       coalesce(c.antenne, '') AS antenne, coalesce(a.nom_antenne, '') AS nom_antenne
FROM marts.dim_commune AS c
LEFT JOIN marts.dim_antenne AS a ON a.antenne = c.antenne
ORDER BY c.nom_commune COLLATE fr, c.commune_insee
