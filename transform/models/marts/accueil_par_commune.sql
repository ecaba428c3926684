-- description: Les enfants et jeunes de chaque commune accueillis par chaque structure, par année :
--   les EAJE et accueils de mineurs d'après la commune de résidence de leurs présences (ou des
--   relevés mensuels d'un EAJE), les séjours d'après celle des participants.
-- depends: staging.eaje_heures_enfants, staging.acm_presences, staging.sejours_inscriptions, staging.sejours, staging.structures
-- key: commune_insee, annee, code_structure
-- column commune_insee: Commune de résidence (code INSEE).
-- column annee: Année.
-- column code_structure: Structure qui les a accueillis (pour les séjours, la structure jeunesse).
-- column nom_structure: Nom de la structure.
-- column type_structure: Type de la structure.
-- column enfants: Enfants ou jeunes différents de la commune accueillis dans l'année. [personnes]
WITH jeunesse AS (
    SELECT coalesce(min(code_structure) FILTER (WHERE type = 'jeunesse_sejours'), 'sejours') AS code FROM staging.structures
), venues AS (
    SELECT commune_residence AS commune_insee, year(mois) AS annee, code_structure, enfant FROM staging.eaje_heures_enfants
    UNION ALL
    SELECT commune_residence, year(date), code_structure, enfant FROM staging.acm_presences
    UNION ALL
    SELECT i.commune_residence, year(s.date_debut), j.code, i.jeune
    FROM staging.sejours_inscriptions AS i
    JOIN staging.sejours AS s USING (code_sejour), jeunesse AS j
    WHERE i.statut IN ('present', 'inscrit')
)
SELECT
    v.commune_insee,
    v.annee,
    v.code_structure,
    coalesce(s.nom, 'Séjours') AS nom_structure,
    coalesce(s.type, 'jeunesse_sejours') AS type_structure,
    count(DISTINCT v.enfant) AS enfants
FROM venues AS v
LEFT JOIN staging.structures AS s USING (code_structure)
GROUP BY v.commune_insee, v.annee, v.code_structure, s.nom, s.type
ORDER BY v.commune_insee, v.annee, v.code_structure
