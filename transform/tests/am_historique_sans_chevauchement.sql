-- description: l'histoire des assistants maternels est bien formée : chaque période finit au plus
--   tôt le jour où elle commence, et deux périodes d'un même assistant maternel ne se chevauchent
--   pas
-- depends: marts.am_historique
SELECT identifiant_am, valide_du, valide_au, suivante_du
FROM (
    SELECT *, lead(valide_du) OVER (PARTITION BY identifiant_am ORDER BY valide_du) AS suivante_du
    FROM marts.am_historique
)
WHERE valide_au < valide_du
   OR (suivante_du IS NOT NULL AND (valide_au IS NULL OR valide_au >= suivante_du))
ORDER BY 1, 2
