-- description: La couverture des besoins d'accueil des enfants de moins de 3 ans par commune et
--   par année : places d'assistants maternels actifs au 31 décembre et places d'EAJE (les places
--   d'un bus sont partagées entre les communes où il stationne), pour 100 enfants de moins de 3
--   ans. Les effectifs d'enfants sont ceux de population_age ; une estimation est signalée.
-- depends: staging.communes, staging.annees, marts.am_annees, staging.eaje_creneaux, staging.structures, staging.population_age
-- key: commune_insee, annee
-- column commune_insee: Code INSEE de la commune.
-- column annee: Année.
-- column am_actives_31_decembre: Assistants maternels dont l'agrément court au 31 décembre et dont
--   la commune d'exercice est celle-ci dans leur situation de l'année (marts.am_annees : celle en
--   cours au 31 décembre). [personnes]
-- column places_am: Places agréées des AM actives au 31 décembre dont la commune d'exercice est
--   celle-ci, dans leur situation de l'année.
-- column places_eaje: Places d'EAJE de la commune dans l'année : les places des créneaux en vigueur
--   une partie de l'année, d'une structure ouverte cette année-là (part de chaque site pour un bus).
-- column places_total: Places d'AM et d'EAJE (places_am + places_eaje).
-- column enfants_moins_3_ans: Enfants de moins de 3 ans (tranche 0_2 de population_age, le
--   millésime de l'année même ou, à défaut, le plus récent avant). [personnes]
-- column enfants_millesime: Millésime de cet effectif d'enfants.
-- column taux_couverture: Places (AM et EAJE) pour 100 enfants de moins de 3 ans : 100 ×
--   places_total / enfants_moins_3_ans (pour regrouper des communes, additionner les parts, jamais
--   les taux). [révèle : enfants_moins_3_ans] [parts : places_total, enfants_moins_3_ans]
-- column taux_couverture_am: Places d'AM pour 100 enfants de moins de 3 ans. [parts : places_am, enfants_moins_3_ans]
-- column taux_couverture_eaje: Places d'EAJE pour 100 enfants de moins de 3 ans. [parts : places_eaje, enfants_moins_3_ans]
-- column estimation: Vrai quand l'effectif d'enfants est une estimation et non un chiffre de l'INSEE.
WITH am AS (
    SELECT commune_insee, annee, count(*) AS am, sum(places_agreees) AS places
    FROM marts.am_annees WHERE actif_31_decembre GROUP BY ALL
), sites AS ( -- each EAJE's sites in each year: a slot counts the years it is valid
    SELECT c.code_structure, y.annee, coalesce(c.commune_insee, s.commune_insee) AS commune_insee, max(c.places) AS places
    FROM staging.eaje_creneaux AS c
    JOIN staging.structures AS s USING (code_structure)
    JOIN staging.annees AS y
      ON c.date_debut <= make_date(y.annee, 12, 31) AND (c.date_fin IS NULL OR c.date_fin >= make_date(y.annee, 1, 1))
     AND (s.date_ouverture IS NULL OR s.date_ouverture <= make_date(y.annee, 12, 31))
     AND (s.date_fermeture IS NULL OR s.date_fermeture >= make_date(y.annee, 1, 1))
    GROUP BY ALL
), eaje AS (
    SELECT commune_insee, annee, sum(places / n) AS places
    FROM (SELECT *, count(*) OVER (PARTITION BY code_structure, annee) AS n FROM sites)
    GROUP BY commune_insee, annee
), enfants AS (
    SELECT c.commune_insee, y.annee,
           arg_max(p.effectif, p.annee) AS enfants, max(p.annee) AS millesime,
           arg_max(p.estimation, p.annee) AS estimation
    FROM staging.communes AS c
    CROSS JOIN staging.annees AS y
    LEFT JOIN staging.population_age AS p
      ON p.commune_insee = c.commune_insee AND p.tranche = '0_2' AND p.annee <= y.annee
    GROUP BY c.commune_insee, y.annee
)
SELECT
    e.commune_insee,
    e.annee,
    coalesce(a.am, 0) AS am_actives_31_decembre,
    coalesce(a.places, 0) AS places_am,
    coalesce(j.places, 0) AS places_eaje,
    coalesce(a.places, 0) + coalesce(j.places, 0) AS places_total,
    e.enfants AS enfants_moins_3_ans,
    e.millesime AS enfants_millesime,
    100.0 * (coalesce(a.places, 0) + coalesce(j.places, 0)) / nullif(e.enfants, 0) AS taux_couverture,
    100.0 * coalesce(a.places, 0) / nullif(e.enfants, 0) AS taux_couverture_am,
    100.0 * coalesce(j.places, 0) / nullif(e.enfants, 0) AS taux_couverture_eaje,
    coalesce(e.estimation, false) AS estimation
FROM enfants AS e
LEFT JOIN am AS a USING (commune_insee, annee)
LEFT JOIN eaje AS j USING (commune_insee, annee)
ORDER BY e.commune_insee, e.annee
