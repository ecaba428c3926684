SELECT s.indicateur, s.libelle, s.unite, s.annee, s.premiere_annee, s.derniere_annee, s.annee_base, s.valeur_base, s.donnees_base,
       s.cible, s.valeur, s.donnees, s.valeur_attendue, s.appreciation, s.en_bonne_voie
FROM marts.ctg_suivi AS s
LEFT JOIN (SELECT indicateur, min(ordre) AS ordre FROM marts.indicateurs_cles GROUP BY indicateur) AS o USING (indicateur)
ORDER BY o.ordre, s.indicateur, s.annee
