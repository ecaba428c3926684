-- description: Les contacts du Relais Petite Enfance par antenne et par année, selon le public, le
--   motif principal et le canal : chaque ligne de l'export des contacts compte une fois (un parent
--   qui appelle deux fois fait deux contacts ; ce sont des contacts, pas des personnes).
-- depends: staging.rpe_contacts
-- key: antenne, annee, public, motif, canal
-- column antenne: Code de l'antenne.
-- column annee: Année du contact.
-- column public: Public du contact : parent, am (assistant maternel), candidat (à l'agrément),
--   garde_domicile ou partenaire.
-- column motif: Motif principal : recherche_mode_accueil, contrat_employeur, agrement, formation,
--   autre, ou non_renseigne quand l'export ne le dit pas.
-- column canal: Canal : accueil (physique), telephone, mail, rdv (rendez-vous), ou non_renseigne.
-- column contacts: Contacts de ce public, motif et canal dans l'année.
SELECT
    antenne,
    CAST(year(date) AS INTEGER) AS annee,
    public,
    coalesce(motif, 'non_renseigne') AS motif,
    coalesce(canal, 'non_renseigne') AS canal,
    count(*) AS contacts
FROM staging.rpe_contacts
GROUP BY ALL
ORDER BY antenne, annee, public, motif, canal
