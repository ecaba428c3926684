-- description: Les antennes du Relais Petite Enfance : leur nom, leur commune et leurs équivalents
--   temps plein d'animation, pour nommer les antennes que les autres marts désignent par leur code.
-- depends: staging.antennes
-- key: antenne
-- column antenne: Code de l'antenne, tel que les marts rpe_activite_annuelle,
--   formation_annuelle et am_attractivite_annuelle l'écrivent dans leur colonne antenne.
-- column nom_antenne: Nom de l'antenne.
-- column commune_insee: Commune du siège de l'antenne (code INSEE).
-- column etp_animation: Équivalents temps plein d'animation de l'antenne.
SELECT code_antenne AS antenne, nom AS nom_antenne, commune_insee, etp_animation
FROM staging.antennes
ORDER BY code_antenne
