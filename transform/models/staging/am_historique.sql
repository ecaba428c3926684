-- description: L'histoire de la situation de chaque assistant maternel, une ligne par période de
--   validité (règle : marts.am_historique).
-- depends: staging.am_situations, staging.am
-- key: identifiant_am, valide_du
WITH changements AS ( -- the registers that change the situation (the first one always does)
    SELECT *
    FROM staging.am_situations
    QUALIFY (antenne, commune_insee, places_agreees, mam, statut) IS DISTINCT FROM
            lag((antenne, commune_insee, places_agreees, mam, statut)) OVER (PARTITION BY identifiant_am ORDER BY annee_registre)
), debuts AS (
    SELECT c.*, a.date_cessation,
           CASE WHEN row_number() OVER w = 1 THEN a.date_premier_agrement
                ELSE greatest(a.date_premier_agrement, make_date(c.annee_registre, 1, 1)) END AS valide_du
    FROM changements AS c
    JOIN staging.am AS a USING (identifiant_am)
    WINDOW w AS (PARTITION BY c.identifiant_am ORDER BY c.annee_registre)
), periodes AS (
    SELECT *,
           least(lead(valide_du) OVER (PARTITION BY identifiant_am ORDER BY annee_registre) - 1, date_cessation) AS valide_au
    FROM debuts
)
SELECT identifiant_am, valide_du, valide_au, annee_registre, antenne, commune_insee, places_agreees, mam, statut, fichier
FROM periodes
WHERE valide_au IS NULL OR valide_au >= valide_du
