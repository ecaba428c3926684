-- description: Les actes de la prestation de service ALSH de la CAF, en heures, pour chaque accueil
--   collectif de mineurs : par période déclarée (téléprocédure TAM) et, sur la ligne de période
--   « annee », pour l'année (les périodes qui commencent dans l'année). Un acte est une heure de
--   présence réalisée, toute la plage comptée dès que l'enfant y vient (Caf de l'Hérault, PS ALSH
--   périscolaire). Un mercredi en période scolaire, les heures d'un enfant sont plafonnées par jour :
--   acm.plafond_mercredi_journee (9 h par défaut) s'il reste au repas (plage journee ou midi), sinon
--   acm.plafond_mercredi_demi_journee (4 h par défaut), paramètres du fichier de territoire. Un
--   mercredi est en période scolaire pour un accueil périscolaire toujours, pour un autre accueil
--   quand il n'a reçu aucun enfant le lundi, mardi, jeudi ou vendredi de la même semaine (en
--   vacances, il ouvre toute la semaine).
-- depends: staging.acm_presences, staging.acm_periodes, staging.structures, staging.params, marts.acm_frequentation
-- key: code_structure, annee, periode
-- column code_structure: Code de l'accueil.
-- column annee: Année du début de la période.
-- column periode: Code de la période déclarée, ou « annee » pour le total de l'année.
-- column date_debut: Premier jour de la période (vide pour l'année).
-- column date_fin: Dernier jour de la période (vide pour l'année).
-- column heures_realisees: Heures de présence réalisées, sans plafond.
-- column heures_facturees: Heures facturées aux familles (quand l'export les donne).
-- column mercredis_plafonnes: Journées-enfants d'un mercredi en période scolaire dont les heures
--   dépassaient le plafond.
-- column heures_ecretees: Heures au-delà du plafond des mercredis, retirées des actes.
-- column actes_heures: Actes déclarés à la CAF : heures réalisées − heures écrêtées.
-- column plafond_mercredi_journee: Plafond appliqué à un mercredi avec repas (heures ; vide : aucun).
-- column plafond_mercredi_demi_journee: Plafond appliqué à un mercredi sans repas (heures ; vide : aucun).
-- column donnees: État des présences (marts.acm_frequentation) : complet, partiel, manquant ou
--   refuse ; pour l'année, partiel dès qu'une période n'est pas complète, manquant quand aucune n'a
--   été reçue. Une période dont les présences manquent ou ont été refusées n'a ni heures ni actes
--   (vides, jamais 0) ; l'année additionne les périodes reçues.
WITH jours AS (
    SELECT code_structure, periode, date, enfant, sum(heures_realisees) AS heures,
           sum(heures_facturees) AS facturees, bool_or(plage IN ('journee', 'midi')) AS repas
    FROM staging.acm_presences
    WHERE periode IS NOT NULL
    GROUP BY ALL
), semaines AS (
    SELECT code_structure, date_trunc('week', date) AS semaine,
           bool_or(dayofweek(date) IN (1, 2, 4, 5)) AS autres_jours
    FROM staging.acm_presences
    GROUP BY ALL
), plafonnes AS (
    SELECT j.*,
           CASE WHEN dayofweek(j.date) = 3 AND (s.type = 'acm_periscolaire' OR NOT w.autres_jours)
                THEN CASE WHEN j.repas THEN p.plafond_mercredi_journee ELSE p.plafond_mercredi_demi_journee END
           END AS plafond
    FROM jours AS j
    JOIN semaines AS w ON w.code_structure = j.code_structure AND w.semaine = date_trunc('week', j.date)
    LEFT JOIN staging.structures AS s ON s.code_structure = j.code_structure
    CROSS JOIN staging.params AS p
), periodes AS (
    SELECT code_structure, periode, min(date_debut) AS date_debut, max(date_fin) AS date_fin
    FROM staging.acm_periodes
    GROUP BY ALL
), par_periode AS (
    SELECT
        d.code_structure,
        CAST(year(d.date_debut) AS INTEGER) AS annee,
        d.periode,
        d.date_debut,
        d.date_fin,
        coalesce(sum(j.heures), 0) AS heures_realisees,
        sum(j.facturees) AS heures_facturees,
        count(*) FILTER (WHERE j.heures > j.plafond) AS mercredis_plafonnes,
        coalesce(sum(greatest(j.heures - j.plafond, 0)), 0) AS heures_ecretees
    FROM periodes AS d
    LEFT JOIN plafonnes AS j USING (code_structure, periode)
    GROUP BY ALL
), etats AS (
    SELECT d.*, coalesce(f.donnees, 'complet') AS donnees
    FROM par_periode AS d
    LEFT JOIN marts.acm_frequentation AS f ON f.code_structure = d.code_structure AND f.periode = d.periode
), recues AS ( -- a period whose presences were never received has no figure
    SELECT * REPLACE (CASE WHEN donnees IN ('complet', 'partiel') THEN heures_realisees END AS heures_realisees,
                      CASE WHEN donnees IN ('complet', 'partiel') THEN heures_facturees END AS heures_facturees,
                      CASE WHEN donnees IN ('complet', 'partiel') THEN mercredis_plafonnes END AS mercredis_plafonnes,
                      CASE WHEN donnees IN ('complet', 'partiel') THEN heures_ecretees END AS heures_ecretees)
    FROM etats
), lignes AS (
    SELECT * FROM recues
    UNION ALL
    SELECT code_structure, annee, 'annee', NULL, NULL, sum(heures_realisees), sum(heures_facturees),
           sum(mercredis_plafonnes), sum(heures_ecretees),
           CASE WHEN bool_and(donnees = 'complet') THEN 'complet'
                WHEN bool_or(donnees IN ('complet', 'partiel')) THEN 'partiel'
                ELSE 'manquant' END
    FROM recues
    GROUP BY code_structure, annee
)
SELECT
    l.code_structure, l.annee, l.periode, l.date_debut, l.date_fin, l.heures_realisees, l.heures_facturees,
    l.mercredis_plafonnes, l.heures_ecretees, l.heures_realisees - l.heures_ecretees AS actes_heures,
    p.plafond_mercredi_journee, p.plafond_mercredi_demi_journee, l.donnees
FROM lignes AS l
CROSS JOIN staging.params AS p
ORDER BY l.code_structure, l.annee, l.periode = 'annee', l.date_debut, l.periode
