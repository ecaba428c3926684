SELECT fichier, type_export, statut, lignes_lues, lignes_chargees, lignes_rejetees, premier_motif, detail,
       coalesce(code_structure, '') AS code_structure
FROM marts.qualite_donnees
ORDER BY fichier
