-- description: Ce que les exports chargés couvrent : pour chaque structure, type d'export et
--   période (un mois pour les présences et les relevés mensuels d'un EAJE, une période déclarée
--   pour un accueil de mineurs, une année sinon), les lignes chargées et les fichiers qui les apportent. Les exports tenus par
--   le service (séjours, relais, formation, registre des assistants maternels) sont rattachés à la
--   structure de séjours ou au relais, « service » quand il n'y en a pas ou qu'il y en a plusieurs.
-- depends: raw.eaje_presences, raw.eaje_heures_mensuelles, raw.eaje_fermetures, raw.acm_periodes, raw.acm_presences, raw.sejours, raw.sejours_inscriptions, raw.am_registre, raw.rpe_ateliers, raw.rpe_contacts, raw.rpe_participations, raw.formation_sessions, raw.formation_inscriptions, staging.structures, staging.am_registres
-- key: code_structure, type_export, periode
WITH jeunesse AS (
    SELECT CASE WHEN count(*) = 1 THEN min(code_structure) END AS code FROM staging.structures WHERE type = 'jeunesse_sejours'
), relais AS (
    SELECT CASE WHEN count(*) = 1 THEN min(code_structure) END AS code FROM staging.structures WHERE type = 'rpe'
), lignes(code_structure, type_export, periode, _fichier) AS (
    SELECT code_structure, 'eaje_presences', strftime(date, '%Y-%m'), _fichier FROM raw.eaje_presences
    UNION ALL SELECT code_structure, 'eaje_heures_mensuelles', strftime(mois, '%Y-%m'), _fichier FROM raw.eaje_heures_mensuelles
    UNION ALL SELECT code_structure, 'eaje_fermetures', CAST(year(date) AS VARCHAR), _fichier FROM raw.eaje_fermetures
    UNION ALL SELECT code_structure, 'acm_periodes', CAST(year(date_debut) AS VARCHAR), _fichier FROM raw.acm_periodes
    UNION ALL SELECT p.code_structure, 'acm_presences', d.periode, p._fichier
        FROM raw.acm_presences AS p
        JOIN raw.acm_periodes AS d ON d.code_structure = p.code_structure AND p.date BETWEEN d.date_debut AND d.date_fin
    UNION ALL SELECT coalesce((SELECT code FROM jeunesse), 'service'), 'sejours', CAST(year(date_debut) AS VARCHAR), _fichier FROM raw.sejours
    UNION ALL SELECT coalesce((SELECT code FROM jeunesse), 'service'), 'sejours_inscriptions', CAST(year(s.date_debut) AS VARCHAR), i._fichier
        FROM raw.sejours_inscriptions AS i JOIN raw.sejours AS s USING (code_sejour)
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'am_registre', CAST(g.annee AS VARCHAR), r._fichier
        FROM raw.am_registre AS r JOIN staging.am_registres AS g ON g.fichier = r._fichier
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'rpe_ateliers', CAST(year(date) AS VARCHAR), _fichier FROM raw.rpe_ateliers
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'rpe_contacts', CAST(year(date) AS VARCHAR), _fichier FROM raw.rpe_contacts
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'rpe_participations', CAST(year(a.date) AS VARCHAR), p._fichier
        FROM raw.rpe_participations AS p JOIN raw.rpe_ateliers AS a USING (code_atelier)
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'formation_sessions', CAST(year(date_debut) AS VARCHAR), _fichier FROM raw.formation_sessions
    UNION ALL SELECT coalesce((SELECT code FROM relais), 'service'), 'formation_inscriptions', CAST(year(s.date_debut) AS VARCHAR), i._fichier
        FROM raw.formation_inscriptions AS i JOIN raw.formation_sessions AS s USING (code_session)
)
SELECT code_structure, type_export, periode, count(*) AS lignes_chargees, list(DISTINCT _fichier ORDER BY _fichier) AS fichiers
FROM lignes
GROUP BY ALL
