-- description: Les registres d'assistants maternels lus, un par fichier, avec leur année : celle
--   que leur nom annonce (la période de staging.fichiers_exports), sinon celle de leur date la plus
--   récente (premier agrément ou cessation). Les registres se rangent par année, puis, pour une
--   même année, par ordre de chargement : jamais par leur chemin dans le dossier des exports.
-- depends: raw.am_registre, staging.fichiers_exports
-- key: fichier
SELECT
    r._fichier AS fichier,
    CAST(coalesce(CAST(left(f.periode, 4) AS INTEGER),
                  max(year(greatest(r.date_premier_agrement, coalesce(r.date_cessation, r.date_premier_agrement))))) AS INTEGER) AS annee,
    max(r._chargement) AS chargement
FROM raw.am_registre AS r
LEFT JOIN staging.fichiers_exports AS f ON f.fichier = r._fichier
GROUP BY r._fichier, f.periode
