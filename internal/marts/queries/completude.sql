SELECT c.code_structure, coalesce(s.nom_structure, CASE c.code_structure WHEN 'service' THEN 'Service Enfance-Jeunesse' ELSE c.code_structure END) AS nom, c.type_export, c.periode, c.annee, c.statut,
       c.fichiers, c.fichiers_refuses, c.lignes_chargees, c.lignes_rejetees, c.motif
FROM marts.completude AS c
LEFT JOIN marts.dim_structure AS s USING (code_structure)
ORDER BY c.code_structure, c.annee, c.type_export, c.periode
