-- description: Les départs en retraite projetés des assistants maternels actifs au 31 décembre de
--   chaque année, pour les cinq années suivantes, par commune d'exercice et antenne de leur
--   situation de l'année de référence (même règle que am_projection_departs : une AM part l'année
--   où elle atteint l'âge de retraite configuré ; celles qui l'ont déjà atteint partent la
--   première année). Une ligne par commune, antenne, année de référence et horizon où au moins une
--   AM est active au 31 décembre : les lignes s'additionnent sans double compte (sur les communes
--   et les antennes, la somme d'une année de référence et d'un horizon redonne
--   am_projection_departs ; les cumuls s'obtiennent en additionnant les horizons 1 à h).
-- depends: marts.am_annees, staging.am_departs_projetes
-- key: commune_insee, antenne, annee_reference, horizon
-- column commune_insee: Commune d'exercice (code INSEE) dans la situation de l'année de référence.
-- column antenne: Code de l'antenne du RPE dans la situation de l'année de référence.
-- column annee_reference: Année dont on projette les AM actives au 31 décembre.
-- column horizon: Nombre d'années après l'année de référence (1 à 5).
-- column annee: Année du départ projeté (annee_reference + horizon).
-- column departs_retraite_projetes: Départs projetés cette année-là. [personnes]
-- column places_perdues_projetees: Places agréées de ces AM. [révèle : departs_retraite_projetes]
WITH cadre AS ( -- each commune and antenne with AM active at 31 December, and five horizons
    SELECT DISTINCT a.commune_insee, a.antenne, a.annee AS annee_reference, CAST(h AS INTEGER) AS horizon
    FROM marts.am_annees AS a, range(1, 6) AS t(h)
    WHERE a.actif_31_decembre
), departs AS (
    SELECT commune_insee, antenne, annee_reference, horizon, count(*) AS departs, sum(places_agreees) AS places
    FROM staging.am_departs_projetes
    GROUP BY ALL
)
SELECT
    c.commune_insee,
    c.antenne,
    c.annee_reference,
    c.horizon,
    CAST(c.annee_reference + c.horizon AS INTEGER) AS annee,
    coalesce(d.departs, 0) AS departs_retraite_projetes,
    CAST(coalesce(d.places, 0) AS BIGINT) AS places_perdues_projetees
FROM cadre AS c
LEFT JOIN departs AS d USING (commune_insee, antenne, annee_reference, horizon)
ORDER BY c.commune_insee, c.antenne, c.annee_reference, c.horizon
