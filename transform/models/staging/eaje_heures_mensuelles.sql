-- description: Les relevés mensuels par enfant des EAJE (heures contractualisées, réalisées et
--   facturées du mois), typés, avec leur lignée. Le mois est ramené à son premier jour : un relevé
--   daté d'un autre jour du mois (31/03/2025) compte pour ce mois (mars 2025).
-- depends: raw.eaje_heures_mensuelles
SELECT * REPLACE (CAST(date_trunc('month', mois) AS DATE) AS mois) FROM raw.eaje_heures_mensuelles
