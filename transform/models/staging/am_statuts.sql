-- description: Le statut de chaque assistant maternel dans le registre de chaque année : celui que
--   donne le registre de l'année (l'année que son nom annonce, sinon celle de sa date la plus
--   récente). Un assistant maternel agréé peut être sans accueil ou suspendu : il n'est pas en
--   activité. Une année sans registre n'a pas de ligne.
-- depends: staging.am_situations
-- key: identifiant_am, annee
SELECT identifiant_am, annee_registre AS annee, statut
FROM staging.am_situations
