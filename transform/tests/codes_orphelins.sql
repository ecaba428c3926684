-- description: aucun code orphelin : chaque participation désigne un atelier connu, chaque
--   inscription une session ou un séjour connus, chaque situation d'un assistant maternel (toutes ses
--   périodes) une antenne et une commune connues, chaque structure une commune connue
-- depends: staging.rpe_participations, staging.rpe_ateliers, staging.formation_inscriptions, staging.formation_sessions, staging.sejours_inscriptions, staging.sejours, staging.am_historique, staging.antennes, marts.dim_commune, marts.dim_structure
SELECT 'participation' AS ligne, code_atelier AS code FROM staging.rpe_participations
WHERE code_atelier NOT IN (SELECT code_atelier FROM staging.rpe_ateliers)
UNION ALL
SELECT 'inscription à une formation', code_session FROM staging.formation_inscriptions
WHERE code_session NOT IN (SELECT code_session FROM staging.formation_sessions)
UNION ALL
SELECT 'inscription à un séjour', code_sejour FROM staging.sejours_inscriptions
WHERE code_sejour NOT IN (SELECT code_sejour FROM staging.sejours)
UNION ALL
SELECT 'antenne d''un assistant maternel', antenne FROM staging.am_historique
WHERE antenne NOT IN (SELECT code_antenne FROM staging.antennes)
UNION ALL
SELECT 'commune d''un assistant maternel', commune_insee FROM staging.am_historique
WHERE commune_insee NOT IN (SELECT commune_insee FROM marts.dim_commune)
UNION ALL
SELECT 'commune d''une structure', commune_insee FROM marts.dim_structure
WHERE commune_insee NOT IN (SELECT commune_insee FROM marts.dim_commune)
ORDER BY 1, 2
