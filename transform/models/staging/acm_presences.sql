-- description: Les présences en accueil collectif de mineurs, chacune rattachée à la période
--   déclarée la plus précise qui couvre son jour (une période de vacances plutôt que le semestre
--   des mercredis), avec l'âge de l'enfant ce jour-là.
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
    date_diff('year', p.date_naissance, p.date) AS age
FROM raw.acm_presences AS p
LEFT JOIN raw.acm_periodes AS d
  ON d.code_structure = p.code_structure AND p.date BETWEEN d.date_debut AND d.date_fin
QUALIFY row_number() OVER (PARTITION BY p._chargement, p._ligne ORDER BY d.date_fin - d.date_debut, d.periode) = 1
