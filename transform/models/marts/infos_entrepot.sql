-- description: Une ligne qui décrit la construction de l'entrepôt : territoire, année de
--   référence des rapports, date de construction et fichiers chargés.
-- depends: staging.params, staging.chargements
-- key: siren_epci
-- column territoire: Nom du territoire décrit.
-- column siren_epci: SIREN de l'EPCI.
-- column annee_reference: Année que décrivent les rapports (par défaut la dernière année complète).
-- column secret_statistique: Plus petit effectif de personnes publié : en dessous, les sorties
--   affichent « < N ».
-- column age_retraite: Âge de départ en retraite retenu pour projeter les départs d'assistants maternels.
-- column construit_le: Date et heure de construction de l'entrepôt, avec son fuseau (écrite en UTC).
-- column fichiers_charges: Nombre de fichiers chargés (exports et données de référence).
-- column donnees_le: Date et heure de modification la plus récente parmi les fichiers chargés, avec
--   son fuseau : la date des données.
-- column empreinte_cle: Empreinte de la clé des pseudonymes (elle ne permet pas de la retrouver) :
--   si elle change d'un entrepôt à l'autre, les pseudonymes ne se comparent plus.
-- column donnees_demonstration: Vrai quand des fichiers du territoire de démonstration ont été
--   chargés : les sorties le disent sur chaque page.
SELECT
    p.territoire,
    p.siren_epci,
    p.annee_reference,
    p.secret_statistique,
    p.age_retraite,
    p.construit_le,
    p.empreinte_cle,
    (SELECT count(*) FROM staging.chargements) AS fichiers_charges,
    (SELECT max(modifie_le) AT TIME ZONE 'UTC' FROM staging.chargements) AS donnees_le,
    (SELECT coalesce(bool_or(demonstration), false) FROM staging.chargements WHERE statut = 'charge') AS donnees_demonstration
FROM staging.params AS p
