-- description: Population municipale légale de chaque commune par millésime (INSEE), pour suivre
--   l'évolution de la population d'une année sur l'autre.
-- depends: staging.populations_communes, staging.communes
-- key: commune_insee, annee
-- column commune_insee: Code officiel géographique INSEE de la commune.
-- column nom: Nom officiel de la commune.
-- column annee: Millésime de la population légale (année de référence du recensement).
-- column population: Population municipale légale de ce millésime.
-- column evolution: Évolution relative par rapport au millésime précédent, en fraction
--   (0,012 = +1,2 %) ; vide pour le premier millésime connu.
SELECT
    p.commune_insee,
    c.nom,
    p.annee,
    p.population,
    p.population / lag(p.population) OVER (PARTITION BY p.commune_insee ORDER BY p.annee) - 1 AS evolution
FROM staging.populations_communes AS p
JOIN staging.communes AS c USING (commune_insee)
ORDER BY p.commune_insee, p.annee
