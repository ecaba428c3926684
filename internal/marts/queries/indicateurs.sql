SELECT annee, theme, indicateur, libelle, valeur, unite, valeur_n_1, revele FROM marts.indicateurs_cles ORDER BY annee, ordre
