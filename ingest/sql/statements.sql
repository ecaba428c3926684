-- Monthly statements (raw.eaje_heures_mensuelles) to move to the rejects once every file is
-- loaded: a statement row of an EAJE and month that daily presences also give (both together
-- would count the month twice: the presences, finer, stay), and a statement row repeating a
-- child's month that an earlier row gives on another day (the month alone counts). One row per
-- statement row to reject: its load and line, its month, its structure, the first presences file
-- of the month, or the file and line that keep the child's month.
WITH releves AS (
    SELECT _chargement, _ligne, _fichier, code_structure, enfant, date_naissance,
           CAST(date_trunc('month', mois) AS DATE) AS mois
    FROM raw.eaje_heures_mensuelles
), mois_releves AS (
    SELECT DISTINCT code_structure, mois FROM releves
), presences AS (
    SELECT p.code_structure, CAST(date_trunc('month', p.date) AS DATE) AS mois, min(p._fichier) AS fichier
    FROM raw.eaje_presences AS p
    SEMI JOIN mois_releves AS m ON m.code_structure = p.code_structure AND m.mois = CAST(date_trunc('month', p.date) AS DATE)
    GROUP BY ALL
), rangs AS (
    SELECT r.*, row_number() OVER w AS rang, first_value(r._fichier) OVER w AS fichier_1, first_value(r._ligne) OVER w AS ligne_1
    FROM releves AS r
    WINDOW w AS (PARTITION BY r.code_structure, r.mois, r.enfant, r.date_naissance ORDER BY r._chargement, r._ligne)
)
SELECT r._chargement, r._ligne, strftime(r.mois, '%Y-%m') AS mois, r.code_structure,
       p.fichier AS fichier_presences, r.fichier_1, r.ligne_1
FROM rangs AS r
LEFT JOIN presences AS p USING (code_structure, mois)
WHERE p.fichier IS NOT NULL OR r.rang > 1
ORDER BY r._chargement, r._ligne
