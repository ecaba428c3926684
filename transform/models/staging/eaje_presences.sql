-- description: Les présences journalières des enfants en EAJE, typées, avec leur lignée.
-- depends: raw.eaje_presences
SELECT * FROM raw.eaje_presences
