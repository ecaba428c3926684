SELECT commune_insee, nom, geometrie_geojson FROM marts.carte_communes ORDER BY commune_insee
