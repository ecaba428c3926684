-- description: Les inscriptions des assistants maternels aux sessions de formation.
-- depends: raw.formation_inscriptions
SELECT * FROM raw.formation_inscriptions
