-- description: Population municipale légale du territoire (somme de ses communes) par millésime
--   de l'INSEE, avec son évolution d'un millésime au suivant.
-- depends: marts.population_communes
-- key: millesime
-- column millesime: Millésime de la population légale (année de référence du recensement).
-- column population: Population municipale du territoire : somme des populations municipales
--   de ses communes pour ce millésime.
-- column communes: Nombre de communes dont la population de ce millésime est connue.
-- column population_precedente: Population municipale du territoire au millésime précédent ;
--   vide pour le premier.
-- column evolution: Évolution relative par rapport au millésime précédent, en fraction ; vide
--   pour le premier millésime connu. [parts : population, population_precedente]
SELECT
    millesime,
    sum(population) AS population,
    count(*) AS communes,
    lag(sum(population)) OVER (ORDER BY millesime) AS population_precedente,
    sum(population) / lag(sum(population)) OVER (ORDER BY millesime) - 1 AS evolution
FROM marts.population_communes
GROUP BY millesime
ORDER BY millesime
