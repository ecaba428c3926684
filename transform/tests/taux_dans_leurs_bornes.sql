-- description: chaque taux reste dans ses bornes : occupation réelle d'un EAJE entre 0 et 100 % sur
--   un mois (le surnombre de 115 % vaut pour les enfants présents à un même moment, la moyenne de
--   la semaine reste sous 100 %, CSP R2324-27), occupation financière et remplissage jusqu'à 115 %,
--   parts entre 0 et 1, facturation et ratios positifs
-- depends: marts.eaje_occupation_mensuelle, marts.eaje_occupation_annuelle, marts.acm_frequentation, marts.sejours_remplissage, marts.formation_annuelle, marts.am_attractivite_annuelle, marts.freins_leviers, marts.rpe_activite_annuelle, marts.couverture_commune
SELECT 'eaje_occupation_mensuelle' AS mart, code_structure || ' ' || strftime(mois, '%Y-%m') AS ligne, taux_occupation_reel AS taux
FROM marts.eaje_occupation_mensuelle WHERE NOT taux_occupation_reel BETWEEN 0 AND 1 OR taux_facturation < 0
UNION ALL
SELECT 'eaje_occupation_annuelle', code_structure || ' ' || annee, taux_occupation_financier
FROM marts.eaje_occupation_annuelle WHERE NOT taux_occupation_financier BETWEEN 0 AND 1.15 OR enfants_par_place < 0
UNION ALL
SELECT 'acm_frequentation', code_structure || ' ' || periode, taux_remplissage
FROM marts.acm_frequentation WHERE NOT taux_remplissage BETWEEN 0 AND 1.15 OR NOT part_moins_6_ans BETWEEN 0 AND 1
UNION ALL
SELECT 'sejours_remplissage', code_sejour, taux_remplissage
FROM marts.sejours_remplissage WHERE NOT taux_remplissage BETWEEN 0 AND 1.15
UNION ALL
SELECT 'formation_annuelle', antenne || ' ' || annee, taux_depart_formation
FROM marts.formation_annuelle
WHERE NOT taux_depart_formation BETWEEN 0 AND 1 OR NOT part_distanciel BETWEEN 0 AND 1
   OR NOT taux_annulation BETWEEN 0 AND 1 OR taux_remplissage_sessions < 0
UNION ALL
SELECT 'am_attractivite_annuelle', antenne || ' ' || annee, taux_sortie
FROM marts.am_attractivite_annuelle
WHERE NOT taux_sortie BETWEEN 0 AND 1 OR ratio_renouvellement < 0
   OR NOT part_50_ans_plus BETWEEN 0 AND 1 OR part_55_ans_plus > part_50_ans_plus
UNION ALL
SELECT 'freins_leviers', annee || ' ' || code, part_repondants
FROM marts.freins_leviers WHERE NOT part_repondants BETWEEN 0 AND 1 OR NOT part_chez_non_formees BETWEEN 0 AND 1
UNION ALL
SELECT 'rpe_activite_annuelle', antenne || ' ' || annee, taux_frequentation_am
FROM marts.rpe_activite_annuelle WHERE NOT taux_frequentation_am BETWEEN 0 AND 1
UNION ALL
SELECT 'couverture_commune', commune_insee || ' ' || annee, taux_couverture
FROM marts.couverture_commune WHERE taux_couverture < 0
ORDER BY 1, 2
