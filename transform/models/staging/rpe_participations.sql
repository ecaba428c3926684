-- description: Les venues des assistants maternels aux ateliers d'éveil.
-- depends: raw.rpe_participations
SELECT * FROM raw.rpe_participations
