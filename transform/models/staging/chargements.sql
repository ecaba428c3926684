-- description: Un fichier chargé par ligne, avec son type et le compte de ses lignes.
-- depends: raw.chargements
-- key: chargement
SELECT chargement, fichier, type_export, empreinte_sha256, modifie_le, lignes_lues, lignes_chargees, lignes_rejetees
FROM raw.chargements
