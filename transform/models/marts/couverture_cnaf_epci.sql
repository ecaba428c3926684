-- description: Le taux de couverture global publié par la CNAF (Cafdata, jeu txcouv_pe_epci) pour
--   l'EPCI du territoire et ses voisins, à comparer avec prudence aux places pour 100 enfants que
--   compte cet outil (marts.couverture_commune) : la CNAF compte aussi la préscolarisation à 2 ans,
--   la garde à domicile et les EAJE que l'intercommunalité ne gère pas, et seulement les places des
--   assistants maternels qui accueillent effectivement des enfants. Source secondaire, non vérifiée :
--   les chiffres ont été recopiés d'un fichier dérivé (data/reference/README.md) et sont à vérifier
--   sur data.caf.fr avant toute publication. Vide quand le dossier de référence n'a pas ce fichier.
-- depends: staging.cnaf_couverture, staging.params
-- key: epci_siren, annee
-- column epci_siren: SIREN de l'EPCI.
-- column epci_nom: Nom de l'EPCI.
-- column annee: Année du taux publié.
-- column territoire: Vrai pour l'EPCI du territoire (fichier de territoire, siren_epci).
-- column taux_couverture_global: Taux de couverture global de la CNAF : places pour 100 enfants de
--   moins de 3 ans, tous modes d'accueil (EAJE, assistants maternels, préscolarisation, garde à
--   domicile). La CNAF n'en publie pas les parts. [publié]
-- column taux_couverture_eaje: Part du taux global due aux EAJE (places pour 100 enfants). [publié]
-- column taux_couverture_am: Part du taux global due aux assistants maternels (places pour 100
--   enfants). [publié]
-- column source: D'où vient le chiffre, en clair.
-- column verifie: Faux tant que le chiffre n'a pas été vérifié sur data.caf.fr (statut du fichier
--   autre que « verifie »).
SELECT
    c.epci_siren,
    c.epci_nom,
    c.annee,
    c.epci_siren = p.siren_epci AS territoire,
    c.taux_couverture_global,
    c.taux_couverture_eaje,
    c.taux_couverture_am,
    'CNAF, taux de couverture global ' || c.annee || ' (data.caf.fr, txcouv_pe_epci)'
        || CASE WHEN c.statut = 'verifie' THEN '' ELSE ', recopié d''une source secondaire : à vérifier sur data.caf.fr' END AS source,
    coalesce(c.statut = 'verifie', false) AS verifie
FROM staging.cnaf_couverture AS c, staging.params AS p
ORDER BY territoire DESC, c.epci_nom
