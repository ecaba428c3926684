-- description: Les quatre déclarations d'activité de la prestation de service unique (PSU) que
--   chaque EAJE fait à la CAF au cours d'une année N : le prévisionnel N, le réel N-1, l'actualisé
--   de janvier à juin N et l'actualisé de janvier à septembre N. Chaque déclaration cumule les mois
--   de sa période, avec les définitions de marts.eaje_occupation_mensuelle (jours d'ouverture et
--   capacité théorique des créneaux, heures des présences journalières ou des relevés mensuels) et
--   les heures par régime des familles (staging.eaje_heures_enfants, sur les mêmes mois reçus).
--   Le prévisionnel N ne se calcule pas à partir de données passées : il reprend le réel N-1, à
--   ajuster par la structure (jamais une extrapolation). Une période dont un mois manque ou est
--   partiel est marquée (colonne donnees) ; ses jours, sa capacité et ses taux portent sur les mois
--   reçus seulement, comme marts.eaje_occupation_annuelle.
-- depends: marts.eaje_occupation_mensuelle, staging.eaje_heures_enfants
-- key: code_structure, annee, declaration
-- column code_structure: Code de l'EAJE.
-- column annee: Année N de la campagne de déclarations.
-- column declaration: previsionnel (prévisionnel N), reel_n_1 (réel N-1), actualise_juin
--   (actualisé de janvier à juin N) ou actualise_septembre (actualisé de janvier à septembre N).
-- column libelle: Intitulé de la déclaration, tel que les documents l'écrivent.
-- column annee_donnees: Année des mois cumulés : N-1 pour le prévisionnel et le réel N-1, N pour
--   les actualisés.
-- column date_debut: Premier jour de la période cumulée (le 1er janvier).
-- column date_fin: Dernier jour de la période cumulée (30 juin, 30 septembre ou 31 décembre).
-- column mois_ouverture: Mois de la période où un créneau de capacité ouvre l'EAJE.
-- column mois_sans_donnees: Mois d'ouverture de la période dont les présences manquent ou ont été
--   refusées.
-- column jours_ouverture: Jours d'ouverture des mois reçus de la période.
-- column capacite_theorique_heures: Heures-places offertes : capacité théorique horaire (places ×
--   heures de chaque créneau, jours d'ouverture) des mois reçus de la période.
-- column heures_realisees: Heures de présence effective des enfants, cumulées sur la période.
-- column heures_facturees: Heures facturées aux familles, cumulées sur la période.
-- column heures_realisees_regime_general: Heures réalisées des familles du régime général.
-- column heures_realisees_msa: Heures réalisées des familles de la MSA.
-- column heures_realisees_autre_regime: Heures réalisées des familles d'un autre régime.
-- column heures_realisees_regime_non_renseigne: Heures réalisées des familles dont l'export ne dit
--   pas le régime.
-- column heures_facturees_regime_general: Heures facturées aux familles du régime général.
-- column heures_facturees_msa: Heures facturées aux familles de la MSA.
-- column heures_facturees_autre_regime: Heures facturées aux familles d'un autre régime.
-- column heures_facturees_regime_non_renseigne: Heures facturées aux familles dont l'export ne dit
--   pas le régime.
-- column part_regime_general: Part des heures facturées de la période qui relèvent du régime
--   général (fraction) : la PSU est multipliée par cette part.
--   [parts : heures_facturees_regime_general, heures_facturees]
-- column taux_occupation_reel: Heures réalisées / capacité théorique (fraction).
--   [parts : heures_realisees, capacite_theorique_heures]
-- column taux_occupation_financier: Heures facturées / capacité théorique (fraction).
--   [parts : heures_facturees, capacite_theorique_heures]
-- column taux_facturation: Heures facturées / heures réalisées (fraction).
--   [parts : heures_facturees, heures_realisees]
-- column donnees: complet quand tous les mois d'ouverture de la période sont complets ; partiel
--   quand un mois est partiel, manquant ou refusé et qu'au moins un a été reçu ; manquant quand
--   aucun mois n'a été reçu ou que l'entrepôt ne connaît aucun mois d'ouverture de la période (le
--   réel N-1 d'une première année d'exports).
WITH campagnes AS (
    SELECT DISTINCT code_structure, annee FROM marts.eaje_occupation_mensuelle
), periodes AS (
    SELECT * FROM (VALUES
        (1, 'previsionnel', -1, 1, 12),
        (2, 'reel_n_1', -1, 1, 12),
        (3, 'actualise_juin', 0, 1, 6),
        (4, 'actualise_septembre', 0, 1, 9)
    ) AS p(ordre, declaration, decalage, mois_debut, mois_fin)
), declarations AS (
    SELECT c.code_structure, c.annee, p.ordre, p.declaration, c.annee + p.decalage AS annee_donnees, p.mois_debut, p.mois_fin
    FROM campagnes AS c, periodes AS p
), mois AS (
    SELECT d.code_structure, d.annee, d.declaration,
           count(m.mois) AS mois_ouverture,
           count(m.mois) FILTER (WHERE m.heures_realisees IS NULL) AS mois_sans_donnees,
           sum(m.jours_ouverture) FILTER (WHERE m.heures_realisees IS NOT NULL) AS jours_ouverture,
           sum(m.capacite_theorique_heures) FILTER (WHERE m.heures_realisees IS NOT NULL) AS capacite_theorique_heures,
           sum(m.heures_realisees) AS heures_realisees,
           sum(m.heures_facturees) AS heures_facturees,
           CASE WHEN count(m.mois) = 0 THEN 'manquant'
                WHEN bool_and(m.donnees = 'complet') THEN 'complet'
                WHEN bool_or(m.donnees IN ('complet', 'partiel')) THEN 'partiel'
                ELSE 'manquant' END AS donnees
    FROM declarations AS d
    LEFT JOIN marts.eaje_occupation_mensuelle AS m
      ON m.code_structure = d.code_structure AND m.annee = d.annee_donnees AND month(m.mois) BETWEEN d.mois_debut AND d.mois_fin
    GROUP BY d.code_structure, d.annee, d.declaration
), regimes AS (
    -- The same months as the totals: those of the monthly mart whose presences were received.
    SELECT d.code_structure, d.annee, d.declaration,
           sum(h.heures_realisees) FILTER (WHERE h.regime = 'general') AS rg_r,
           sum(h.heures_realisees) FILTER (WHERE h.regime = 'msa') AS msa_r,
           sum(h.heures_realisees) FILTER (WHERE h.regime NOT IN ('general', 'msa')) AS autre_r,
           sum(h.heures_realisees) FILTER (WHERE h.regime IS NULL) AS nr_r,
           sum(h.heures_facturees) FILTER (WHERE h.regime = 'general') AS rg_f,
           sum(h.heures_facturees) FILTER (WHERE h.regime = 'msa') AS msa_f,
           sum(h.heures_facturees) FILTER (WHERE h.regime NOT IN ('general', 'msa')) AS autre_f,
           sum(h.heures_facturees) FILTER (WHERE h.regime IS NULL) AS nr_f
    FROM declarations AS d
    JOIN marts.eaje_occupation_mensuelle AS m
      ON m.code_structure = d.code_structure AND m.annee = d.annee_donnees AND month(m.mois) BETWEEN d.mois_debut AND d.mois_fin
     AND m.heures_realisees IS NOT NULL
    JOIN staging.eaje_heures_enfants AS h
      ON h.code_structure = m.code_structure AND h.mois = m.mois
    GROUP BY d.code_structure, d.annee, d.declaration
)
SELECT
    d.code_structure,
    d.annee,
    d.declaration,
    CASE d.declaration
        WHEN 'previsionnel' THEN 'Prévisionnel ' || d.annee || ' (base : réel ' || d.annee_donnees || ', à ajuster par la structure)'
        WHEN 'reel_n_1' THEN 'Réel ' || d.annee_donnees
        WHEN 'actualise_juin' THEN 'Actualisé ' || d.annee || ' (janvier à juin)'
        ELSE 'Actualisé ' || d.annee || ' (janvier à septembre)'
    END AS libelle,
    CAST(d.annee_donnees AS INTEGER) AS annee_donnees,
    make_date(d.annee_donnees, d.mois_debut, 1) AS date_debut,
    last_day(make_date(d.annee_donnees, d.mois_fin, 1)) AS date_fin,
    CAST(m.mois_ouverture AS INTEGER) AS mois_ouverture,
    CAST(m.mois_sans_donnees AS INTEGER) AS mois_sans_donnees,
    m.jours_ouverture,
    m.capacite_theorique_heures,
    m.heures_realisees,
    m.heures_facturees,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.rg_r, 0) END AS heures_realisees_regime_general,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.msa_r, 0) END AS heures_realisees_msa,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.autre_r, 0) END AS heures_realisees_autre_regime,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.nr_r, 0) END AS heures_realisees_regime_non_renseigne,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.rg_f, 0) END AS heures_facturees_regime_general,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.msa_f, 0) END AS heures_facturees_msa,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.autre_f, 0) END AS heures_facturees_autre_regime,
    CASE WHEN m.heures_realisees IS NOT NULL THEN coalesce(r.nr_f, 0) END AS heures_facturees_regime_non_renseigne,
    coalesce(r.rg_f, 0) / nullif(m.heures_facturees, 0) AS part_regime_general,
    m.heures_realisees / nullif(m.capacite_theorique_heures, 0) AS taux_occupation_reel,
    m.heures_facturees / nullif(m.capacite_theorique_heures, 0) AS taux_occupation_financier,
    m.heures_facturees / nullif(m.heures_realisees, 0) AS taux_facturation,
    m.donnees
FROM declarations AS d
JOIN mois AS m USING (code_structure, annee, declaration)
LEFT JOIN regimes AS r USING (code_structure, annee, declaration)
ORDER BY d.code_structure, d.annee, d.ordre
