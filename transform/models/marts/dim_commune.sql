-- description: Les communes membres du territoire, une ligne par commune, avec leur population
--   municipale légale la plus récente (source : INSEE, populations légales).
-- depends: staging.communes, staging.antenne_communes, staging.population_age, staging.params
-- key: commune_insee
-- column commune_insee: Code officiel géographique INSEE de la commune (5 caractères).
-- column nom_commune: Nom officiel de la commune.
-- column population: Population municipale légale du millésime population_millesime (INSEE).
-- column population_millesime: Millésime de la population légale : l'année de référence du
--   recensement (la population du millésime 2023 est en vigueur au 1er janvier 2026).
-- column population_totale: Population totale légale (municipale et comptée à part), même millésime.
-- column commune_siren: Numéro SIREN de la commune.
-- column departement: Code du département.
-- column arrondissement: Code de l'arrondissement.
-- column canton: Code du canton.
-- column antenne: Antenne du Relais Petite Enfance qui couvre la commune.
-- column enfants_moins_3_ans: Enfants de moins de 3 ans, du millésime de l'année de référence ou du
--   plus récent avant (population_age).
-- column enfants_millesime: Millésime de cet effectif.
-- column enfants_estimation: Vrai quand cet effectif est une estimation.
SELECT
    c.commune_insee,
    c.nom AS nom_commune,
    c.population,
    c.population_annee AS population_millesime,
    c.population_totale,
    c.commune_siren,
    c.departement,
    c.arrondissement,
    c.canton,
    a.code_antenne AS antenne,
    e.effectif AS enfants_moins_3_ans,
    e.annee AS enfants_millesime,
    e.estimation AS enfants_estimation
FROM staging.communes AS c
LEFT JOIN staging.antenne_communes AS a USING (commune_insee)
LEFT JOIN (
    SELECT p.commune_insee, arg_max(p.effectif, p.annee) AS effectif, max(p.annee) AS annee,
           arg_max(p.estimation, p.annee) AS estimation
    FROM staging.population_age AS p, staging.params AS q
    WHERE p.tranche = '0_2' AND p.annee <= q.annee_reference
    GROUP BY p.commune_insee
) AS e USING (commune_insee)
ORDER BY c.commune_insee
