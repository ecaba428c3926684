-- description: Les présences en accueil collectif de mineurs, chacune rattachée à la période
--   déclarée la plus précise qui couvre son jour (une période de vacances plutôt que le semestre
--   des mercredis), avec l'âge de l'enfant ce jour-là en années révolues. La date de naissance est
--   gardée au mois : l'enfant a son âge dès le premier jour de son mois de naissance.
-- depends: raw.acm_presences, raw.acm_periodes
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
LEFT JOIN raw.acm_periodes AS d
  ON d.code_structure = p.code_structure AND p.date BETWEEN d.date_debut AND d.date_fin
QUALIFY row_number() OVER (PARTITION BY p._chargement, p._ligne ORDER BY d.date_fin - d.date_debut, d.periode) = 1
