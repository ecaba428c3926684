-- description: Les lignes rejetées au chargement, une ligne par colonne en défaut, avec la structure
--   que le nom du fichier annonce : la liste à renvoyer aux structures. Les valeurs d'une colonne de
--   personne sont masquées, une date de naissance est donnée au mois.
-- depends: staging.rejets, staging.fichiers_exports
-- key: fichier, ligne, colonne
-- private: la liste des lignes à renvoyer aux structures, avec leurs valeurs, n'est pas à publier.
-- column fichier: Fichier, relatif au dossier des exports.
-- column code_structure: Structure que le nom du fichier annonce, vide quand il n'en nomme aucune.
-- column type_export: Type d'export du fichier.
-- column ligne: Ligne du fichier (la ligne 1 est l'en-tête d'un CSV).
-- column colonne: Colonne en défaut, vide quand c'est la ligne entière (doublon, ligne illisible).
-- column valeur: Valeur lue, masquée quand elle pourrait désigner une personne.
-- column motif: Raison du rejet, en français.
-- column code_motif: Code stable de la raison.
SELECT r.fichier, f.code_structure, f.type_export, r.ligne, coalesce(r.colonne, '') AS colonne, r.valeur, r.motif, r.code_motif
FROM staging.rejets AS r
LEFT JOIN staging.fichiers_exports AS f USING (chargement)
ORDER BY r.fichier, r.ligne, r.colonne
