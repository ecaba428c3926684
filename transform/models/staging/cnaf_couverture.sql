-- description: Le taux de couverture publié par la CNAF pour l'EPCI et ses voisins, du fichier de
--   référence facultatif cnaf_couverture_epci_2023.csv (source secondaire, non vérifiée).
-- depends: raw.reference_cnaf_couverture
-- key: epci_siren, annee
SELECT epci_siren, epci_nom, annee, taux_couverture_global, taux_couverture_eaje, taux_couverture_am, statut
FROM raw.reference_cnaf_couverture
