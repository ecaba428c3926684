SELECT annee, theme, indicateur, libelle, valeur, unite, valeur_n_1, revele, donnees, donnees_n_1 FROM marts.indicateurs_cles ORDER BY annee, ordre
