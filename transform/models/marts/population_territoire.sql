-- description: Population municipale légale du territoire (somme de ses communes) par millésime
--   de l'INSEE, avec son évolution d'un millésime au suivant.
-- depends: marts.population_communes
-- key: annee
-- column annee: Millésime de la population légale (année de référence du recensement).
-- column population: Population municipale du territoire : somme des populations municipales
--   de ses communes pour ce millésime.
-- column communes: Nombre de communes dont la population de ce millésime est connue.
-- column evolution: Évolution relative par rapport au millésime précédent, en fraction ; vide
--   pour le premier millésime connu.
SELECT
    annee,
    sum(population)::INTEGER AS population,
    count(*)::INTEGER AS communes,
    sum(population) / lag(sum(population)) OVER (ORDER BY annee) - 1 AS evolution
FROM marts.population_communes
GROUP BY annee
ORDER BY annee
