-- description: Les indicateurs clés du territoire par année, en table longue : la valeur, celle
--   de l'année précédente et leur écart. C'est la table que lisent les notes aux élus.
-- depends: marts.completude, marts.am_attractivite_annuelle, marts.formation_annuelle, marts.eaje_occupation_annuelle, marts.acm_frequentation, marts.acm_actes, marts.sejours_remplissage, marts.rpe_activite_annuelle, marts.couverture_commune, staging.annees
-- key: annee, indicateur
-- column annee: Année.
-- column ordre: Rang d'affichage de l'indicateur.
-- column theme: Thème : assistants maternels, formation, petite enfance, enfance, jeunesse, relais.
-- column indicateur: Code stable de l'indicateur.
-- column libelle: Libellé en français.
-- column valeur: Valeur de l'année (un taux est une fraction : 0,732 = 73,2 %). [personnes si unite]
-- column unite: nombre, personnes (un nombre de personnes, masqué dans les documents sous le seuil du
--   secret statistique), pour 100 enfants (places pour 100 enfants : un écart se lit en points),
--   taux, ratio, heures ou ans.
-- column valeur_n_1: Valeur de l'année précédente. [personnes si unite]
-- column ecart: Valeur − valeur de l'année précédente (pour un taux : l'écart en points, en fraction).
--   [révèle : valeur, valeur_n_1]
-- column evolution: Variation relative : (valeur − valeur_n_1) / valeur_n_1. [révèle : valeur, valeur_n_1] [parts : valeur, valeur_n_1]
-- column donnees: État des exports dont l'indicateur est calculé pour l'année (marts.completude) :
--   complet, partiel (une période partielle, manquante ou refusée) ou manquant (rien de reçu :
--   la valeur est alors vide, jamais celle d'une autre année).
-- column donnees_n_1: État des exports de l'année précédente, de même.
-- column revele: Indicateurs de personnes dont la valeur est calculée, séparés par des virgules : masquée
--   dans les documents quand l'un d'eux l'est (secret statistique secondaire).
WITH am AS (
    SELECT * FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'
), formation AS (
    SELECT * FROM marts.formation_annuelle WHERE antenne = 'territoire'
), eaje AS (
    SELECT annee, sum(heures_realisees) / nullif(sum(capacite_theorique_heures), 0) AS reel,
           sum(heures_facturees) / nullif(sum(capacite_theorique_heures), 0) AS financier,
           sum(heures_facturees) / nullif(sum(heures_realisees), 0) AS facturation,
           sum(heures_realisees) AS heures
    FROM marts.eaje_occupation_annuelle GROUP BY annee
), acm AS (
    SELECT annee, sum(presences_enfants_jours) AS enfants_jours,
           (SELECT sum(a.actes_heures) FROM marts.acm_actes AS a WHERE a.periode = 'annee' AND a.annee = f.annee) AS heures,
           sum(presences_creneaux) / nullif(sum(capacite_creneaux), 0) AS remplissage
    FROM marts.acm_frequentation AS f GROUP BY annee
), sejours AS (
    SELECT annee, sum(places_ouvertes) AS places, sum(participants) AS participants,
           sum(participants) / nullif(sum(places_ouvertes), 0) AS remplissage
    FROM marts.sejours_remplissage GROUP BY annee
), rpe AS (
    SELECT annee, sum(ateliers_realises) AS ateliers, sum(contacts_parents) AS parents
    FROM marts.rpe_activite_annuelle GROUP BY annee
), couverture AS (
    SELECT annee, 100.0 * sum(places_am) / nullif(sum(enfants_moins_3_ans), 0) AS am,
           100.0 * sum(places_am + places_eaje) / nullif(sum(enfants_moins_3_ans), 0) AS total
    FROM marts.couverture_commune GROUP BY annee
), sources(indicateur, type_export) AS ( -- the exports each indicator is computed from
    SELECT unnest(i), t FROM (VALUES
        (['am_actives', 'places_am', 'nouveaux_agrements', 'cessations', 'ratio_renouvellement', 'age_moyen_am',
          'am_55_ans_plus', 'part_am_55_ans_plus', 'couverture_am', 'couverture_totale', 'taux_depart_formation',
          'am_formees'], 'am_registre'),
        (['taux_depart_formation', 'am_formees', 'taux_annulation'], 'formation_sessions'),
        (['taux_depart_formation', 'am_formees'], 'formation_inscriptions'),
        (['eaje_occupation_reelle', 'eaje_occupation_financiere', 'eaje_taux_facturation', 'eaje_heures_realisees'], 'eaje_presences'),
        (['acm_heures_realisees', 'acm_enfants_jours', 'acm_remplissage'], 'acm_presences'),
        (['acm_heures_realisees', 'acm_enfants_jours', 'acm_remplissage'], 'acm_periodes'),
        (['sejours_places', 'sejours_remplissage'], 'sejours'),
        (['sejours_remplissage'], 'sejours_inscriptions'),
        (['ateliers_realises'], 'rpe_ateliers'),
        (['contacts_parents'], 'rpe_contacts')) AS s(i, t)
), etats AS (
    SELECT s.indicateur, c.annee,
           CASE WHEN bool_and(c.statut = 'complet') THEN 'complet'
                WHEN bool_or(c.statut IN ('complet', 'partiel')) THEN 'partiel'
                ELSE 'manquant' END AS donnees
    FROM sources AS s JOIN marts.completude AS c USING (type_export)
    GROUP BY ALL
), revelations(indicateur, revele) AS (
    VALUES ('ratio_renouvellement', 'nouveaux_agrements,cessations'), ('taux_depart_formation', 'am_formees'),
           ('part_am_55_ans_plus', 'am_55_ans_plus')
), valeurs(annee, ordre, theme, indicateur, libelle, valeur, unite) AS (
    SELECT annee, 1, 'assistants maternels', 'am_actives', 'Assistants maternels en activité au 31 décembre', am_en_activite, 'personnes' FROM am
    UNION ALL SELECT annee, 2, 'assistants maternels', 'places_am', 'Places agréées chez les assistants maternels', places_agreees, 'nombre' FROM am
    UNION ALL SELECT annee, 3, 'assistants maternels', 'nouveaux_agrements', 'Nouveaux agréments', nouveaux_agrements, 'personnes' FROM am
    UNION ALL SELECT annee, 4, 'assistants maternels', 'cessations', 'Cessations d''activité', cessations, 'personnes' FROM am
    UNION ALL SELECT annee, 5, 'assistants maternels', 'ratio_renouvellement', 'Nouveaux agréments pour un départ', ratio_renouvellement, 'ratio' FROM am
    UNION ALL SELECT annee, 6, 'assistants maternels', 'age_moyen_am', 'Âge moyen des assistants maternels', age_moyen, 'ans' FROM am
    UNION ALL SELECT annee, 7, 'assistants maternels', 'am_55_ans_plus', 'Assistants maternels de 55 ans et plus', am_55_ans_plus, 'personnes' FROM am
    UNION ALL SELECT annee, 8, 'assistants maternels', 'part_am_55_ans_plus', 'Part des assistants maternels de 55 ans et plus', part_55_ans_plus, 'taux' FROM am
    UNION ALL SELECT annee, 9, 'assistants maternels', 'couverture_am', 'Places d''assistants maternels pour 100 enfants de moins de 3 ans', am, 'pour 100 enfants' FROM couverture
    UNION ALL SELECT annee, 10, 'petite enfance', 'couverture_totale', 'Places (AM et EAJE) pour 100 enfants de moins de 3 ans', total, 'pour 100 enfants' FROM couverture
    UNION ALL SELECT annee, 11, 'formation', 'taux_depart_formation', 'Taux de départ en formation des assistants maternels', taux_depart_formation, 'taux' FROM formation
    UNION ALL SELECT annee, 12, 'formation', 'am_formees', 'Assistants maternels formés dans l''année', am_formees, 'personnes' FROM formation
    UNION ALL SELECT annee, 13, 'formation', 'taux_annulation', 'Sessions de formation annulées', taux_annulation, 'taux' FROM formation
    UNION ALL SELECT annee, 14, 'petite enfance', 'eaje_occupation_reelle', 'Taux d''occupation réel des EAJE', reel, 'taux' FROM eaje
    UNION ALL SELECT annee, 15, 'petite enfance', 'eaje_occupation_financiere', 'Taux d''occupation financier des EAJE', financier, 'taux' FROM eaje
    UNION ALL SELECT annee, 16, 'petite enfance', 'eaje_taux_facturation', 'Taux de facturation des EAJE', facturation, 'taux' FROM eaje
    UNION ALL SELECT annee, 17, 'petite enfance', 'eaje_heures_realisees', 'Heures d''accueil réalisées en EAJE', heures, 'heures' FROM eaje
    UNION ALL SELECT annee, 18, 'enfance', 'acm_heures_realisees', 'Actes en accueil de loisirs et périscolaire (heures de présence, mercredis plafonnés, comme la CAF les compte)', heures, 'heures' FROM acm
    UNION ALL SELECT annee, 19, 'enfance', 'acm_enfants_jours', 'Journées-enfants en accueil de loisirs et périscolaire', enfants_jours, 'nombre' FROM acm
    UNION ALL SELECT annee, 20, 'enfance', 'acm_remplissage', 'Taux de remplissage des accueils de mineurs (présences par créneau / places des créneaux ouverts)', remplissage, 'taux' FROM acm
    UNION ALL SELECT annee, 21, 'jeunesse', 'sejours_places', 'Places de séjours', places, 'nombre' FROM sejours
    UNION ALL SELECT annee, 22, 'jeunesse', 'sejours_remplissage', 'Taux de remplissage des séjours', remplissage, 'taux' FROM sejours
    UNION ALL SELECT annee, 23, 'relais', 'ateliers_realises', 'Ateliers d''éveil réalisés', ateliers, 'nombre' FROM rpe
    UNION ALL SELECT annee, 24, 'relais', 'contacts_parents', 'Contacts du relais avec des parents', parents, 'nombre' FROM rpe
)
, etat AS ( -- an indicator's state in a year: the worst of its sources'
    SELECT v.indicateur, v.annee,
           CASE WHEN bool_or(e.donnees = 'manquant') THEN 'manquant'
                WHEN bool_or(e.donnees = 'partiel') THEN 'partiel'
                ELSE 'complet' END AS donnees
    FROM valeurs AS v LEFT JOIN etats AS e USING (indicateur, annee)
    GROUP BY ALL
), sures AS ( -- no value from nothing: an indicator whose exports are missing has none
    SELECT v.* REPLACE (CASE WHEN e.donnees = 'manquant' THEN NULL ELSE v.valeur END AS valeur), e.donnees
    FROM valeurs AS v JOIN etat AS e USING (indicateur, annee)
)
SELECT
    v.annee,
    v.ordre,
    v.theme,
    v.indicateur,
    v.libelle,
    CAST(v.valeur AS DOUBLE) AS valeur,
    v.unite,
    CAST(p.valeur AS DOUBLE) AS valeur_n_1,
    v.valeur - p.valeur AS ecart,
    (v.valeur - p.valeur) / nullif(p.valeur, 0) AS evolution,
    r.revele,
    v.donnees,
    coalesce(p.donnees, 'manquant') AS donnees_n_1
FROM sures AS v
JOIN staging.annees AS y USING (annee)
LEFT JOIN sures AS p ON p.indicateur = v.indicateur AND p.annee = v.annee - 1
LEFT JOIN revelations AS r ON r.indicateur = v.indicateur
ORDER BY v.annee, v.ordre
