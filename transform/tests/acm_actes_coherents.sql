-- description: les actes d'un accueil tiennent : jamais plus que les heures réalisées ni moins que
--   zéro, les heures réalisées celles de marts.acm_frequentation, et l'année la somme de ses périodes
-- depends: marts.acm_actes, marts.acm_frequentation
SELECT 'periode' AS niveau, a.code_structure || ' ' || a.periode AS ligne
FROM marts.acm_actes AS a
LEFT JOIN marts.acm_frequentation AS f USING (code_structure, periode)
WHERE a.periode <> 'annee'
  AND (a.heures_ecretees < 0 OR a.actes_heures > a.heures_realisees + 1e-9 OR a.actes_heures < 0
       OR abs(a.heures_realisees - coalesce(f.heures_realisees, 0)) > 1e-6)
UNION ALL
SELECT 'annee', y.code_structure || ' ' || y.annee
FROM marts.acm_actes AS y
JOIN marts.acm_actes AS p ON p.code_structure = y.code_structure AND p.annee = y.annee AND p.periode <> 'annee'
WHERE y.periode = 'annee'
GROUP BY y.code_structure, y.annee, y.actes_heures, y.heures_realisees
HAVING abs(y.actes_heures - sum(p.actes_heures)) > 1e-6 OR abs(y.heures_realisees - sum(p.heures_realisees)) > 1e-6
