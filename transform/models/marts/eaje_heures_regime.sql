-- description: Les heures de chaque EAJE par année et par régime de la famille : la prestation de
--   service unique (PSU) de la CAF est calculée sur les heures de toutes les familles, puis
--   multipliée par la part des heures du régime général (les familles de la MSA relèvent de la MSA).
--   Les heures viennent des présences journalières ou des relevés mensuels par enfant.
-- depends: staging.eaje_heures_enfants
-- key: code_structure, annee, regime
-- column code_structure: Code de l'EAJE.
-- column annee: Année.
-- column regime: Régime de la famille : general, msa, autre, ou non_renseigne quand l'export ne
--   le dit pas.
-- column heures_realisees: Heures de présence effective des enfants de ce régime.
-- column heures_facturees: Heures facturées aux familles de ce régime.
-- column heures_facturees_eaje: Heures facturées de l'EAJE dans l'année, tous régimes.
-- column part_heures_facturees: Part des heures facturées de l'EAJE dans l'année qui relèvent de ce
--   régime (fraction). [parts : heures_facturees, heures_facturees_eaje]
WITH heures AS (
    SELECT code_structure, CAST(year(mois) AS INTEGER) AS annee, coalesce(regime, 'non_renseigne') AS regime,
           sum(heures_realisees) AS heures_realisees, sum(heures_facturees) AS heures_facturees
    FROM staging.eaje_heures_enfants
    GROUP BY ALL
)
SELECT *, heures_facturees / nullif(heures_facturees_eaje, 0) AS part_heures_facturees
FROM (SELECT *, sum(heures_facturees) OVER (PARTITION BY code_structure, annee) AS heures_facturees_eaje FROM heures)
ORDER BY code_structure, annee, regime
