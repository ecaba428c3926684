-- description: Communes membres du territoire, telles que les donne le fichier de référence
--   (code officiel géographique, populations légales de l'INSEE).
-- depends: raw.reference_communes
-- key: commune_insee
SELECT
    commune_insee,
    nom,
    population,
    population_annee,
    population_totale,
    commune_siren,
    departement,
    arrondissement,
    canton,
    _fichier,
    _ligne
FROM raw.reference_communes
