-- description: Les années couvertes par les exports : de la première à la dernière année où une
--   présence, un relevé mensuel d'EAJE, un atelier, une session de formation est daté ou qu'un
--   registre d'assistants maternels décrit (son année, staging.am_registres), sans dépasser
--   l'année de référence ; l'année de référence seule quand il n'y a aucun export.
-- depends: raw.eaje_presences, raw.eaje_heures_mensuelles, raw.acm_presences, raw.rpe_ateliers, raw.formation_sessions, staging.am_registres, staging.params
-- key: annee
WITH bornes AS (
    SELECT min(y) AS premiere, max(y) AS derniere
    FROM (
        SELECT year(date) AS y FROM raw.eaje_presences
        UNION ALL SELECT year(mois) FROM raw.eaje_heures_mensuelles
        UNION ALL SELECT year(date) FROM raw.acm_presences
        UNION ALL SELECT year(date) FROM raw.rpe_ateliers
        UNION ALL SELECT year(date_debut) FROM raw.formation_sessions
        UNION ALL SELECT annee FROM staging.am_registres
    )
)
SELECT CAST(generate_series AS INTEGER) AS annee
FROM bornes, staging.params AS p,
     generate_series(least(coalesce(bornes.premiere, p.annee_reference), p.annee_reference),
                     least(coalesce(bornes.derniere, p.annee_reference), p.annee_reference))
