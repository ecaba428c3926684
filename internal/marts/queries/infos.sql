SELECT territoire, siren_epci, annee_reference, secret_statistique, construit_le, donnees_le
FROM marts.infos_entrepot
