-- description: L'occupation de chaque EAJE par année (définitions PSU de la CAF), avec la zone
--   du taux de facturation selon la règle de l'année : jusqu'en 2024, ≤ 107 %, 107 à 117 %,
--   > 117 % ; depuis 2025, ≤ 107 %, 107 à 120 % (plafond dégressif), ≥ 120 %. Les mois reçus en
--   relevé mensuel par enfant comptent comme ceux reçus en présences journalières.
-- depends: marts.eaje_occupation_mensuelle, staging.eaje_heures_enfants, marts.dim_structure
-- key: code_structure, annee
-- column code_structure: Code de l'EAJE.
-- column annee: Année.
-- column jours_ouverture: Jours d'ouverture des mois dont les présences ont été reçues.
-- column capacite_theorique_heures: Capacité théorique horaire des mois dont les présences ont été
--   reçues (les taux de l'année portent sur ces mois seulement).
-- column heures_contractualisees: Heures réservées aux contrats d'accueil régulier.
-- column heures_realisees: Heures de présence effective.
-- column heures_facturees: Heures facturées aux familles.
-- column taux_occupation_reel: Heures réalisées / capacité théorique.
--   [parts : heures_realisees, capacite_theorique_heures]
-- column taux_occupation_financier: Heures facturées / capacité théorique.
--   [parts : heures_facturees, capacite_theorique_heures]
-- column taux_facturation: Heures facturées / heures réalisées.
--   [parts : heures_facturees, heures_realisees]
-- column zone_facturation: Zone du taux de facturation dans le barème CAF de l'année.
-- column enfants_distincts: Enfants différents accueillis dans l'année, vide (jamais 0) quand
--   aucun mois n'a été reçu. [personnes]
-- column places_autorisees: Places autorisées de l'EAJE (marts.dim_structure).
-- column enfants_par_place: Enfants différents accueillis dans l'année par place autorisée.
--   [révèle : enfants_distincts] [parts : enfants_distincts, places_autorisees]
-- column mois_sans_donnees: Mois d'ouverture dont les présences manquent ou ont été refusées.
-- column donnees: complet quand tous les mois d'ouverture sont complets, partiel quand un mois est
--   partiel ou sans données, manquant quand aucun mois n'a été reçu.
WITH annee AS (
    SELECT code_structure, annee,
           sum(jours_ouverture) FILTER (WHERE heures_realisees IS NOT NULL) AS jours_ouverture,
           sum(capacite_theorique_heures) FILTER (WHERE heures_realisees IS NOT NULL) AS capacite_theorique_heures,
           count(*) FILTER (WHERE heures_realisees IS NULL) AS mois_sans_donnees,
           CASE WHEN bool_and(donnees = 'complet') THEN 'complet'
                WHEN bool_or(donnees IN ('complet', 'partiel')) THEN 'partiel'
                ELSE 'manquant' END AS donnees,
           sum(heures_contractualisees) AS heures_contractualisees,
           sum(heures_realisees) AS heures_realisees,
           sum(heures_facturees) AS heures_facturees
    FROM marts.eaje_occupation_mensuelle
    GROUP BY ALL
), enfants AS (
    SELECT code_structure, year(mois) AS annee, count(DISTINCT enfant) AS enfants_distincts
    FROM staging.eaje_heures_enfants
    GROUP BY ALL
), taux AS (
    SELECT a.*, a.heures_facturees / nullif(a.heures_realisees, 0) AS taux_facturation
    FROM annee AS a
)
SELECT
    t.code_structure,
    t.annee,
    t.jours_ouverture,
    t.capacite_theorique_heures,
    t.heures_contractualisees,
    t.heures_realisees,
    t.heures_facturees,
    t.heures_realisees / nullif(t.capacite_theorique_heures, 0) AS taux_occupation_reel,
    t.heures_facturees / nullif(t.capacite_theorique_heures, 0) AS taux_occupation_financier,
    t.taux_facturation,
    CASE
        WHEN t.taux_facturation IS NULL THEN NULL
        WHEN t.taux_facturation <= 1.07 THEN 'jusqu''à 107 %'
        WHEN t.annee < 2025 AND t.taux_facturation <= 1.17 THEN 'de 107 % à 117 %'
        WHEN t.annee < 2025 THEN 'plus de 117 %'
        WHEN t.taux_facturation < 1.20 THEN 'de 107 % à 120 % (plafond dégressif)'
        ELSE '120 % et plus'
    END AS zone_facturation,
    CASE WHEN t.heures_realisees IS NOT NULL THEN coalesce(e.enfants_distincts, 0) END AS enfants_distincts,
    s.places_autorisees,
    CASE WHEN t.heures_realisees IS NOT NULL THEN coalesce(e.enfants_distincts, 0) END / nullif(s.places_autorisees, 0) AS enfants_par_place,
    CAST(t.mois_sans_donnees AS INTEGER) AS mois_sans_donnees,
    t.donnees
FROM taux AS t
LEFT JOIN enfants AS e USING (code_structure, annee)
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY t.code_structure, t.annee
