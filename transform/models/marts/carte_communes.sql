-- description: Contour de chaque commune (GeoJSON, WGS84, simplifié) pour dessiner les cartes
--   des rapports et du tableau de bord (source : IGN, via le fichier de référence).
-- depends: staging.contours_communes, staging.communes
-- key: commune_insee
-- column commune_insee: Code officiel géographique INSEE de la commune.
-- column nom_commune: Nom officiel de la commune.
-- column geometrie_geojson: Géométrie de la commune en GeoJSON (Polygon ou MultiPolygon,
--   longitude puis latitude).
SELECT c.commune_insee, c.nom AS nom_commune, g.geometrie_geojson
FROM staging.communes AS c
JOIN staging.contours_communes AS g USING (commune_insee)
ORDER BY c.commune_insee
