SELECT code_sejour, annee, intitule, places_ouvertes, participants, liste_attente, taux_remplissage, donnees
FROM marts.sejours_remplissage
ORDER BY date_debut, code_sejour
