SELECT territoire, siren_epci, annee_reference, secret_statistique, construit_le, donnees_le, donnees_demonstration, coalesce(empreinte_cle, '') AS empreinte_cle
FROM marts.infos_entrepot
