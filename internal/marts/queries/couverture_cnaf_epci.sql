SELECT epci_siren, epci_nom, annee, territoire, taux_couverture_global, taux_couverture_eaje, taux_couverture_am, source, verifie
FROM marts.couverture_cnaf_epci
ORDER BY territoire DESC, epci_nom, annee
