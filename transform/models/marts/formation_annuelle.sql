-- description: Le départ en formation continue des assistants maternels par antenne et par année,
--   et pour le territoire (antenne « territoire »). Une AM formée a été présente à au moins une
--   session réalisée dans l'année ; elle est rattachée à l'antenne de sa situation de l'année
--   (marts.am_annees : celle en cours au 31 décembre, qui vaut depuis le 1er janvier pour une AM
--   agréée avant l'année).
-- depends: marts.am_annees, staging.annees, staging.antennes, staging.formation_sessions, staging.formation_inscriptions
-- key: antenne, annee
-- column antenne: Code de l'antenne, ou « territoire » pour l'ensemble.
-- column niveau: « territoire » pour la ligne de tout le territoire, « antenne » pour les autres : additionner les lignes d'un seul niveau, jamais les deux.
-- column annee: Année.
-- column am_actives_1er_janvier: Assistants maternels actifs au 1er janvier (dans l'antenne de leur
--   situation de l'année pour une ligne d'antenne). [personnes]
-- column am_formees: Assistants maternels différents présents à au moins une session réalisée
--   dans l'année. [personnes]
-- column taux_depart_formation: Taux de départ en formation = AM formées / AM actives au 1er
--   janvier (fraction). [révèle : am_formees, am_actives_1er_janvier]
--   [parts : am_formees, am_actives_1er_janvier]
-- column heures_formation: Heures de formation suivies.
-- column heures_par_am_formee: Heures suivies par AM formée. [parts : heures_formation, am_formees]
-- column heures_distanciel: Heures de formation suivies à distance.
-- column part_distanciel: Part des heures suivies à distance. [parts : heures_distanciel, heures_formation]
-- column sessions_programmees: Sessions programmées dans l'année (pour une antenne : les
--   sessions qu'elle accueille).
-- column sessions_annulees: Sessions annulées.
-- column taux_annulation: Sessions annulées / programmées. [parts : sessions_annulees, sessions_programmees]
-- column sessions_sous_minimum: Sessions dont les inscriptions (hors désistements) sont restées
--   sous l'effectif minimal.
-- column inscriptions_sessions_realisees: Inscriptions hors désistements aux sessions réalisées.
-- column places_sessions_realisees: Places ouvertes (effectif maximal) des sessions réalisées.
-- column taux_remplissage_sessions: Inscriptions hors désistements / places ouvertes, sur les
--   sessions réalisées. [parts : inscriptions_sessions_realisees, places_sessions_realisees]
WITH suivis AS (
    SELECT i.identifiant_am, year(s.date_debut) AS annee, s.modalite, i.heures_suivies
    FROM staging.formation_inscriptions AS i
    JOIN staging.formation_sessions AS s USING (code_session)
    WHERE s.statut = 'realisee' AND i.statut = 'presente'
), par_am AS (
    SELECT a.antenne, a.annee, a.identifiant_am, a.actif_1er_janvier,
           count(f.identifiant_am) > 0 AS formee,
           coalesce(sum(f.heures_suivies), 0) AS heures,
           coalesce(sum(f.heures_suivies) FILTER (WHERE f.modalite = 'distanciel'), 0) AS heures_distance
    FROM marts.am_annees AS a
    LEFT JOIN suivis AS f USING (identifiant_am, annee)
    GROUP BY ALL
), am AS (
    SELECT coalesce(antenne, 'territoire') AS antenne, annee,
           count(*) FILTER (WHERE actif_1er_janvier) AS am_actives_1er_janvier,
           count(*) FILTER (WHERE formee) AS am_formees,
           sum(heures) AS heures, sum(heures_distance) AS heures_distance
    FROM par_am
    GROUP BY GROUPING SETS ((antenne, annee), (annee))
), inscrits AS (
    SELECT code_session, count(*) FILTER (WHERE statut <> 'desistee') AS inscrits
    FROM staging.formation_inscriptions GROUP BY ALL
), sessions AS (
    SELECT coalesce(s.antenne, 'territoire') AS antenne, year(s.date_debut) AS annee,
           count(*) AS programmees,
           count(*) FILTER (WHERE s.statut = 'annulee') AS annulees,
           count(*) FILTER (WHERE coalesce(i.inscrits, 0) < s.places_min) AS sous_minimum,
           sum(i.inscrits) FILTER (WHERE s.statut = 'realisee') AS inscrits_realisees,
           sum(s.places_max) FILTER (WHERE s.statut = 'realisee') AS places_realisees
    FROM staging.formation_sessions AS s
    LEFT JOIN inscrits AS i USING (code_session)
    GROUP BY GROUPING SETS ((s.antenne, year(s.date_debut)), (year(s.date_debut)))
), cadre AS (
    SELECT code_antenne AS antenne, annee FROM staging.antennes, staging.annees
    UNION ALL
    SELECT 'territoire', annee FROM staging.annees
)
SELECT
    c.antenne,
    CASE WHEN c.antenne = 'territoire' THEN 'territoire' ELSE 'antenne' END AS niveau,
    c.annee,
    coalesce(a.am_actives_1er_janvier, 0) AS am_actives_1er_janvier,
    coalesce(a.am_formees, 0) AS am_formees,
    a.am_formees / nullif(a.am_actives_1er_janvier, 0) AS taux_depart_formation,
    coalesce(a.heures, 0) AS heures_formation,
    a.heures / nullif(a.am_formees, 0) AS heures_par_am_formee,
    coalesce(a.heures_distance, 0) AS heures_distanciel,
    a.heures_distance / nullif(a.heures, 0) AS part_distanciel,
    coalesce(s.programmees, 0) AS sessions_programmees,
    coalesce(s.annulees, 0) AS sessions_annulees,
    s.annulees / nullif(s.programmees, 0) AS taux_annulation,
    coalesce(s.sous_minimum, 0) AS sessions_sous_minimum,
    coalesce(s.inscrits_realisees, 0) AS inscriptions_sessions_realisees,
    coalesce(s.places_realisees, 0) AS places_sessions_realisees,
    s.inscrits_realisees / nullif(s.places_realisees, 0) AS taux_remplissage_sessions
FROM cadre AS c
LEFT JOIN am AS a USING (antenne, annee)
LEFT JOIN sessions AS s USING (antenne, annee)
ORDER BY c.antenne = 'territoire', c.antenne, c.annee
