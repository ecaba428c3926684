SELECT code_sejour, annee, intitule, places, participants, liste_attente, taux_remplissage
FROM marts.sejours_remplissage
ORDER BY date_debut, code_sejour
