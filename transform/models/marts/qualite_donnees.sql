-- description: La qualité des données chargées, un fichier par ligne : ce qui a été lu, chargé,
--   rejeté, et la première raison de rejet ; les fichiers refusés, doublons ou remplacés le disent.
-- depends: staging.chargements, staging.rejets, staging.fichiers_exports
-- key: fichier
-- private: les chemins des fichiers du service ne sont pas à publier.
-- column fichier: Chemin du fichier dans le dossier des exports (ou des données de référence).
-- column type_export: Type d'export reconnu (voir docs/exports.md).
-- column statut: charge, doublon (même contenu qu'un autre fichier), remplace (par un export plus
--   récent) ou refuse (illisible).
-- column lignes_lues: Lignes de données lues.
-- column lignes_chargees: Lignes chargées.
-- column lignes_rejetees: Lignes rejetées (lues = chargées + rejetées).
-- column premier_motif: Première raison de rejet, avec sa ligne.
-- column detail: Pourquoi le fichier n'a pas été chargé, ou son encodage.
-- column demonstration: Vrai pour un fichier du territoire de démonstration.
-- column code_structure: Structure que le nom du fichier annonce, vide quand il n'en nomme aucune.
SELECT
    c.fichier,
    c.type_export,
    c.statut,
    c.lignes_lues,
    c.lignes_chargees,
    c.lignes_rejetees,
    (SELECT 'ligne ' || r.ligne || ' : ' || r.motif FROM staging.rejets AS r
      WHERE r.chargement = c.chargement ORDER BY r.ligne, r.colonne NULLS FIRST LIMIT 1) AS premier_motif,
    c.detail,
    c.demonstration,
    f.code_structure
FROM staging.chargements AS c
LEFT JOIN staging.fichiers_exports AS f USING (chargement)
ORDER BY c.fichier
