-- description: Population municipale légale de chaque commune par millésime (INSEE), pour suivre
--   l'évolution de la population d'une année sur l'autre.
-- depends: staging.populations_communes, staging.communes
-- key: commune_insee, millesime
-- column commune_insee: Code officiel géographique INSEE de la commune.
-- column nom_commune: Nom officiel de la commune.
-- column millesime: Millésime de la population légale (année de référence du recensement).
-- column population: Population municipale légale de ce millésime.
-- column population_precedente: Population municipale légale du millésime précédent connu ; vide
--   pour le premier.
-- column evolution: Évolution relative par rapport au millésime précédent, en fraction
--   (0,012 = +1,2 %) ; vide pour le premier millésime connu. [parts : population, population_precedente]
SELECT
    p.commune_insee,
    c.nom AS nom_commune,
    p.annee AS millesime,
    p.population,
    lag(p.population) OVER w AS population_precedente,
    p.population / lag(p.population) OVER w - 1 AS evolution
FROM staging.populations_communes AS p
JOIN staging.communes AS c USING (commune_insee)
WINDOW w AS (PARTITION BY p.commune_insee ORDER BY p.annee)
ORDER BY p.commune_insee, p.annee
