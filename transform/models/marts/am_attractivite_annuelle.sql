-- description: L'attractivité du métier d'assistant maternel par année, pour le territoire
--   (antenne « territoire ») et chaque antenne : entrées, sorties, renouvellement, âge.
-- depends: marts.am_annees
-- key: annee, antenne
-- column annee: Année.
-- column antenne: Code de l'antenne, ou « territoire ». Une AM compte dans l'antenne de sa situation
--   de l'année (marts.am_annees : celle en cours au 31 décembre ; une situation change au
--   1er janvier, c'est donc aussi celle du 1er janvier).
-- column niveau: « territoire » pour la ligne de tout le territoire, « antenne » pour les autres : additionner les lignes d'un seul niveau, jamais les deux.
-- column am_actives_1er_janvier: Assistants maternels dont l'agrément court au 1er janvier. [personnes]
-- column nouveaux_agrements: Premiers agréments accordés dans l'année. [personnes]
-- column cessations: Agréments terminés dans l'année (tous motifs). [personnes]
-- column cessations_retraite: Cessations pour départ en retraite. [personnes]
-- column ratio_renouvellement: Nouveaux agréments / cessations (0,33 = « un remplacement pour
--   trois départs »). [révèle : nouveaux_agrements, cessations] [parts : nouveaux_agrements, cessations]
-- column taux_sortie: Cessations / AM actives au 1er janvier. [révèle : cessations, am_actives_1er_janvier]
--   [parts : cessations, am_actives_1er_janvier]
-- column solde: Nouveaux agréments − cessations. [révèle : nouveaux_agrements, cessations]
-- column am_actives_31_decembre: Assistants maternels dont l'agrément court au 31 décembre. [personnes]
-- column am_en_activite: Parmi eux, ceux que le registre de l'année dit en activité (ni sans accueil,
--   ni suspendus ; un registre sans statut les dit tous en activité) ; vide pour une année sans
--   registre. [personnes]
-- column places_agreees: Places agréées des AM actives au 31 décembre.
-- column am_mam: AM actives au 31 décembre exerçant en maison d'assistants maternels. [personnes]
-- column age_moyen: Âge moyen en fin d'année des AM actives au 31 décembre.
-- column am_50_ans_plus: AM actives au 31 décembre âgées de 50 ans ou plus. [personnes]
-- column part_50_ans_plus: Part des AM actives au 31 décembre âgées de 50 ans ou plus. [révèle : am_50_ans_plus]
--   [parts : am_50_ans_plus, am_actives_31_decembre]
-- column am_55_ans_plus: AM actives au 31 décembre âgées de 55 ans ou plus. [personnes]
-- column part_55_ans_plus: Part des AM actives au 31 décembre âgées de 55 ans ou plus. [révèle : am_55_ans_plus]
--   [parts : am_55_ans_plus, am_actives_31_decembre]
SELECT
    annee,
    coalesce(antenne, 'territoire') AS antenne,
    CASE grouping(antenne) WHEN 1 THEN 'territoire' ELSE 'antenne' END AS niveau,
    count(*) FILTER (WHERE actif_1er_janvier) AS am_actives_1er_janvier,
    count(*) FILTER (WHERE nouvel_agrement) AS nouveaux_agrements,
    count(*) FILTER (WHERE cessation) AS cessations,
    count(*) FILTER (WHERE cessation_retraite) AS cessations_retraite,
    count(*) FILTER (WHERE nouvel_agrement) / nullif(count(*) FILTER (WHERE cessation), 0) AS ratio_renouvellement,
    count(*) FILTER (WHERE cessation) / nullif(count(*) FILTER (WHERE actif_1er_janvier), 0) AS taux_sortie,
    count(*) FILTER (WHERE nouvel_agrement) - count(*) FILTER (WHERE cessation) AS solde,
    count(*) FILTER (WHERE actif_31_decembre) AS am_actives_31_decembre,
    CASE WHEN bool_and(en_activite IS NOT NULL) THEN count(*) FILTER (WHERE en_activite) END AS am_en_activite,
    coalesce(sum(places_agreees) FILTER (WHERE actif_31_decembre), 0) AS places_agreees,
    count(*) FILTER (WHERE actif_31_decembre AND mam) AS am_mam,
    avg(age) FILTER (WHERE actif_31_decembre) AS age_moyen,
    count(*) FILTER (WHERE actif_31_decembre AND age >= 50) AS am_50_ans_plus,
    count(*) FILTER (WHERE actif_31_decembre AND age >= 50) / nullif(count(*) FILTER (WHERE actif_31_decembre), 0) AS part_50_ans_plus,
    count(*) FILTER (WHERE actif_31_decembre AND age >= 55) AS am_55_ans_plus,
    count(*) FILTER (WHERE actif_31_decembre AND age >= 55) / nullif(count(*) FILTER (WHERE actif_31_decembre), 0) AS part_55_ans_plus
FROM marts.am_annees
GROUP BY GROUPING SETS ((annee, antenne), (annee))
ORDER BY annee, antenne IS NOT NULL, antenne
