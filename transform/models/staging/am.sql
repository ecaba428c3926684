-- description: Les assistants maternels, une ligne par personne (pseudonyme), réunissant tous
--   les registres : l'année de naissance du registre le plus récent (par année du registre, puis
--   ordre de chargement), la date du premier agrément la plus ancienne, la date de cessation quand
--   un registre l'indique. Leur situation (antenne, commune, places) change avec les années :
--   staging.am_historique.
-- depends: raw.am_registre, staging.am_registres
-- key: identifiant_am
SELECT
    r.identifiant_am,
    arg_max(r.annee_naissance, (g.annee, r._chargement)) AS annee_naissance,
    min(r.date_premier_agrement) AS date_premier_agrement,
    max(r.date_cessation) AS date_cessation,
    arg_max(r.motif_cessation, r.date_cessation) AS motif_cessation
FROM raw.am_registre AS r
JOIN staging.am_registres AS g ON g.fichier = r._fichier
GROUP BY r.identifiant_am
