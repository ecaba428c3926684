-- description: Un fichier lu par ligne : son type, son statut (chargé, doublon, remplacé, refusé)
--   et le compte de ses lignes.
-- depends: raw.chargements
-- key: chargement
SELECT chargement, fichier, type_export, empreinte_sha256, modifie_le, lignes_lues, lignes_chargees,
       lignes_rejetees, statut, detail, demonstration
FROM raw.chargements
