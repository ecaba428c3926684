SELECT annee, theme, indicateur, libelle, valeur, unite, valeur_n_1 FROM marts.indicateurs_cles ORDER BY annee, ordre
