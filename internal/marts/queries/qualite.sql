SELECT fichier, type_export, statut, lignes_lues, lignes_chargees, lignes_rejetees, premier_motif, detail
FROM marts.qualite_donnees
ORDER BY fichier
