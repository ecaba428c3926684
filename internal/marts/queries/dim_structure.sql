SELECT code_structure, nom, type, commune_insee, coalesce(antenne, '') AS antenne
FROM marts.dim_structure
ORDER BY code_structure
