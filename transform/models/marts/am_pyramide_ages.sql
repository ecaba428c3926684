-- description: La pyramide des âges des assistants maternels actifs au 31 décembre, par tranche
--   de cinq ans.
-- depends: marts.am_annees
-- key: annee, tranche_age
-- column annee: Année.
-- column tranche_age: Tranche d'âge en fin d'année : « moins de 30 ans », « 30-34 ans », …,
--   « 65 ans et plus ».
-- column age_min: Premier âge de la tranche, pour trier.
-- column am: Assistants maternels actifs au 31 décembre dans la tranche. [personnes]
-- column places_agreees: Leurs places agréées.
WITH tranches AS (
    SELECT annee, places_agreees,
           CASE WHEN age < 30 THEN 25 WHEN age >= 65 THEN 65 ELSE age - age % 5 END AS age_min
    FROM marts.am_annees
    WHERE actif_31_decembre
)
SELECT
    annee,
    CASE age_min WHEN 25 THEN 'moins de 30 ans' WHEN 65 THEN '65 ans et plus'
         ELSE age_min || '-' || (age_min + 4) || ' ans' END AS tranche_age,
    age_min,
    count(*) AS am,
    sum(places_agreees) AS places_agreees
FROM tranches
GROUP BY annee, age_min
ORDER BY annee, age_min
