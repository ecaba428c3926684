-- description: Les structures du service Enfance-Jeunesse, une ligne par structure.
-- depends: staging.structures, staging.eaje_creneaux
-- key: code_structure
-- column code_structure: Code de la structure, tel que l'écrivent ses exports.
-- column nom_structure: Nom de la structure.
-- column type_structure: Type : eaje_multi_accueil, eaje_itinerant, acm_extrascolaire, acm_periscolaire,
--   jeunesse_sejours ou rpe.
-- column commune_insee: Commune d'implantation (code INSEE) ; pour un bus, sa commune de rattachement.
-- column antenne: Antenne du RPE dont relève la structure.
-- column places_autorisees: Pour un EAJE, le plus grand nombre de places autorisées simultanément
--   (agrément modulé) ; vide pour les autres structures.
-- column date_ouverture: Date d'ouverture, quand l'export la donne.
-- column date_fermeture: Date de fermeture définitive, vide si la structure est ouverte.
SELECT
    s.code_structure,
    s.nom AS nom_structure,
    s.type AS type_structure,
    s.commune_insee,
    s.antenne,
    (SELECT max(c.places) FROM staging.eaje_creneaux AS c WHERE c.code_structure = s.code_structure) AS places_autorisees,
    s.date_ouverture,
    s.date_fermeture
FROM staging.structures AS s
ORDER BY s.code_structure
