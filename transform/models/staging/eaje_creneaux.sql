-- description: Les créneaux de capacité des EAJE (agrément modulé), avec leurs heures en nombre
--   décimal ; pour un bus, la commune où il stationne.
-- depends: raw.eaje_capacites
SELECT
    code_structure,
    date_debut,
    date_fin,
    string_split(jours, '|') AS jours,
    CAST(split_part(heure_debut, ':', 1) AS INTEGER) + CAST(split_part(heure_debut, ':', 2) AS INTEGER) / 60.0 AS debut,
    CAST(split_part(heure_fin, ':', 1) AS INTEGER) + CAST(split_part(heure_fin, ':', 2) AS INTEGER) / 60.0 AS fin,
    places,
    commune_insee
FROM raw.eaje_capacites
