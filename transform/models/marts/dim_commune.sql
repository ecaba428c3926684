-- description: Les communes membres du territoire, une ligne par commune, avec leur population
--   municipale légale la plus récente (source : INSEE, populations légales).
-- depends: staging.communes
-- key: commune_insee
-- column commune_insee: Code officiel géographique INSEE de la commune (5 caractères).
-- column nom: Nom officiel de la commune.
-- column population: Population municipale légale du millésime population_annee (INSEE).
-- column population_annee: Millésime de la population légale : l'année de référence du
--   recensement (la population du millésime 2023 est en vigueur au 1er janvier 2026).
-- column population_totale: Population totale légale (municipale et comptée à part), même millésime.
-- column commune_siren: Numéro SIREN de la commune.
-- column departement: Code du département.
-- column arrondissement: Code de l'arrondissement.
-- column canton: Code du canton.
SELECT
    commune_insee,
    nom,
    population,
    population_annee,
    population_totale,
    commune_siren,
    departement,
    arrondissement,
    canton
FROM staging.communes
ORDER BY commune_insee
