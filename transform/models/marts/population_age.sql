-- description: La population de chaque commune par millésime et tranche d'âge (enfants et
--   jeunes), de l'INSEE ou estimée : le fichier le plus récent quand plusieurs donnent le même
--   millésime. Une ligne par commune, millésime et tranche : les effectifs s'additionnent sur les
--   communes et les tranches d'un même millésime, jamais sur les millésimes.
-- depends: staging.population_age
-- key: commune_insee, millesime, tranche_age
-- column commune_insee: Code INSEE de la commune.
-- column millesime: Année à laquelle la population est comptée (millésime du recensement ou de
--   l'estimation).
-- column tranche_age: Tranche d'âge : « 0_2 » (moins de 3 ans), « 3_5 », « 6_11 », « 12_17 ».
-- column effectif: Population de la commune dans la tranche. [personnes]
-- column estimation: Vrai quand l'effectif est une estimation et non un chiffre de l'INSEE.
-- column source: Source que donne le fichier.
SELECT
    commune_insee,
    CAST(annee AS INTEGER) AS millesime,
    tranche AS tranche_age,
    CAST(effectif AS BIGINT) AS effectif,
    estimation,
    source
FROM staging.population_age
ORDER BY commune_insee, millesime, tranche_age
