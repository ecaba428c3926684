-- What the raw layer's own tables hold, for analysts who open the warehouse (COMMENT ON).
COMMENT ON TABLE raw.chargements IS 'Un fichier lu : exports et données de référence, avec son empreinte, ses lignes lues, chargées et rejetées, et son statut (charge, doublon, remplace, refuse) et sa raison.';
COMMENT ON COLUMN raw.chargements.chargement IS 'Numéro du chargement, que les lignes chargées portent dans _chargement.';
COMMENT ON COLUMN raw.chargements.statut IS 'charge, doublon (même contenu qu''un autre fichier), remplace (par un export plus récent) ou refuse.';
COMMENT ON COLUMN raw.chargements.detail IS 'Pourquoi le fichier n''a pas été chargé, ou son encodage.';
COMMENT ON COLUMN raw.chargements.demonstration IS 'Fichier des données de démonstration (manifeste de la démo).';
COMMENT ON TABLE raw.rejets IS 'Une raison de rejet d''une ligne d''export : une ligne par colonne fautive, avec le fichier, la ligne, la colonne, la valeur (masquée quand elle peut désigner une personne) et la raison en français.';
COMMENT ON COLUMN raw.rejets.code_motif IS 'Code de la raison : valeur_manquante, date_invalide, commune_inconnue, doublon…';
COMMENT ON TABLE raw.reference_communes IS 'Les communes du territoire et leur population légale, d''après le fichier de référence (INSEE, code officiel géographique).';
COMMENT ON TABLE raw.reference_populations IS 'Les populations municipales légales de chaque commune par millésime, d''après le fichier de référence.';
COMMENT ON TABLE raw.reference_contours IS 'Le contour de chaque commune (GeoJSON), d''après le fichier de référence (IGN).';
COMMENT ON TABLE raw.reference_cnaf_couverture IS 'Le taux de couverture global publié par la CNAF pour l''EPCI et ses voisins (places pour 100 enfants de moins de 3 ans), d''après le fichier de référence facultatif cnaf_couverture_epci_2023.csv : source secondaire, à vérifier sur data.caf.fr.';
