-- description: Le suivi de la Convention Territoriale Globale (CTG) : pour chaque indicateur clé et
--   chaque année de la convention (section [ctg] du fichier de territoire), sa base (la valeur de
--   l'année avant la première année de la CTG), sa cible pour la dernière année, sa valeur de
--   l'année et s'il est en bonne voie. Règle : la cible est « atteinte » quand la valeur l'atteint
--   ou la dépasse (dans le sens de la cible) ; l'indicateur est « en bonne voie » quand il a fait,
--   depuis la base, au moins la part du chemin vers la cible qui correspond aux années écoulées
--   (valeur au moins égale à la valeur attendue sur la droite de la base à la cible) ; « en
--   retard » sinon. Une valeur ou une base calculée sur des données incomplètes (partiel ou
--   manquant dans marts.indicateurs_cles) n'est jamais en bonne voie : « données incomplètes ».
--   Vide quand le fichier de territoire ne donne pas de CTG.
-- depends: marts.indicateurs_cles, staging.params, staging.ctg_cibles
-- key: indicateur, annee
-- column indicateur: Code de l'indicateur (marts.indicateurs_cles).
-- column libelle: Libellé de l'indicateur.
-- column unite: Unité de l'indicateur (voir marts.indicateurs_cles ; « personnes » : un nombre de
--   personnes, masqué dans les documents sous le seuil du secret statistique).
-- column annee: Année : la base, puis chaque année de la convention.
-- column premiere_annee: Première année de la CTG.
-- column derniere_annee: Dernière année de la CTG, celle de la cible.
-- column annee_base: Année de la base : l'année avant la première année de la CTG.
-- column valeur_base: Valeur de l'indicateur l'année de la base. [personnes si unite]
-- column donnees_base: État des données de la base (complet, partiel ou manquant).
-- column cible: Cible de l'indicateur pour la dernière année (fichier de territoire, [ctg.cibles]) ;
--   vide sans cible.
-- column valeur: Valeur de l'indicateur l'année (un taux est une fraction). [personnes si unite]
-- column donnees: État des données de l'année (complet, partiel ou manquant).
-- column valeur_attendue: Valeur sur la droite de la base à la cible : base + (cible − base) ×
--   (année − année de la base) / (dernière année − année de la base). [révèle : valeur_base]
-- column appreciation: base (l'année de la base), sans cible, sans base (pas de valeur de base),
--   à venir (année après les dernières données), manquant (pas de valeur), données incomplètes
--   (valeur ou base sur des données partielles), cible atteinte, en bonne voie ou en retard.
-- column en_bonne_voie: Vrai pour « cible atteinte » et « en bonne voie », faux pour « en retard »,
--   vide sinon.
WITH p AS (
    SELECT ctg_premiere_annee AS premiere, ctg_derniere_annee AS derniere, ctg_premiere_annee - 1 AS base
    FROM staging.params WHERE ctg_premiere_annee IS NOT NULL AND ctg_derniere_annee IS NOT NULL
), codes AS (
    SELECT indicateur, any_value(libelle) AS libelle, any_value(unite) AS unite, max(annee) AS derniere_donnee
    FROM marts.indicateurs_cles GROUP BY indicateur
), grille AS (
    SELECT c.indicateur, c.libelle, c.unite, c.derniere_donnee, CAST(a.annee AS INTEGER) AS annee, p.*
    FROM codes AS c, p, range(p.base, p.derniere + 1) AS a(annee)
), suivi AS (
    SELECT g.*, b.valeur AS valeur_base, coalesce(b.donnees, 'manquant') AS donnees_base, t.cible,
           v.valeur, coalesce(v.donnees, 'manquant') AS donnees,
           CASE WHEN g.annee > g.base AND t.cible IS NOT NULL AND b.valeur IS NOT NULL
                THEN b.valeur + (t.cible - b.valeur) * (g.annee - g.base) / (g.derniere - g.base) END AS valeur_attendue
    FROM grille AS g
    LEFT JOIN marts.indicateurs_cles AS b ON b.indicateur = g.indicateur AND b.annee = g.base
    LEFT JOIN marts.indicateurs_cles AS v ON v.indicateur = g.indicateur AND v.annee = g.annee
    LEFT JOIN staging.ctg_cibles AS t ON t.indicateur = g.indicateur
), juge AS (
    SELECT *,
        CASE
            WHEN annee = base THEN 'base'
            WHEN cible IS NULL THEN 'sans cible'
            WHEN valeur IS NULL AND annee > derniere_donnee THEN 'à venir'
            WHEN valeur_base IS NULL THEN 'sans base'
            WHEN valeur IS NULL THEN 'manquant'
            WHEN donnees <> 'complet' OR donnees_base <> 'complet' THEN 'données incomplètes'
            WHEN cible >= valeur_base AND valeur >= cible - 1e-9 THEN 'cible atteinte'
            WHEN cible < valeur_base AND valeur <= cible + 1e-9 THEN 'cible atteinte'
            WHEN cible >= valeur_base AND valeur >= valeur_attendue - 1e-9 THEN 'en bonne voie'
            WHEN cible < valeur_base AND valeur <= valeur_attendue + 1e-9 THEN 'en bonne voie'
            ELSE 'en retard'
        END AS appreciation
    FROM suivi
)
SELECT
    indicateur,
    libelle,
    unite,
    annee,
    CAST(premiere AS INTEGER) AS premiere_annee,
    CAST(derniere AS INTEGER) AS derniere_annee,
    CAST(base AS INTEGER) AS annee_base,
    valeur_base,
    donnees_base,
    cible,
    valeur,
    donnees,
    valeur_attendue,
    appreciation,
    CASE appreciation WHEN 'cible atteinte' THEN true WHEN 'en bonne voie' THEN true WHEN 'en retard' THEN false END AS en_bonne_voie
FROM juge
ORDER BY indicateur, annee
