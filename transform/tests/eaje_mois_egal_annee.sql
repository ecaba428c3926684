-- description: les mois reçus d'un EAJE font son année : mêmes jours, capacité et heures
-- depends: marts.eaje_occupation_mensuelle, marts.eaje_occupation_annuelle
SELECT a.code_structure, a.annee, a.heures_realisees, sum(m.heures_realisees) AS somme_mois
FROM marts.eaje_occupation_annuelle AS a
LEFT JOIN marts.eaje_occupation_mensuelle AS m ON m.code_structure = a.code_structure AND m.annee = a.annee AND m.heures_realisees IS NOT NULL
GROUP BY a.code_structure, a.annee, a.jours_ouverture, a.capacite_theorique_heures, a.heures_realisees, a.heures_facturees
HAVING a.jours_ouverture IS DISTINCT FROM sum(m.jours_ouverture)
    OR abs(a.capacite_theorique_heures - sum(m.capacite_theorique_heures)) > 1e-6
    OR abs(a.heures_realisees - sum(m.heures_realisees)) > 1e-6
    OR abs(a.heures_facturees - sum(m.heures_facturees)) > 1e-6
ORDER BY 1, 2
