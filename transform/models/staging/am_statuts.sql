-- description: Le statut de chaque assistant maternel dans le registre de chaque année : celui que
--   donne le registre de l'année (l'année que son nom annonce, sinon celle de sa date la plus
--   récente). Un assistant maternel agréé peut être sans accueil ou suspendu : il n'est pas en
--   activité. Une année sans registre n'a pas de ligne.
-- depends: raw.am_registre, staging.fichiers_exports
-- key: identifiant_am, annee
WITH registres AS (
    SELECT r._fichier, coalesce(CAST(left(f.periode, 4) AS INTEGER),
                                max(year(greatest(r.date_premier_agrement, coalesce(r.date_cessation, r.date_premier_agrement))))) AS annee
    FROM raw.am_registre AS r
    LEFT JOIN staging.fichiers_exports AS f ON f.fichier = r._fichier
    GROUP BY r._fichier, f.periode
)
SELECT r.identifiant_am, g.annee, arg_max(r.statut, r._chargement) AS statut
FROM raw.am_registre AS r
JOIN registres AS g USING (_fichier)
GROUP BY r.identifiant_am, g.annee
