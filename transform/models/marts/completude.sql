-- description: Les exports attendus, période par période, et ce qui en a été reçu. Attendus : pour
--   chaque EAJE, ses présences de chaque mois où un créneau de capacité l'ouvre et ses fermetures de
--   chaque année ; pour chaque accueil de mineurs, ses périodes déclarées de chaque année et ses
--   présences de chaque période déclarée ; pour les séjours, les séjours et leurs inscriptions de
--   chaque année ; pour le relais, le registre des assistants maternels, les ateliers, les
--   participations, les contacts, les sessions de formation et leurs inscriptions de chaque année ;
--   chaque fois sur les années couvertes par les exports et tant que la structure est ouverte. Sans
--   fichier des structures, rien n'est attendu.
--   Statut : « complet » ; « partiel » quand plus de 1 % des lignes des fichiers de la période ont
--   été rejetées pour une autre raison qu'un doublon (une ligne déjà chargée ne manque pas), quand un fichier de la période a été refusé à côté de fichiers chargés, ou, pour
--   les présences d'un EAJE, quand plus de 2 jours d'ouverture du mois n'ont aucune présence ;
--   « refuse » quand aucune ligne n'a été chargée et qu'un fichier de la période a été refusé ;
--   « manquant » quand rien n'a été reçu. Un fichier chargé dont le nom annonce la période et qui ne
--   contient aucune ligne (une année sans fermeture) est un export complet.
--   Un mois d'un EAJE est dû une fois, comme « eaje_presences » : il est reçu par ses présences
--   journalières ou par un relevé mensuel par enfant (eaje_heures_mensuelles), dont les fichiers
--   et les lignes comptent alors pour ce mois. Le contrôle des jours sans présence ne porte que sur
--   les présences journalières (un relevé ne donne pas les jours). Un mois donné des deux façons
--   garde ses présences : le chargement rejette les lignes du relevé, avec un motif qui dit quoi
--   faire, et le mois est partiel (le fichier du relevé lui est rattaché par son nom, sinon par ses
--   lignes rejetées : à l'EAJE de son nom, ou à défaut aux EAJE qui ont des lignes ce mois-là).
-- depends: staging.annees, staging.structures, staging.eaje_jours, staging.eaje_presences, staging.acm_periodes, staging.exports_recus, staging.fichiers_exports, staging.rejets
-- key: code_structure, type_export, periode
-- column code_structure: Structure qui doit l'export (le relais pour le registre des assistants
--   maternels, les ateliers, les contacts et la formation ; la structure de séjours pour les séjours ;
--   « service » quand le fichier des structures compte plusieurs relais ou structures de séjours).
-- column type_export: Type d'export (voir docs/exports.md).
-- column periode: Période : « 2025-03 » pour un mois, « 2025 » pour une année, le code d'une
--   période déclarée pour un accueil de mineurs.
-- column annee: Année de la période.
-- column mois: Pour un export mensuel (les présences d'un EAJE), le mois de la période, par son
--   premier jour ; vide pour une période annuelle ou d'accueil de mineurs.
-- column statut: complet, partiel, manquant ou refuse.
-- column fichiers: Fichiers chargés qui apportent des lignes de la période.
-- column fichiers_refuses: Fichiers de la période (d'après leur nom) refusés en entier.
-- column lignes_chargees: Lignes chargées pour la période.
-- column lignes_rejetees: Lignes rejetées des fichiers de la période (un fichier dont le nom ne dit
--   pas la période compte pour chaque période qu'il apporte).
-- column jours_sans_presence: Pour les présences journalières d'un EAJE, jours d'ouverture du
--   mois sans aucune présence ; vide pour un mois reçu en relevé mensuel et pour les autres exports.
-- column releve_mensuel: Pour les présences d'un EAJE, vrai quand le mois a été reçu en relevé
--   mensuel par enfant (eaje_heures_mensuelles) et non en présences journalières ; vide pour les
--   autres exports.
-- column motif: Raison du refus du premier fichier refusé, quand il y en a un.
WITH proprietaires AS ( -- who owes the exports the service keeps: the relais, the séjours structure
    SELECT type, CASE WHEN count(*) = 1 THEN min(code_structure) ELSE 'service' END AS code
    FROM staging.structures WHERE type IN ('rpe', 'jeunesse_sejours') GROUP BY type
), jeunesse AS (
    SELECT code FROM proprietaires WHERE type = 'jeunesse_sejours'
), relais AS (
    SELECT code FROM proprietaires WHERE type = 'rpe'
), ouvertes AS ( -- structures and the years they are open
    SELECT s.code_structure, s.type, y.annee
    FROM staging.structures AS s, staging.annees AS y
    WHERE (s.date_ouverture IS NULL OR year(s.date_ouverture) <= y.annee)
      AND (s.date_fermeture IS NULL OR year(s.date_fermeture) >= y.annee)
), attendus(code_structure, type_export, periode, annee) AS (
    SELECT DISTINCT code_structure, 'eaje_presences', strftime(jour, '%Y-%m'), year(jour) FROM staging.eaje_jours
    UNION SELECT DISTINCT code_structure, 'eaje_fermetures', CAST(year(jour) AS VARCHAR), year(jour) FROM staging.eaje_jours
    UNION SELECT code_structure, 'acm_periodes', CAST(annee AS VARCHAR), annee FROM ouvertes WHERE type LIKE 'acm%'
    UNION SELECT p.code_structure, 'acm_presences', p.periode, year(p.date_debut)
        FROM staging.acm_periodes AS p JOIN staging.annees AS y ON y.annee = year(p.date_debut)
    UNION SELECT DISTINCT p.code, k.type_export, CAST(o.annee AS VARCHAR), o.annee
        FROM ouvertes AS o JOIN proprietaires AS p USING (type), (VALUES ('sejours'), ('sejours_inscriptions')) AS k(type_export)
        WHERE o.type = 'jeunesse_sejours'
    UNION SELECT DISTINCT p.code, k.type_export, CAST(o.annee AS VARCHAR), o.annee
        FROM ouvertes AS o JOIN proprietaires AS p USING (type), (VALUES ('am_registre'), ('rpe_ateliers'), ('rpe_participations'), ('rpe_contacts'),
                                          ('formation_sessions'), ('formation_inscriptions')) AS k(type_export)
        WHERE o.type = 'rpe'
), recus AS ( -- what arrived, a monthly statement counting for the month's presences it replaces
    SELECT code_structure, du AS type_export, periode, sum(lignes_chargees) AS lignes_chargees,
           flatten(list(fichiers)) AS fichiers, bool_or(type_export = 'eaje_heures_mensuelles') AS releve
    FROM (SELECT *, replace(type_export, 'eaje_heures_mensuelles', 'eaje_presences') AS du FROM staging.exports_recus)
    GROUP BY code_structure, du, periode
), exports_lus AS ( -- files read, with the export they are owed as
    SELECT *, replace(type_export, 'eaje_heures_mensuelles', 'eaje_presences') AS du FROM staging.fichiers_exports
), fichiers AS ( -- every file attributed to the periods it brings rows for, or that its name announces
    SELECT r.code_structure, r.type_export, r.periode, unnest(r.fichiers) AS fichier FROM recus AS r
    UNION
    SELECT a.code_structure, a.type_export, a.periode, f.fichier
    FROM attendus AS a
    JOIN exports_lus AS f
      ON f.du = a.type_export
     AND (f.code_structure = a.code_structure OR f.code_structure IS NULL OR a.code_structure IN ((SELECT code FROM jeunesse), (SELECT code FROM relais)))
     AND f.periode IS NOT NULL AND starts_with(CASE WHEN length(f.periode) <= length(a.periode) THEN a.periode ELSE f.periode END,
                                                CASE WHEN length(f.periode) <= length(a.periode) THEN f.periode ELSE a.periode END)
    WHERE f.statut = 'refuse' OR f.statut = 'charge'
    UNION -- a statement whose month daily presences also give: the month its rejected rows name
    SELECT a.code_structure, a.type_export, a.periode, f.fichier
    FROM staging.rejets AS x
    JOIN exports_lus AS f USING (chargement)
    JOIN attendus AS a ON a.type_export = 'eaje_presences' AND a.periode = x.valeur AND coalesce(f.code_structure, a.code_structure) = a.code_structure
    WHERE x.code_motif = 'mois_deux_sources'
      AND EXISTS (SELECT 1 FROM recus AS r WHERE r.code_structure = a.code_structure AND r.type_export = a.type_export AND r.periode = a.periode)
), rejets AS ( -- rejected lines of each file, and those rejected for another reason than a duplicate
    SELECT fichier, count(DISTINCT ligne) AS lignes, count(DISTINCT ligne) FILTER (WHERE code_motif <> 'doublon') AS perdues
    FROM staging.rejets GROUP BY fichier
), par_periode AS (
    SELECT p.code_structure, p.type_export, p.periode,
           count(*) FILTER (WHERE f.statut = 'charge') AS fichiers,
           count(*) FILTER (WHERE f.statut = 'refuse') AS fichiers_refuses,
           sum(r.lignes) FILTER (WHERE f.statut = 'charge') AS lignes_rejetees,
           sum(r.perdues) FILTER (WHERE f.statut = 'charge') AS lignes_perdues,
           min(f.detail ORDER BY f.fichier) FILTER (WHERE f.statut = 'refuse') AS motif
    FROM fichiers AS p
    JOIN staging.fichiers_exports AS f USING (fichier)
    LEFT JOIN rejets AS r USING (fichier)
    GROUP BY ALL
), sans_presence AS (
    SELECT j.code_structure, strftime(j.jour, '%Y-%m') AS periode, count(*) AS jours
    FROM staging.eaje_jours AS j
    WHERE NOT EXISTS (SELECT 1 FROM staging.eaje_presences AS p WHERE p.code_structure = j.code_structure AND p.date = j.jour)
    GROUP BY ALL
), etat AS (
    SELECT a.*,
           coalesce(f.fichiers, 0) AS fichiers,
           coalesce(f.fichiers_refuses, 0) AS fichiers_refuses,
           coalesce(r.lignes_chargees, 0) AS lignes_chargees,
           coalesce(f.lignes_rejetees, 0) AS lignes_rejetees,
           coalesce(f.lignes_perdues, 0) AS lignes_perdues,
           CASE WHEN a.type_export = 'eaje_presences' AND NOT coalesce(r.releve, false) THEN coalesce(s.jours, 0) END AS jours_sans_presence,
           CASE WHEN a.type_export = 'eaje_presences' THEN coalesce(r.releve, false) END AS releve_mensuel,
           f.motif
    FROM attendus AS a
    LEFT JOIN recus AS r USING (code_structure, type_export, periode)
    LEFT JOIN par_periode AS f USING (code_structure, type_export, periode)
    LEFT JOIN sans_presence AS s ON a.type_export = 'eaje_presences' AND s.code_structure = a.code_structure AND s.periode = a.periode
)
SELECT
    code_structure,
    type_export,
    periode,
    CAST(annee AS INTEGER) AS annee,
    CASE WHEN type_export = 'eaje_presences' THEN CAST(periode || '-01' AS DATE) END AS mois,
    CASE
        WHEN lignes_chargees = 0 AND fichiers = 0 AND fichiers_refuses > 0 THEN 'refuse'
        WHEN lignes_chargees = 0 AND fichiers = 0 THEN 'manquant'
        WHEN fichiers_refuses > 0 OR lignes_perdues > 0.01 * (lignes_chargees + lignes_rejetees)
             OR jours_sans_presence > 2 THEN 'partiel'
        ELSE 'complet'
    END AS statut,
    CAST(fichiers AS INTEGER) AS fichiers,
    CAST(fichiers_refuses AS INTEGER) AS fichiers_refuses,
    CAST(lignes_chargees AS BIGINT) AS lignes_chargees,
    CAST(lignes_rejetees AS BIGINT) AS lignes_rejetees,
    CAST(jours_sans_presence AS INTEGER) AS jours_sans_presence,
    releve_mensuel,
    motif
FROM etat
ORDER BY code_structure, type_export, annee, periode
