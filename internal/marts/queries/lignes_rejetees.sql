SELECT fichier, coalesce(code_structure, '') AS code_structure, ligne, colonne, valeur, motif, code_motif
FROM marts.lignes_rejetees
ORDER BY fichier, ligne, colonne
