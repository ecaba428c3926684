-- description: L'occupation de chaque EAJE par mois, selon les définitions de la prestation de
--   service unique (PSU) de la CAF : heures réalisées, facturées et contractualisées rapportées à
--   la capacité théorique (places × heures d'ouverture de chaque créneau, jours d'ouverture).
--   Les heures d'un mois viennent des présences journalières ou du relevé mensuel par enfant
--   (staging.eaje_heures_enfants, jamais les deux pour un même mois) ; les jours et la capacité,
--   des créneaux et fermetures. Un mois dont les présences manquent ou ont été refusées n'a ni
--   heures ni taux (vides, jamais 0).
-- depends: staging.eaje_jours, staging.eaje_heures_enfants, marts.completude
-- key: code_structure, mois
-- column code_structure: Code de l'EAJE.
-- column annee: Année.
-- column mois: Mois, par son premier jour (2025-03-01 pour mars 2025).
-- column jours_ouverture: Jours d'ouverture du mois : jours couverts par un créneau de capacité,
--   hors fermetures.
-- column capacite_theorique_heures: Capacité théorique horaire : somme, sur les jours d'ouverture,
--   des places de chaque créneau multipliées par sa durée en heures.
-- column heures_contractualisees: Heures réservées aux contrats d'accueil régulier.
-- column heures_realisees: Heures de présence effective des enfants.
-- column heures_facturees: Heures facturées aux familles (absences déductibles exclues).
-- column taux_occupation_reel: Taux d'occupation réel = heures réalisées / capacité théorique
--   (fraction : 0,732 = 73,2 %). [parts : heures_realisees, capacite_theorique_heures]
-- column taux_occupation_financier: Taux d'occupation financier = heures facturées / capacité théorique.
--   [parts : heures_facturees, capacite_theorique_heures]
-- column taux_facturation: Taux de facturation = heures facturées / heures réalisées.
--   [parts : heures_facturees, heures_realisees]
-- column enfants_distincts: Enfants différents accueillis dans le mois (pseudonymes distincts). [personnes]
-- column donnees: État des présences du mois dans marts.completude : complet, partiel, manquant ou
--   refuse (un mois reçu en relevé mensuel compte comme reçu). Les chiffres d'un mois partiel sont
--   ceux des lignes chargées.
WITH jours AS (
    SELECT code_structure, year(jour) AS annee, month(jour) AS mois,
           count(*) AS jours_ouverture, sum(capacite_heures) AS capacite_theorique_heures
    FROM staging.eaje_jours
    GROUP BY ALL
), presences AS (
    SELECT code_structure, year(mois) AS annee, month(mois) AS mois,
           sum(heures_contractualisees) AS heures_contractualisees,
           sum(heures_realisees) AS heures_realisees,
           sum(heures_facturees) AS heures_facturees,
           count(DISTINCT enfant) AS enfants_distincts
    FROM staging.eaje_heures_enfants
    GROUP BY ALL
), etat AS (
    SELECT code_structure, annee, CAST(right(periode, 2) AS INTEGER) AS mois, statut,
           statut IN ('complet', 'partiel') AS recu
    FROM marts.completude WHERE type_export = 'eaje_presences'
)
SELECT
    j.code_structure,
    j.annee,
    make_date(j.annee, j.mois, 1) AS mois,
    j.jours_ouverture,
    j.capacite_theorique_heures,
    CASE WHEN e.recu THEN coalesce(p.heures_contractualisees, 0) END AS heures_contractualisees,
    CASE WHEN e.recu THEN coalesce(p.heures_realisees, 0) END AS heures_realisees,
    CASE WHEN e.recu THEN coalesce(p.heures_facturees, 0) END AS heures_facturees,
    CASE WHEN e.recu THEN coalesce(p.heures_realisees, 0) / nullif(j.capacite_theorique_heures, 0) END AS taux_occupation_reel,
    CASE WHEN e.recu THEN coalesce(p.heures_facturees, 0) / nullif(j.capacite_theorique_heures, 0) END AS taux_occupation_financier,
    p.heures_facturees / nullif(p.heures_realisees, 0) AS taux_facturation,
    CASE WHEN e.recu THEN coalesce(p.enfants_distincts, 0) END AS enfants_distincts,
    coalesce(e.statut, 'manquant') AS donnees
FROM jours AS j
LEFT JOIN presences AS p USING (code_structure, annee, mois)
LEFT JOIN etat AS e USING (code_structure, annee, mois)
ORDER BY j.code_structure, j.annee, j.mois
