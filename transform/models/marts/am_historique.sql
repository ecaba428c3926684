-- description: L'histoire du registre des assistants maternels : une ligne par assistant maternel
--   (pseudonyme) et par période où sa situation (antenne, commune, places agréées, MAM, statut)
--   reste la même. Règle : les registres se rangent par année (celle que leur nom annonce, sinon
--   celle de leur date la plus récente), puis par ordre de chargement, jamais par leur chemin ; un
--   registre qui donne une autre situation que le précédent la fait changer au 1er janvier de son
--   année ; des registres successifs qui donnent la même situation font une seule période ; la
--   première situation vaut depuis le premier agrément (le registre le plus ancien décrit aussi
--   les années d'avant lui) ; la dernière période s'arrête à la date de cessation quand un
--   registre en donne une. Une ligne par personne : n'en publier que des effectifs, sous le secret
--   statistique.
-- depends: staging.am_historique
-- key: identifiant_am, valide_du
-- private: une ligne par personne (pseudonyme) : à publier en effectifs seulement, jamais ligne à ligne.
-- column identifiant_am: Pseudonyme de l'assistant maternel.
-- column valide_du: Premier jour de la période : le premier agrément pour la première, sinon le
--   1er janvier de l'année du registre qui donne la situation.
-- column valide_au: Dernier jour de la période (la veille de la suivante, ou la date de
--   cessation) ; vide quand la situation vaut toujours.
-- column annee_registre: Année du registre qui donne le premier cette situation.
-- column antenne: Code de l'antenne du RPE.
-- column commune_insee: Commune d'exercice (code INSEE).
-- column places_agreees: Places agréées.
-- column mam: Vrai quand l'assistant maternel exerce en maison d'assistants maternels.
-- column statut: Statut que donne ce registre à sa date (active, sans_accueil, suspendue,
--   cessation ; vide quand le registre n'en donne pas).
-- column fichier: Fichier du registre qui donne le premier cette situation.
SELECT identifiant_am, valide_du, valide_au, annee_registre, antenne, commune_insee,
       places_agreees, mam, statut, fichier
FROM staging.am_historique
ORDER BY identifiant_am, valide_du
