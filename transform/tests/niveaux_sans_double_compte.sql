-- description: les lignes d'un mart à plusieurs niveaux (colonne niveau) ne se comptent pas deux fois : la somme des lignes « antenne » d'une année égale la ligne « territoire » pour les assistants maternels actifs au 31 décembre, les AM en activité de monenfant.fr et les temps forts
-- depends: marts.am_attractivite_annuelle, marts.am_disponibilites_annuelles, marts.rpe_temps_forts_annuels
WITH sommes AS (
    SELECT 'am_attractivite_annuelle' AS mart, annee, niveau, sum(am_actives_31_decembre) AS total
    FROM marts.am_attractivite_annuelle GROUP BY ALL
    UNION ALL
    SELECT 'am_disponibilites_annuelles', annee, niveau, sum(am_en_activite) FROM marts.am_disponibilites_annuelles GROUP BY ALL
    UNION ALL
    SELECT 'rpe_temps_forts_annuels', annee, niveau, sum(temps_forts) FROM marts.rpe_temps_forts_annuels GROUP BY ALL
)
SELECT mart, annee, a.total AS somme_antennes, t.total AS territoire
FROM sommes AS a
JOIN sommes AS t USING (mart, annee)
WHERE a.niveau = 'antenne' AND t.niveau = 'territoire' AND a.total <> t.total
ORDER BY mart, annee
