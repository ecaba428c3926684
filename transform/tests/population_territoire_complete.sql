-- description: chaque millésime du territoire compte toutes les communes, et le dernier égale la
--   somme de dim_commune
-- depends: marts.population_territoire, marts.dim_commune
SELECT t.millesime, t.communes, t.population
FROM marts.population_territoire AS t
WHERE t.communes <> (SELECT count(*) FROM marts.dim_commune)
   OR (t.millesime = (SELECT max(population_millesime) FROM marts.dim_commune)
       AND t.population <> (SELECT sum(population) FROM marts.dim_commune))
ORDER BY t.millesime
