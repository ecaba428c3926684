SELECT code_structure, annee, regime, heures_realisees, heures_facturees, part_heures_facturees
FROM marts.eaje_heures_regime
ORDER BY code_structure, annee, regime
