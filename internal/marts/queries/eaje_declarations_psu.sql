SELECT d.code_structure, coalesce(s.nom_structure, d.code_structure) AS nom, d.annee, d.declaration, d.libelle, d.annee_donnees, CAST(month(d.date_debut) AS INTEGER) AS mois_debut, CAST(month(d.date_fin) AS INTEGER) AS mois_fin,
       d.mois_ouverture, d.mois_sans_donnees, d.jours_ouverture, d.capacite_theorique_heures, d.heures_realisees, d.heures_facturees,
       d.heures_realisees_regime_general, d.heures_realisees_msa, d.heures_realisees_autre_regime, d.heures_realisees_regime_non_renseigne,
       d.heures_facturees_regime_general, d.heures_facturees_msa, d.heures_facturees_autre_regime, d.heures_facturees_regime_non_renseigne,
       d.part_regime_general, d.taux_occupation_reel, d.taux_occupation_financier, d.taux_facturation, d.donnees
FROM marts.eaje_declarations_psu AS d
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY d.annee, coalesce(s.nom_structure, d.code_structure), d.code_structure,
         CASE d.declaration WHEN 'previsionnel' THEN 1 WHEN 'reel_n_1' THEN 2 WHEN 'actualise_juin' THEN 3 ELSE 4 END
