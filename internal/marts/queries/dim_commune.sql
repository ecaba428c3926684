SELECT c.commune_insee, c.nom, c.population, c.population_annee,
       coalesce(c.antenne_rpe, '') AS antenne, coalesce(a.nom, '') AS nom_antenne
FROM marts.dim_commune AS c
LEFT JOIN marts.dim_antenne AS a ON a.code_antenne = c.antenne_rpe
ORDER BY c.nom COLLATE fr, c.commune_insee
