SELECT commune_insee, nom, population, population_annee
FROM marts.dim_commune
ORDER BY nom COLLATE fr, commune_insee
