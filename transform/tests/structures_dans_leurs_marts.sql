-- description: chaque structure du fichier structures a ses chiffres dans son mart : un EAJE
--   dans l'occupation, un accueil de mineurs dans la fréquentation, chaque antenne dans
--   l'activité du relais
-- depends: marts.dim_structure, marts.eaje_occupation_annuelle, marts.acm_frequentation, marts.rpe_activite_annuelle, staging.antennes
SELECT code_structure AS code, type_structure AS type, 'aucune occupation' AS probleme
FROM marts.dim_structure
WHERE type_structure LIKE 'eaje%' AND code_structure NOT IN (SELECT code_structure FROM marts.eaje_occupation_annuelle)
UNION ALL
SELECT code_structure, type_structure, 'aucune période de fréquentation'
FROM marts.dim_structure
WHERE type_structure LIKE 'acm%' AND code_structure NOT IN (SELECT code_structure FROM marts.acm_frequentation)
UNION ALL
SELECT code_antenne, 'antenne', 'aucune activité'
FROM staging.antennes
WHERE code_antenne NOT IN (SELECT antenne FROM marts.rpe_activite_annuelle)
ORDER BY 1
