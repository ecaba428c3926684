-- description: chaque commune a un contour sur la carte, et la carte n'a pas de commune inconnue
-- depends: marts.dim_commune, marts.carte_communes
SELECT coalesce(d.commune_insee, c.commune_insee) AS commune_insee,
       CASE WHEN c.commune_insee IS NULL THEN 'sans contour' ELSE 'contour sans commune' END AS probleme
FROM marts.dim_commune AS d
FULL JOIN marts.carte_communes AS c USING (commune_insee)
WHERE d.commune_insee IS NULL OR c.commune_insee IS NULL
ORDER BY 1
