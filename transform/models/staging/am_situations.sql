-- description: La situation de chaque assistant maternel dans le registre de chaque année (antenne,
--   commune, places, MAM, statut) : pour deux registres de la même année, celui chargé le dernier.
-- depends: raw.am_registre, staging.am_registres
-- key: identifiant_am, annee_registre
SELECT
    r.identifiant_am,
    g.annee AS annee_registre,
    r.antenne,
    r.commune_insee,
    CAST(r.places_agreees AS BIGINT) AS places_agreees,
    coalesce(r.mam <> '', false) AS mam,
    r.statut,
    r._fichier AS fichier
FROM raw.am_registre AS r
JOIN staging.am_registres AS g ON g.fichier = r._fichier
QUALIFY row_number() OVER (PARTITION BY r.identifiant_am, g.annee ORDER BY r._chargement DESC, r._ligne DESC) = 1
