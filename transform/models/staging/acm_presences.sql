-- description: Les présences en accueil collectif de mineurs, chacune rattachée à la période
--   déclarée la plus précise qui couvre son jour (une période de vacances plutôt que le semestre
--   des mercredis), avec l'âge de l'enfant ce jour-là en années révolues. La date de naissance est
--   gardée au mois : l'enfant a son âge dès le premier jour de son mois de naissance.
-- depends: raw.acm_presences, raw.acm_periodes
WITH jours AS ( -- each day an accueil has presences, with its most precise declared period
    SELECT j.code_structure, j.date, arg_min(d.periode, (d.date_fin - d.date_debut, d.periode)) AS periode
    FROM (SELECT DISTINCT code_structure, date FROM raw.acm_presences) AS j
    JOIN raw.acm_periodes AS d
      ON d.code_structure = j.code_structure AND j.date BETWEEN d.date_debut AND d.date_fin
    GROUP BY j.code_structure, j.date
)
SELECT
    p.code_structure,
    d.periode,
    p.date,
    p.enfant,
    p.commune_residence,
    p.plage,
    p.heures_realisees,
    p.heures_facturees,
    -- whole years lived: date_diff('year') would count calendar-year boundaries, a year too old
    -- for a child born later in the year than the day
    CAST(date_diff('month', p.date_naissance, p.date) // 12 AS INTEGER) AS age,
    p._fichier,
    p._ligne,
    p._chargement
FROM raw.acm_presences AS p
LEFT JOIN jours AS d USING (code_structure, date)
