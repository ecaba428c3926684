-- description: les déclarations PSU d'un EAJE tiennent ensemble : les heures par régime font le
--   total ; le réel N-1 est l'année N-1 de marts.eaje_occupation_annuelle ; le prévisionnel N
--   reprend le réel N-1 tel quel ; l'actualisé de septembre contient celui de juin
-- depends: marts.eaje_declarations_psu, marts.eaje_occupation_annuelle
SELECT d.code_structure, d.annee, d.declaration, 'régimes' AS ecart
FROM marts.eaje_declarations_psu AS d
WHERE abs(d.heures_realisees - (d.heures_realisees_regime_general + d.heures_realisees_msa + d.heures_realisees_autre_regime
          + d.heures_realisees_regime_non_renseigne)) > 1e-6
   OR abs(d.heures_facturees - (d.heures_facturees_regime_general + d.heures_facturees_msa + d.heures_facturees_autre_regime
          + d.heures_facturees_regime_non_renseigne)) > 1e-6
UNION ALL
SELECT d.code_structure, d.annee, d.declaration, 'réel N-1'
FROM marts.eaje_declarations_psu AS d
JOIN marts.eaje_occupation_annuelle AS a ON a.code_structure = d.code_structure AND a.annee = d.annee - 1
WHERE d.declaration = 'reel_n_1'
  AND (d.jours_ouverture IS DISTINCT FROM a.jours_ouverture
       OR abs(coalesce(d.capacite_theorique_heures, 0) - coalesce(a.capacite_theorique_heures, 0)) > 1e-6
       OR abs(coalesce(d.heures_realisees, -1) - coalesce(a.heures_realisees, -1)) > 1e-6
       OR d.donnees <> a.donnees)
UNION ALL
SELECT p.code_structure, p.annee, p.declaration, 'prévisionnel'
FROM marts.eaje_declarations_psu AS p
JOIN marts.eaje_declarations_psu AS r ON r.code_structure = p.code_structure AND r.annee = p.annee AND r.declaration = 'reel_n_1'
WHERE p.declaration = 'previsionnel'
  AND (p.heures_realisees IS DISTINCT FROM r.heures_realisees OR p.heures_facturees IS DISTINCT FROM r.heures_facturees
       OR p.capacite_theorique_heures IS DISTINCT FROM r.capacite_theorique_heures OR p.donnees <> r.donnees)
UNION ALL
SELECT s.code_structure, s.annee, s.declaration, 'septembre < juin'
FROM marts.eaje_declarations_psu AS s
JOIN marts.eaje_declarations_psu AS j ON j.code_structure = s.code_structure AND j.annee = s.annee AND j.declaration = 'actualise_juin'
WHERE s.declaration = 'actualise_septembre'
  AND (coalesce(s.heures_realisees, 0) < coalesce(j.heures_realisees, 0) - 1e-6 OR s.mois_ouverture < j.mois_ouverture)
ORDER BY 1, 2, 3
