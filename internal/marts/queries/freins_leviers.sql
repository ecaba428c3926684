SELECT annee, nature, code, libelle, reponses, part_repondants, part_chez_non_formees
FROM marts.freins_leviers
ORDER BY annee, nature, reponses DESC, code
