-- description: Les inscriptions aux séjours.
-- depends: raw.sejours_inscriptions
SELECT * FROM raw.sejours_inscriptions
