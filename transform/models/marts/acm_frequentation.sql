-- description: La fréquentation de chaque accueil collectif de mineurs par période déclarée
--   (téléprocédure TAM) : enfants-jours rapportés aux places déclarées sur les jours d'ouverture.
-- depends: staging.acm_presences, staging.acm_periodes, marts.completude
-- key: code_structure, periode
-- column code_structure: Code de l'accueil.
-- column periode: Code de la période déclarée.
-- column annee: Année du début de la période.
-- column date_debut: Premier jour de la période.
-- column date_fin: Dernier jour de la période.
-- column jours: Jours de la période où l'accueil a reçu au moins un enfant.
-- column capacite_places_jours: Places déclarées (moins de 6 ans et 6 ans et plus) × jours.
-- column presences_enfants_jours: Enfants-jours : un enfant venu un jour compte une fois, quelles
--   que soient ses plages.
-- column heures_realisees: Heures de présence réalisées.
-- column presences_creneaux: Enfants présents par créneau (matin, midi, soir, ou la journée pour
--   l'extrascolaire), additionnés sur les créneaux ouverts de la période.
-- column capacite_creneaux: Places déclarées × créneaux ouverts de la période (un créneau est
--   ouvert quand au moins un enfant y est venu).
-- column taux_remplissage: Taux de remplissage : presences_creneaux / capacite_creneaux (fraction ;
--   pour plusieurs périodes ou accueils, additionner les parts, jamais les taux).
--   [parts : presences_creneaux, capacite_creneaux]
-- column enfants_distincts: Enfants différents venus dans la période. [personnes]
-- column presences_moins_6_ans: Enfants-jours d'enfants de moins de 6 ans.
-- column part_moins_6_ans: Part des enfants-jours d'enfants de moins de 6 ans.
--   [parts : presences_moins_6_ans, presences_enfants_jours]
-- column donnees: État des présences de la période dans marts.completude : complet, partiel, manquant
--   ou refuse (sans présences, la période n'a ni jours, ni enfants-jours, ni heures, ni taux : vides,
--   jamais 0).
WITH presences AS MATERIALIZED ( -- the view is read once, not once per use
    SELECT code_structure, periode, date, enfant, age, heures_realisees,
           CASE WHEN plage IN ('journee', 'demi_journee') THEN 'jour' ELSE plage END AS creneau
    FROM staging.acm_presences
    WHERE periode IS NOT NULL
), jours AS (
    SELECT code_structure, periode, date, enfant, min(age) AS age, sum(heures_realisees) AS heures
    FROM presences
    GROUP BY ALL
), creneaux AS (
    SELECT code_structure, periode, date, creneau, count(DISTINCT enfant) AS presents
    FROM presences
    GROUP BY ALL
), remplissage AS (
    SELECT code_structure, periode, sum(presents) AS presents, count(*) AS creneaux
    FROM creneaux GROUP BY ALL
), periodes AS (
    SELECT code_structure, periode, min(date_debut) AS date_debut, max(date_fin) AS date_fin,
           max(capacite_moins_6 + capacite_6_plus) AS places
    FROM staging.acm_periodes
    GROUP BY ALL
), lues AS (
    SELECT
        p.code_structure,
        p.periode,
        year(p.date_debut) AS annee,
        p.date_debut,
        p.date_fin,
        count(DISTINCT j.date) AS jours,
        p.places * count(DISTINCT j.date) AS capacite_places_jours,
        count(j.enfant) AS presences_enfants_jours,
        coalesce(sum(j.heures), 0) AS heures_realisees,
        coalesce(any_value(r.presents), 0) AS presences_creneaux,
        p.places * coalesce(any_value(r.creneaux), 0) AS capacite_creneaux,
        any_value(r.presents) / nullif(p.places * any_value(r.creneaux), 0) AS taux_remplissage,
        count(DISTINCT j.enfant) AS enfants_distincts,
        count(j.enfant) FILTER (WHERE j.age < 6) AS presences_moins_6_ans,
        count(j.enfant) FILTER (WHERE j.age < 6) / nullif(count(j.enfant), 0) AS part_moins_6_ans,
        coalesce(any_value(c.statut), 'complet') AS donnees
    FROM periodes AS p
    LEFT JOIN jours AS j USING (code_structure, periode)
    LEFT JOIN remplissage AS r USING (code_structure, periode)
    LEFT JOIN marts.completude AS c ON c.type_export = 'acm_presences' AND c.code_structure = p.code_structure AND c.periode = p.periode
    GROUP BY p.code_structure, p.periode, p.date_debut, p.date_fin, p.places
)
SELECT * EXCLUDE (recu) REPLACE ( -- no figure from presences never received
    CASE WHEN recu THEN jours END AS jours,
    CASE WHEN recu THEN capacite_places_jours END AS capacite_places_jours,
    CASE WHEN recu THEN presences_enfants_jours END AS presences_enfants_jours,
    CASE WHEN recu THEN heures_realisees END AS heures_realisees,
    CASE WHEN recu THEN presences_creneaux END AS presences_creneaux,
    CASE WHEN recu THEN capacite_creneaux END AS capacite_creneaux,
    CASE WHEN recu THEN enfants_distincts END AS enfants_distincts,
    CASE WHEN recu THEN presences_moins_6_ans END AS presences_moins_6_ans)
FROM (SELECT *, donnees IN ('complet', 'partiel') AS recu FROM lues)
ORDER BY code_structure, date_debut, periode
