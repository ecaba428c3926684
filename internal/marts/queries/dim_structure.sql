SELECT code_structure, nom_structure, type_structure, commune_insee, coalesce(antenne, '') AS antenne
FROM marts.dim_structure
ORDER BY code_structure
