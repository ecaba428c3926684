SELECT antenne, annee, public, motif, canal, contacts
FROM marts.rpe_contacts_motifs
ORDER BY annee, antenne, public, motif, canal
