-- description: Le remplissage de chaque séjour : participants rapportés aux places ouvertes.
-- depends: staging.sejours, staging.sejours_inscriptions, marts.completude
-- key: code_sejour
-- column code_sejour: Code du séjour.
-- column annee: Année du départ.
-- column intitule: Intitulé du séjour.
-- column date_debut: Jour du départ.
-- column places_ouvertes: Places ouvertes.
-- column participants: Jeunes présents au séjour. [personnes]
-- column desistements: Inscriptions annulées par les familles. [personnes]
-- column liste_attente: Jeunes restés en liste d'attente. [personnes]
-- column taux_remplissage: Participants / places ouvertes (fraction). [révèle : participants]
--   [parts : participants, places_ouvertes]
-- column donnees: État des inscriptions de l'année dans marts.completude : complet, partiel, manquant
--   ou refuse.
SELECT
    s.code_sejour,
    year(s.date_debut) AS annee,
    s.intitule,
    s.date_debut,
    s.places AS places_ouvertes,
    count(*) FILTER (WHERE i.statut IN ('present', 'inscrit')) AS participants,
    count(*) FILTER (WHERE i.statut = 'desiste') AS desistements,
    count(*) FILTER (WHERE i.statut = 'liste_attente') AS liste_attente,
    count(*) FILTER (WHERE i.statut IN ('present', 'inscrit')) / nullif(s.places, 0) AS taux_remplissage,
    coalesce(any_value(c.statut), 'complet') AS donnees
FROM staging.sejours AS s
LEFT JOIN staging.sejours_inscriptions AS i USING (code_sejour)
LEFT JOIN (
    SELECT annee, CASE WHEN bool_and(statut = 'complet') THEN 'complet'
                       WHEN bool_or(statut IN ('complet', 'partiel')) THEN 'partiel'
                       ELSE 'manquant' END AS statut
    FROM marts.completude WHERE type_export = 'sejours_inscriptions' GROUP BY annee
) AS c ON c.annee = year(s.date_debut)
GROUP BY s.code_sejour, s.date_debut, s.intitule, s.places
ORDER BY s.date_debut, s.code_sejour
