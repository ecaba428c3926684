-- description: le détail du relais retombe sur ses totaux : les contacts par motif et canal
--   (partenaires mis à part) font les contacts parents et professionnels de l'antenne, les AM à
--   jour sur monenfant.fr sont parmi les AM en activité, et les temps forts du territoire font
--   la somme de ceux des antennes et des intercommunaux
-- depends: marts.rpe_contacts_motifs, marts.rpe_activite_annuelle, marts.am_disponibilites_annuelles, marts.rpe_temps_forts_annuels
WITH detail AS (
    SELECT antenne, annee, sum(contacts) FILTER (WHERE public <> 'partenaire') AS contacts
    FROM marts.rpe_contacts_motifs GROUP BY ALL
)
SELECT 'rpe_contacts_motifs' AS mart, d.antenne || ' ' || d.annee AS ligne
FROM detail AS d
LEFT JOIN marts.rpe_activite_annuelle AS a USING (antenne, annee)
WHERE d.contacts IS DISTINCT FROM coalesce(a.contacts_parents + a.contacts_professionnels, 0) AND d.contacts > 0
UNION ALL
SELECT 'am_disponibilites_annuelles', antenne || ' ' || annee
FROM marts.am_disponibilites_annuelles
WHERE am_a_jour > am_en_activite OR NOT part_a_jour BETWEEN 0 AND 1
UNION ALL
SELECT 'rpe_temps_forts_annuels', CAST(annee AS VARCHAR)
FROM marts.rpe_temps_forts_annuels
GROUP BY annee
HAVING sum(temps_forts) FILTER (WHERE antenne <> 'territoire') <> sum(temps_forts) FILTER (WHERE antenne = 'territoire')
    OR sum(parents) FILTER (WHERE antenne <> 'territoire') <> sum(parents) FILTER (WHERE antenne = 'territoire')
