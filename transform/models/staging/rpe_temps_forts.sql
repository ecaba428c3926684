-- description: Les temps forts du RPE (spectacles, fêtes, conférences) avec les familles.
-- depends: raw.rpe_temps_forts
SELECT * FROM raw.rpe_temps_forts
