SELECT commune_insee, nom_commune, geometrie_geojson FROM marts.carte_communes ORDER BY commune_insee
