-- description: Les freins et leviers à la formation cités dans l'enquête annuelle, par antenne et
--   tranche d'ancienneté d'agrément des répondants : une ligne par année, antenne, tranche et code
--   cité dans l'année, même quand aucune réponse du groupe ne le cite (0). L'ancienneté est la
--   tranche que la répondante déclare dans l'enquête, qui est anonyme et ne peut donc pas être
--   rapprochée du registre. reponses et repondants s'additionnent sur les années, antennes et
--   tranches pour un même code ; repondants est l'effectif du groupe, le même sur chaque code :
--   ne pas l'additionner sur les codes.
-- depends: staging.enquete_codes, staging.enquete_freins_leviers, marts.freins_leviers
-- key: annee, antenne, tranche_anciennete, nature, code
-- column annee: Année de l'enquête.
-- column antenne: Code de l'antenne que donne la répondante, ou « non_renseignee ».
-- column tranche_anciennete: Ancienneté d'agrément déclarée : « moins_5_ans » (moins de 5 ans),
--   « 5_14_ans » (de 5 à 14 ans), « 15_ans_plus » (15 ans et plus) ou « non_renseignee ».
-- column nature: « frein » ou « levier ».
-- column code: Code du frein ou du levier.
-- column libelle: Libellé en français.
-- column reponses: Réponses du groupe qui citent ce code. [personnes]
-- column repondants: Réponses à l'enquête de l'année du groupe (antenne et tranche). [personnes]
-- column part_repondants: Réponses qui citent ce code / réponses du groupe (fraction). [révèle :
--   reponses, repondants] [parts : reponses, repondants]
WITH reponses AS (
    SELECT year(date) AS annee, reponse,
           coalesce(antenne, 'non_renseignee') AS antenne,
           coalesce(anciennete, 'non_renseignee') AS tranche_anciennete
    FROM staging.enquete_freins_leviers
), groupes AS (
    SELECT annee, antenne, tranche_anciennete, count(DISTINCT reponse) AS repondants
    FROM reponses GROUP BY ALL
), codes AS (
    SELECT DISTINCT annee, nature, code, libelle FROM marts.freins_leviers
), citations AS (
    SELECT annee, coalesce(antenne, 'non_renseignee') AS antenne,
           coalesce(anciennete, 'non_renseignee') AS tranche_anciennete,
           nature, code, count(DISTINCT reponse) AS reponses
    FROM staging.enquete_codes GROUP BY ALL
)
SELECT
    g.annee,
    g.antenne,
    g.tranche_anciennete,
    c.nature,
    c.code,
    c.libelle,
    coalesce(t.reponses, 0) AS reponses,
    g.repondants,
    coalesce(t.reponses, 0) / g.repondants AS part_repondants
FROM groupes AS g
JOIN codes AS c USING (annee)
LEFT JOIN citations AS t USING (annee, antenne, tranche_anciennete, nature, code)
ORDER BY g.annee, g.antenne, g.tranche_anciennete, c.nature, c.code
