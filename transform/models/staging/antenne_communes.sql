-- description: Les communes couvertes par chaque antenne du RPE (une ligne par commune).
-- depends: staging.antennes
-- key: commune_insee
SELECT DISTINCT ON (trim(c)) trim(c) AS commune_insee, code_antenne
FROM staging.antennes, unnest(string_split(communes_couvertes, '|')) AS t(c)
WHERE trim(c) <> ''
ORDER BY trim(c), code_antenne
