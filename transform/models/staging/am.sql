-- description: Les assistants maternels, une ligne par personne (pseudonyme), réunissant tous
--   les registres : la situation du registre le plus récent qui la cite, la date de cessation
--   quand un registre l'indique.
-- depends: raw.am_registre
-- key: identifiant_am
SELECT
    identifiant_am,
    arg_max(antenne, _chargement) AS antenne,
    arg_max(commune_insee, _chargement) AS commune_insee,
    arg_max(annee_naissance, _chargement) AS annee_naissance,
    min(date_premier_agrement) AS date_premier_agrement,
    arg_max(places_agreees, _chargement) AS places_agreees,
    arg_max(mam, _chargement) AS mam,
    max(date_cessation) AS date_cessation,
    arg_max(motif_cessation, date_cessation) AS motif_cessation
FROM raw.am_registre
GROUP BY identifiant_am
