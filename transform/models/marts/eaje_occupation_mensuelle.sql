-- description: L'occupation de chaque EAJE par mois, selon les définitions de la prestation de
--   service unique (PSU) de la CAF : heures réalisées, facturées et contractualisées rapportées à
--   la capacité théorique (places × heures d'ouverture de chaque créneau, jours d'ouverture).
-- depends: staging.eaje_jours, staging.eaje_presences
-- key: code_structure, annee, mois
-- column code_structure: Code de l'EAJE.
-- column annee: Année.
-- column mois: Mois (1 à 12).
-- column jours_ouverture: Jours d'ouverture du mois : jours couverts par un créneau de capacité,
--   hors fermetures.
-- column capacite_theorique_heures: Capacité théorique horaire : somme, sur les jours d'ouverture,
--   des places de chaque créneau multipliées par sa durée en heures.
-- column heures_contractualisees: Heures réservées aux contrats d'accueil régulier.
-- column heures_realisees: Heures de présence effective des enfants.
-- column heures_facturees: Heures facturées aux familles (absences déductibles exclues).
-- column taux_occupation_reel: Taux d'occupation réel = heures réalisées / capacité théorique
--   (fraction : 0,732 = 73,2 %).
-- column taux_occupation_financier: Taux d'occupation financier = heures facturées / capacité théorique.
-- column taux_facturation: Taux de facturation = heures facturées / heures réalisées.
-- column enfants_distincts: Enfants différents accueillis dans le mois (pseudonymes distincts).
WITH jours AS (
    SELECT code_structure, year(jour) AS annee, month(jour) AS mois,
           count(*) AS jours_ouverture, sum(capacite_heures) AS capacite_theorique_heures
    FROM staging.eaje_jours
    GROUP BY ALL
), presences AS (
    SELECT code_structure, year(date) AS annee, month(date) AS mois,
           sum(heures_contractualisees) AS heures_contractualisees,
           sum(heures_realisees) AS heures_realisees,
           sum(heures_facturees) AS heures_facturees,
           count(DISTINCT enfant) AS enfants_distincts
    FROM staging.eaje_presences
    GROUP BY ALL
)
SELECT
    j.code_structure,
    j.annee,
    j.mois,
    j.jours_ouverture,
    j.capacite_theorique_heures,
    coalesce(p.heures_contractualisees, 0) AS heures_contractualisees,
    coalesce(p.heures_realisees, 0) AS heures_realisees,
    coalesce(p.heures_facturees, 0) AS heures_facturees,
    coalesce(p.heures_realisees, 0) / nullif(j.capacite_theorique_heures, 0) AS taux_occupation_reel,
    coalesce(p.heures_facturees, 0) / nullif(j.capacite_theorique_heures, 0) AS taux_occupation_financier,
    p.heures_facturees / nullif(p.heures_realisees, 0) AS taux_facturation,
    coalesce(p.enfants_distincts, 0) AS enfants_distincts
FROM jours AS j
LEFT JOIN presences AS p USING (code_structure, annee, mois)
ORDER BY j.code_structure, j.annee, j.mois
