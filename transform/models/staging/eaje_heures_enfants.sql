-- description: Les heures de chaque enfant accueilli dans chaque EAJE, mois par mois, quelle que
--   soit la forme de l'export : les présences journalières (eaje_presences) additionnées par mois,
--   ou le relevé mensuel par enfant (eaje_heures_mensuelles) tel quel. Une ligne par EAJE, mois,
--   enfant, commune de résidence et régime (un enfant dont la famille change de régime ou de
--   commune dans le mois a une ligne pour chacun). Les deux formes ne s'additionnent jamais : le
--   chargement rejette les lignes d'un relevé dont le mois est aussi donné en présences
--   journalières pour le même EAJE, si bien que chaque mois d'un EAJE vient d'une seule source.
--   Les chiffres qui demandent des jours (jours d'ouverture, capacité, jours sans présence) ne
--   viennent pas d'ici mais des créneaux et fermetures (staging.eaje_jours) ou des seules
--   présences journalières.
-- depends: staging.eaje_presences, staging.eaje_heures_mensuelles
-- column code_structure: Code de l'EAJE.
-- column mois: Premier jour du mois.
-- column enfant: Pseudonyme de l'enfant.
-- column date_naissance: Date de naissance (au mois).
-- column commune_residence: Commune de résidence de la famille (code INSEE).
-- column regime: Régime de la famille, vide quand l'export ne le dit pas.
-- column heures_contractualisees: Heures réservées au contrat dans le mois, vide quand l'export
--   ne les donne pas.
-- column heures_realisees: Heures de présence effective dans le mois.
-- column heures_facturees: Heures facturées pour le mois.
-- column jours_presence: Jours de présence dans le mois (présences journalières) ; vide pour un
--   relevé mensuel, qui ne donne pas les jours.
-- column source: eaje_presences ou eaje_heures_mensuelles : l'export dont viennent les heures.
SELECT code_structure, CAST(date_trunc('month', date) AS DATE) AS mois, enfant, date_naissance, commune_residence, regime,
       sum(heures_contractualisees) AS heures_contractualisees,
       sum(heures_realisees) AS heures_realisees,
       sum(heures_facturees) AS heures_facturees,
       count(DISTINCT date) AS jours_presence,
       'eaje_presences' AS source
FROM staging.eaje_presences
GROUP BY code_structure, CAST(date_trunc('month', date) AS DATE), enfant, date_naissance, commune_residence, regime
UNION ALL
SELECT code_structure, mois, enfant, date_naissance, commune_residence, regime,
       heures_contractualisees, heures_realisees, heures_facturees,
       NULL, 'eaje_heures_mensuelles'
FROM staging.eaje_heures_mensuelles
