-- description: Les séjours du service jeunesse.
-- depends: raw.sejours
-- key: code_sejour
SELECT * FROM raw.sejours
