-- description: Les lignes rejetées au chargement, avec leur raison.
-- depends: raw.rejets
SELECT chargement, fichier, feuille, ligne, colonne, valeur, motif, code_motif FROM raw.rejets
