-- description: Chaque assistant maternel (pseudonyme) pour chaque année couverte où son agrément
--   court, avec sa situation de l'année d'après marts.am_historique : celle en cours au
--   31 décembre, ou la dernière avant sa cessation (une situation ne change qu'au 1er janvier : pour
--   une AM agréée avant l'année, c'est aussi celle du 1er janvier). Les effectifs de
--   am_attractivite_annuelle en sont les sommes. Une ligne par personne : n'en publier que des
--   effectifs, sous le secret statistique.
-- depends: staging.am_annees
-- key: identifiant_am, annee
-- private: une ligne par personne (pseudonyme) : à publier en effectifs seulement, jamais ligne à ligne.
-- column identifiant_am: Pseudonyme de l'assistant maternel.
-- column annee: Année.
-- column antenne: Code de l'antenne du RPE dans la situation de l'année.
-- column commune_insee: Commune d'exercice (code INSEE) dans la situation de l'année.
-- column places_agreees: Places agréées dans la situation de l'année.
-- column mam: Vrai quand, dans la situation de l'année, l'AM exerce en maison d'assistants
--   maternels.
-- column annee_registre: Année du registre qui donne la situation de l'année (un registre plus
--   ancien que l'année quand elle n'a pas changé depuis, ou le plus ancien pour les années d'avant
--   le premier registre).
-- column age: Âge en fin d'année (année − année de naissance).
-- column actif_1er_janvier: Vrai quand l'agrément court au 1er janvier (agréé avant l'année, pas
--   encore sorti).
-- column nouvel_agrement: Vrai quand le premier agrément date de l'année.
-- column cessation: Vrai quand l'agrément s'est terminé dans l'année (tous motifs).
-- column cessation_retraite: Vrai quand il s'est terminé dans l'année par un départ en retraite.
-- column actif_31_decembre: Vrai quand l'agrément court au 31 décembre.
-- column en_activite: Vrai quand l'AM est active au 31 décembre et que le registre de l'année la
--   dit en activité (ni sans accueil, ni suspendue ; un registre sans statut la dit en activité) ;
--   vide pour une année sans registre.
SELECT identifiant_am, annee, antenne, commune_insee, places_agreees, mam, annee_registre, age,
       actif_1er_janvier, nouvel_agrement, cessation, coalesce(cessation_retraite, false) AS cessation_retraite,
       actif_31_decembre, en_activite
FROM staging.am_annees
ORDER BY identifiant_am, annee
