-- description: Les freins et leviers à la formation cités par les assistants maternels dans
--   l'enquête annuelle : réponses et part des répondants par code, et la même part parmi celles
--   qui ne se sont pas formées dans l'année.
-- depends: staging.enquete_codes, staging.enquete_freins_leviers
-- key: annee, nature, code
-- column annee: Année de l'enquête.
-- column nature: « frein » ou « levier ».
-- column code: Code du frein ou du levier.
-- column libelle: Libellé en français.
-- column reponses: Réponses qui citent ce code. [personnes]
-- column repondants: Réponses à l'enquête de l'année.
-- column part_repondants: Réponses qui le citent / réponses de l'année (fraction). [révèle : reponses]
--   [parts : reponses, repondants]
-- column reponses_non_formees: Réponses qui citent ce code parmi les répondantes qui ne se sont
--   pas formées dans l'année. [personnes]
-- column repondants_non_formees: Réponses de l'année des répondantes qui ne se sont pas formées.
-- column part_chez_non_formees: La même part parmi les répondantes qui ne se sont pas formées
--   dans l'année. [révèle : reponses, reponses_non_formees] [parts : reponses_non_formees, repondants_non_formees]
WITH repondants AS (
    SELECT year(date) AS annee, count(*) AS n, count(*) FILTER (WHERE NOT coalesce(a_suivi_formation, false)) AS non_formees
    FROM staging.enquete_freins_leviers GROUP BY ALL
), libelles(code, libelle) AS (
    VALUES ('temps_personnel', 'Temps personnel'), ('groupe_insuffisant', 'Groupe insuffisant'),
           ('manque_mobilisation', 'Manque de mobilisation'), ('annulations', 'Annulations'),
           ('coordination_inter_ram', 'Coordination inter-RAM'), ('panel_diversifie', 'Panel diversifié'),
           ('interlocuteur_privilegie', 'Interlocuteur privilégié'), ('parent_facilitateur', 'Parent facilitateur'),
           ('indemnisation_directe', 'Indemnisation directe')
)
SELECT
    c.annee,
    c.nature,
    c.code,
    coalesce(l.libelle, c.code) AS libelle,
    count(DISTINCT c.reponse) AS reponses,
    r.n AS repondants,
    count(DISTINCT c.reponse) / r.n AS part_repondants,
    count(DISTINCT c.reponse) FILTER (WHERE NOT coalesce(c.a_suivi_formation, false)) AS reponses_non_formees,
    r.non_formees AS repondants_non_formees,
    count(DISTINCT c.reponse) FILTER (WHERE NOT coalesce(c.a_suivi_formation, false)) / nullif(r.non_formees, 0) AS part_chez_non_formees
FROM staging.enquete_codes AS c
JOIN repondants AS r USING (annee)
LEFT JOIN libelles AS l USING (code)
GROUP BY c.annee, c.nature, c.code, l.libelle, r.n, r.non_formees
ORDER BY c.annee, c.nature, reponses DESC, c.code
