-- description: le suivi de la CTG ne dit jamais « en bonne voie » d'une valeur ou d'une base sur des
--   données incomplètes, et reprend les valeurs des indicateurs clés
-- depends: marts.ctg_suivi, marts.indicateurs_cles
SELECT s.indicateur, s.annee, 'en bonne voie sur des données incomplètes' AS probleme
FROM marts.ctg_suivi AS s
WHERE s.en_bonne_voie AND (s.donnees <> 'complet' OR s.donnees_base <> 'complet')
UNION ALL
SELECT s.indicateur, s.annee, 'valeur différente de marts.indicateurs_cles'
FROM marts.ctg_suivi AS s
JOIN marts.indicateurs_cles AS i ON i.indicateur = s.indicateur AND i.annee = s.annee
WHERE s.valeur IS DISTINCT FROM i.valeur
ORDER BY 1, 2
