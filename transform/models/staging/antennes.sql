-- description: Les antennes du Relais Petite Enfance, une ligne par code.
-- depends: raw.antennes_rpe
-- key: code_antenne
SELECT
    code_antenne,
    arg_max(nom, _chargement) AS nom,
    arg_max(commune_insee, _chargement) AS commune_insee,
    arg_max(communes_couvertes, _chargement) AS communes_couvertes,
    arg_max(etp_animation, _chargement) AS etp_animation
FROM raw.antennes_rpe
GROUP BY code_antenne
