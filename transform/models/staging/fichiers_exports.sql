-- description: Les fichiers d'exports lus, avec ce que leur nom annonce : la structure (le premier
--   mot du nom, après le type, qui est le code d'une structure connue, sans tenir compte de la
--   casse) et la période (le premier mot de la forme 2025 ou 2025-03 ; une date d'export comme
--   20250131 n'est pas une période).
-- depends: raw.chargements, staging.structures
-- key: chargement
WITH mots AS (
    SELECT c.*,
           string_split(regexp_replace(regexp_extract(fichier, '[^/]*$'), '\.[A-Za-z0-9]+$', ''), '_') AS mots_nom
    FROM raw.chargements AS c
    WHERE type_export NOT LIKE 'reference%'
)
SELECT
    m.chargement,
    m.fichier,
    m.type_export,
    m.statut,
    m.lignes_lues,
    m.lignes_chargees,
    m.lignes_rejetees,
    m.detail,
    (SELECT min(s.code_structure) FROM staging.structures AS s
      WHERE list_contains(list_transform(m.mots_nom, x -> upper(x)), upper(s.code_structure))) AS code_structure,
    list_filter(m.mots_nom, x -> regexp_full_match(x, '(19|20)[0-9]{2}(-(0[1-9]|1[0-2]))?'))[1] AS periode
FROM mots AS m
