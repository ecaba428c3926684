-- description: Chaque assistant maternel pour chaque année couverte où son agrément court : sa
--   situation de l'année (la période de staging.am_historique en cours au 31 décembre, ou la
--   dernière avant sa cessation ; une situation ne change qu'au 1er janvier, c'est donc aussi celle
--   du 1er janvier pour une AM déjà agréée), actif au 1er janvier, agréé dans l'année, sorti dans
--   l'année, actif au 31 décembre, en activité selon le registre de l'année, et son âge en fin
--   d'année.
-- depends: staging.am, staging.annees, staging.am_historique, staging.am_statuts
-- key: identifiant_am, annee
WITH annees AS (
    SELECT a.*, y.annee, make_date(y.annee, 12, 31) AS fin_annee
    FROM staging.am AS a, staging.annees AS y
    WHERE a.date_premier_agrement <= make_date(y.annee, 12, 31)
      AND (a.date_cessation IS NULL OR a.date_cessation >= make_date(y.annee, 1, 1))
), faits AS (
    SELECT
        a.identifiant_am,
        a.annee,
        h.antenne,
        h.commune_insee,
        h.places_agreees,
        h.mam,
        h.annee_registre,
        a.motif_cessation,
        CAST(a.annee - a.annee_naissance AS INTEGER) AS age,
        a.date_premier_agrement < make_date(a.annee, 1, 1)
            AND (a.date_cessation IS NULL OR a.date_cessation >= make_date(a.annee, 1, 1)) AS actif_1er_janvier,
        year(a.date_premier_agrement) = a.annee AS nouvel_agrement,
        coalesce(year(a.date_cessation) = a.annee, false) AS cessation,
        a.date_cessation IS NULL OR a.date_cessation > a.fin_annee AS actif_31_decembre
    FROM annees AS a
    ASOF LEFT JOIN staging.am_historique AS h
      ON h.identifiant_am = a.identifiant_am AND a.fin_annee >= h.valide_du
)
SELECT
    f.*,
    f.cessation AND f.motif_cessation = 'retraite' AS cessation_retraite,
    CASE WHEN f.annee IN (SELECT annee FROM staging.am_statuts)
         THEN f.actif_31_decembre AND coalesce(s.statut, 'active') = 'active' END AS en_activite
FROM faits AS f
LEFT JOIN staging.am_statuts AS s USING (identifiant_am, annee)
