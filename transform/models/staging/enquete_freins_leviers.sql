-- description: Les réponses à l'enquête sur les freins et leviers à la formation.
-- depends: raw.enquete_freins_leviers
SELECT * FROM raw.enquete_freins_leviers
