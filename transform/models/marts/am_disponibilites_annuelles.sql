-- description: La mise à jour des disponibilités des assistants maternels sur monenfant.fr, par
--   année, pour le territoire (antenne « territoire ») et chaque antenne. Depuis le décret
--   2021-1131 (en vigueur le 1er septembre 2021), un assistant maternel déclare ses disponibilités
--   au moins avant le 1er juin et avant le 1er décembre pour les six mois qui suivent. Il est « à
--   jour » pour l'année s'il a fait au moins une déclaration datée du 1er juillet au 31 décembre de
--   l'année, c'est-à-dire de moins de six mois au 31 décembre : celle qui est due avant le
--   1er décembre. Seules les années où l'export des disponibilités a au moins une déclaration ont
--   une ligne (une année sans export n'est pas une année sans mise à jour).
-- depends: marts.am_annees, staging.am_disponibilites
-- key: annee, antenne
-- column annee: Année.
-- column antenne: Code de l'antenne, ou « territoire ». Une AM compte dans l'antenne de sa situation
--   de l'année (marts.am_annees : celle en cours au 31 décembre).
-- column niveau: « territoire » pour la ligne de tout le territoire, « antenne » pour les autres : additionner les lignes d'un seul niveau, jamais les deux.
-- column am_en_activite: Assistants maternels dont l'agrément court au 31 décembre et que le
--   registre de l'année dit en activité (ni sans accueil, ni suspendus). [personnes]
-- column am_a_jour: Parmi eux, ceux qui ont déclaré leurs disponibilités sur monenfant.fr du
--   1er juillet au 31 décembre de l'année. [personnes]
-- column part_a_jour: Assistants maternels à jour / en activité (fraction). [révèle : am_a_jour, am_en_activite]
--   [parts : am_a_jour, am_en_activite]
-- column places_disponibles: Places que les assistants maternels à jour déclarent disponibles dans
--   leur dernière déclaration de l'année (la disponibilité qui commence le plus tard quand une
--   déclaration en donne plusieurs).
WITH declarations AS (
    SELECT identifiant_am, CAST(year(date_declaration) AS INTEGER) AS annee,
           arg_max(places_disponibles, (date_declaration, date_debut)) AS places
    FROM staging.am_disponibilites
    WHERE month(date_declaration) >= 7
    GROUP BY ALL
), annees AS (
    SELECT DISTINCT CAST(year(date_declaration) AS INTEGER) AS annee FROM staging.am_disponibilites
)
SELECT
    a.annee,
    coalesce(a.antenne, 'territoire') AS antenne,
    CASE grouping(a.antenne) WHEN 1 THEN 'territoire' ELSE 'antenne' END AS niveau,
    count(*) AS am_en_activite,
    count(d.identifiant_am) AS am_a_jour,
    count(d.identifiant_am) / nullif(count(*), 0) AS part_a_jour,
    coalesce(sum(d.places), 0) AS places_disponibles
FROM marts.am_annees AS a
JOIN annees AS y ON y.annee = a.annee
LEFT JOIN declarations AS d ON d.identifiant_am = a.identifiant_am AND d.annee = a.annee
WHERE coalesce(a.en_activite, a.actif_31_decembre) -- a year without a register: every AM active at 31 December
GROUP BY GROUPING SETS ((a.annee, a.antenne), (a.annee))
ORDER BY a.annee, a.antenne IS NOT NULL, a.antenne
