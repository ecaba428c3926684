-- Tables of the raw layer that do not depend on the export registry: the loads, the rejects and
-- the reference data. Every data row carries its lineage: _fichier, _ligne, _chargement.
CREATE TABLE raw.chargements (
    chargement       INTEGER PRIMARY KEY,
    fichier          VARCHAR NOT NULL,
    type_export      VARCHAR NOT NULL,
    empreinte_sha256 VARCHAR NOT NULL,
    modifie_le       TIMESTAMP,
    lignes_lues      INTEGER NOT NULL,
    lignes_chargees  INTEGER NOT NULL,
    lignes_rejetees  INTEGER NOT NULL,
    duree_ms         DOUBLE NOT NULL,
    statut           VARCHAR NOT NULL, -- charge, doublon, remplace, refuse
    detail           VARCHAR,          -- why a file was not loaded, or what it holds
    demonstration    BOOLEAN NOT NULL  -- listed in a demo manifest
);
CREATE TABLE raw.rejets (
    chargement INTEGER NOT NULL,
    fichier    VARCHAR NOT NULL,
    feuille    VARCHAR,
    ligne      INTEGER NOT NULL,
    colonne    VARCHAR,
    valeur     VARCHAR,
    motif      VARCHAR NOT NULL,
    code_motif VARCHAR NOT NULL
);
CREATE TABLE raw.reference_communes (
    commune_insee     VARCHAR NOT NULL,
    nom               VARCHAR NOT NULL,
    population        INTEGER NOT NULL,
    population_annee  INTEGER NOT NULL,
    population_totale INTEGER,
    commune_siren     VARCHAR,
    departement       VARCHAR,
    arrondissement    VARCHAR,
    canton            VARCHAR,
    epci_siren        VARCHAR NOT NULL,
    epci_nom          VARCHAR,
    _fichier          VARCHAR NOT NULL,
    _ligne            INTEGER NOT NULL,
    _chargement       INTEGER NOT NULL
);
CREATE TABLE raw.reference_populations (
    commune_insee VARCHAR NOT NULL,
    annee         INTEGER NOT NULL,
    population    INTEGER NOT NULL,
    _fichier      VARCHAR NOT NULL,
    _ligne        INTEGER NOT NULL,
    _chargement   INTEGER NOT NULL
);
CREATE TABLE raw.reference_contours (
    commune_insee     VARCHAR NOT NULL,
    nom               VARCHAR,
    geometrie_geojson VARCHAR NOT NULL,
    _fichier          VARCHAR NOT NULL,
    _ligne            INTEGER NOT NULL,
    _chargement       INTEGER NOT NULL
);
CREATE TABLE raw.reference_cnaf_couverture (
    epci_siren             VARCHAR NOT NULL,
    epci_nom               VARCHAR,
    annee                  INTEGER NOT NULL,
    taux_couverture_global DOUBLE,
    taux_couverture_eaje   DOUBLE,
    taux_couverture_am     DOUBLE,
    statut                 VARCHAR,
    _fichier               VARCHAR NOT NULL,
    _ligne                 INTEGER NOT NULL,
    _chargement            INTEGER NOT NULL
);
