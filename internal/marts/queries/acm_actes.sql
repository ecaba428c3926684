SELECT a.code_structure, coalesce(s.nom_structure, a.code_structure) AS nom, a.annee, a.periode, a.date_debut, a.date_fin, a.heures_realisees,
       a.heures_facturees, a.mercredis_plafonnes, a.heures_ecretees, a.actes_heures, a.plafond_mercredi_journee,
       a.plafond_mercredi_demi_journee, a.donnees
FROM marts.acm_actes AS a
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY a.annee, coalesce(s.nom_structure, a.code_structure), a.code_structure, a.periode = 'annee', a.date_debut, a.periode
