SELECT commune_insee, annee, code_structure, nom_structure, type_structure, enfants FROM marts.accueil_par_commune ORDER BY commune_insee, annee, code_structure
