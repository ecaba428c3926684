-- description: Population par commune, année et tranche d'âge (INSEE ou estimation), la plus
--   récente quand plusieurs fichiers la donnent ; estimation vaut vrai quand la source le dit.
-- depends: raw.population_age
-- key: commune_insee, annee, tranche
SELECT commune_insee, annee, tranche,
       arg_max(effectif, _chargement) AS effectif,
       arg_max(source, _chargement) AS source,
       coalesce(arg_max(source, _chargement) ILIKE '%estimation%', false) AS estimation
FROM raw.population_age
GROUP BY commune_insee, annee, tranche
