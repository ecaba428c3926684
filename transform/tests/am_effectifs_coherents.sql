-- description: les effectifs d'assistants maternels se suivent : actives au 31 décembre =
--   actives au 1er janvier + nouveaux agréments − cessations, et, pour le territoire, égales aux
--   actives du 1er janvier suivant (une antenne peut gagner ou perdre au 1er janvier les AM qui
--   changent d'antenne)
-- depends: marts.am_attractivite_annuelle
SELECT a.annee, a.antenne, a.am_actives_1er_janvier, a.nouveaux_agrements, a.cessations,
       a.am_actives_31_decembre, n.am_actives_1er_janvier AS actives_1er_janvier_suivant
FROM marts.am_attractivite_annuelle AS a
LEFT JOIN marts.am_attractivite_annuelle AS n ON n.antenne = a.antenne AND n.annee = a.annee + 1
WHERE a.am_actives_31_decembre <> a.am_actives_1er_janvier + a.nouveaux_agrements - a.cessations
   OR (a.niveau = 'territoire' AND a.am_actives_31_decembre <> n.am_actives_1er_janvier)
ORDER BY 1, 2
