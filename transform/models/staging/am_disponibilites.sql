-- description: Les déclarations de disponibilités des assistants maternels sur monenfant.fr.
-- depends: raw.am_disponibilites
SELECT * FROM raw.am_disponibilites
