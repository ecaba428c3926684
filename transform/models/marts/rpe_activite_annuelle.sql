-- description: L'activité du Relais Petite Enfance par antenne et par année : ateliers d'éveil,
--   assistants maternels venus, contacts, et assistants maternels par ETP d'animation.
-- depends: staging.antennes, staging.annees, staging.rpe_ateliers, staging.rpe_participations, staging.rpe_contacts, marts.am_annees
-- key: antenne, annee
-- column antenne: Code de l'antenne.
-- column annee: Année.
-- column ateliers_realises: Ateliers d'éveil tenus.
-- column ateliers_annules: Ateliers d'éveil annulés.
-- column participations_am: Venues d'assistants maternels aux ateliers (une AM venue à dix
--   ateliers compte dix fois).
-- column am_distinctes_ateliers: Assistants maternels différents venus au moins une fois. [personnes]
-- column am_actives_1er_janvier: Assistants maternels actifs au 1er janvier dont la situation de
--   l'année (marts.am_annees) est dans l'antenne. [personnes]
-- column taux_frequentation_am: Assistants maternels différents venus / actifs au 1er janvier
--   (fraction ; 43 % en moyenne nationale en 2018). [révèle : am_distinctes_ateliers, am_actives_1er_janvier]
--   [parts : am_distinctes_ateliers, am_actives_1er_janvier]
-- column enfants_accueillis_ateliers: Venues d'enfants aux ateliers (somme des enfants amenés).
-- column contacts_parents: Contacts avec des parents.
-- column contacts_professionnels: Contacts avec des assistants maternels, candidats à
--   l'agrément et gardes à domicile.
-- column etp_animation: Équivalents temps plein d'animation de l'antenne (marts.dim_antenne).
-- column am_par_etp: Assistants maternels actifs au 1er janvier par ETP d'animation (cible
--   nationale : 70). [parts : am_actives_1er_janvier, etp_animation]
WITH ateliers AS (
    SELECT antenne, year(date) AS annee,
           count(*) FILTER (WHERE statut = 'realise') AS realises,
           count(*) FILTER (WHERE statut = 'annule') AS annules
    FROM staging.rpe_ateliers GROUP BY ALL
), venues AS (
    SELECT a.antenne, year(a.date) AS annee, count(*) AS participations,
           count(DISTINCT p.identifiant_am) AS am_distinctes, sum(p.nb_enfants) AS enfants
    FROM staging.rpe_participations AS p
    JOIN staging.rpe_ateliers AS a USING (code_atelier)
    GROUP BY ALL
), contacts AS (
    SELECT antenne, year(date) AS annee,
           count(*) FILTER (WHERE public = 'parent') AS parents,
           count(*) FILTER (WHERE public IN ('am', 'candidat', 'garde_domicile')) AS professionnels
    FROM staging.rpe_contacts GROUP BY ALL
), actives AS (
    SELECT antenne, annee, count(*) FILTER (WHERE actif_1er_janvier) AS am
    FROM marts.am_annees GROUP BY ALL
)
SELECT
    n.code_antenne AS antenne,
    y.annee,
    coalesce(a.realises, 0) AS ateliers_realises,
    coalesce(a.annules, 0) AS ateliers_annules,
    coalesce(v.participations, 0) AS participations_am,
    coalesce(v.am_distinctes, 0) AS am_distinctes_ateliers,
    coalesce(m.am, 0) AS am_actives_1er_janvier,
    coalesce(v.am_distinctes, 0) / nullif(m.am, 0) AS taux_frequentation_am,
    coalesce(v.enfants, 0) AS enfants_accueillis_ateliers,
    coalesce(c.parents, 0) AS contacts_parents,
    coalesce(c.professionnels, 0) AS contacts_professionnels,
    n.etp_animation,
    m.am / nullif(n.etp_animation, 0) AS am_par_etp
FROM staging.antennes AS n
CROSS JOIN staging.annees AS y
LEFT JOIN ateliers AS a ON a.antenne = n.code_antenne AND a.annee = y.annee
LEFT JOIN venues AS v ON v.antenne = n.code_antenne AND v.annee = y.annee
LEFT JOIN contacts AS c ON c.antenne = n.code_antenne AND c.annee = y.annee
LEFT JOIN actives AS m ON m.antenne = n.code_antenne AND m.annee = y.annee
ORDER BY antenne, y.annee
