-- description: Contours des communes (GeoJSON) du fichier de référence.
-- depends: raw.reference_contours
-- key: commune_insee
SELECT commune_insee, geometrie_geojson
FROM raw.reference_contours
