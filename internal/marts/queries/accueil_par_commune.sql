SELECT commune_insee, annee, code_structure, nom, type, enfants FROM marts.accueil_par_commune ORDER BY commune_insee, annee, code_structure
