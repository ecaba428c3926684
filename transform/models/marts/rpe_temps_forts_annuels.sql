-- description: Les temps forts du Relais Petite Enfance (spectacles, fêtes, conférences avec les
--   familles) par année, pour chaque antenne organisatrice, « intercommunal » pour ceux que
--   l'export ne rattache à aucune antenne, et « territoire » pour le total. Les effectifs sont des
--   présences : une personne venue à deux temps forts compte deux fois.
-- depends: staging.rpe_temps_forts
-- key: annee, antenne
-- column annee: Année.
-- column antenne: Code de l'antenne organisatrice, « intercommunal » ou « territoire ».
-- column niveau: « territoire » pour la ligne de tout le territoire, « antenne » pour les autres : additionner les lignes d'un seul niveau, jamais les deux.
-- column temps_forts: Temps forts tenus.
-- column parents: Présences de parents (somme des effectifs renseignés).
-- column am: Présences d'assistants maternels (somme des effectifs renseignés).
-- column enfants: Présences d'enfants (somme des effectifs renseignés).
-- column temps_forts_sans_effectifs: Temps forts dont l'export ne donne aucun effectif.
WITH evenements AS (
    SELECT CAST(year(date) AS INTEGER) AS annee, coalesce(nullif(antenne, ''), 'intercommunal') AS antenne,
           nb_parents, nb_am, nb_enfants
    FROM staging.rpe_temps_forts
)
SELECT
    annee,
    coalesce(antenne, 'territoire') AS antenne,
    CASE grouping(antenne) WHEN 1 THEN 'territoire' ELSE 'antenne' END AS niveau,
    count(*) AS temps_forts,
    coalesce(sum(nb_parents), 0) AS parents,
    coalesce(sum(nb_am), 0) AS am,
    coalesce(sum(nb_enfants), 0) AS enfants,
    count(*) FILTER (WHERE nb_parents IS NULL AND nb_am IS NULL AND nb_enfants IS NULL) AS temps_forts_sans_effectifs
FROM evenements
GROUP BY GROUPING SETS ((annee, antenne), (annee))
ORDER BY annee, antenne IS NOT NULL, antenne
