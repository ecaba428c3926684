package exports

// Headers several kinds share, as the structures' software, the CAF forms and spreadsheets
// write them (compared as [Words]: case, accents, punctuation, function words and units in
// brackets do not count).
var (
	// childNames hold a child's whole name, or its family name beside a « Prénom » column.
	childNames = []string{"nom", "nom_prenom", "prenom_nom", "nom_enfant", "id_enfant", "identifiant", "enfant_accueilli"}
	// amNames hold an AM's whole name or identifier, or the family name beside « Prénom ».
	amNames = []string{"nom", "nom_prenom", "prenom_nom", "identifiant", "am", "nom_am", "assistant_maternel",
		"assistante_maternelle", "nom_assistante_maternelle", "professionnel"}
	// givenNames hold the given name of a person split in two columns.
	givenNames     = []string{"prenom", "prenom_usuel", "prenoms"}
	birthNames     = []string{"naissance", "ne_le", "nee_le", "ddn", "date_naissance"}
	residenceNames = []string{"commune", "insee_residence", "code_insee", "insee", "ville", "ville_residence",
		"commune_domicile", "lieu_residence", "commune_habitation"}
	structureNames = []string{"structure", "code_etablissement", "etablissement", "code_equipement"}
)

// Labels of the closed lists: other ways exports write a value, as [Words] → code. A value that
// differs from a code or a label only by a final e or s (« Présente », « Désistée », « Parents »)
// is the same value; these are the rest.
var (
	careLabels = map[string]string{"accueil_regulier": "regulier", "contrat_regulier": "regulier",
		"accueil_occasionnel": "occasionnel", "contrat_occasionnel": "occasionnel",
		"accueil_urgence": "urgence", "exceptionnel": "urgence", "accueil_exceptionnel": "urgence"}
	regimeLabels = map[string]string{"regime_general": "general", "caf": "general", "cnaf": "general",
		"regime_agricole": "msa", "autres": "autre", "autre_regime": "autre", "autres_regimes": "autre"}
	plageLabels = map[string]string{"accueil_matin": "matin", "periscolaire_matin": "matin",
		"accueil_midi": "midi", "pause_meridienne": "midi", "accueil_soir": "soir", "periscolaire_soir": "soir",
		"journee_complete": "journee", "journee_entiere": "journee", "accueil_journee": "journee",
		"demi_journee": "demi_journee", "accueil_demi_journee": "demi_journee"}
	sejourLabels = map[string]string{"attente": "liste_attente", "sur_liste_attente": "liste_attente",
		"participant": "present", "desistement": "desiste"}
	amStatusLabels = map[string]string{"activite": "active", "actif": "active",
		"sans_enfant": "sans_accueil", "sans_enfant_accueilli": "sans_accueil", "aucun_enfant_accueilli": "sans_accueil",
		"agrement_suspendu": "suspendue", "suspension": "suspendue", "cessation_activite": "cessation",
		"cesse": "cessation", "radie": "cessation", "retraite": "cessation", "fin_activite": "cessation"}
	exitLabels = map[string]string{"depart_retraite": "retraite", "reconversion_professionnelle": "reconversion",
		"changement_metier": "reconversion", "demenage": "demenagement", "non_renouvellement_agrement": "non_renouvellement",
		"agrement_non_renouvele": "non_renouvellement"}
	publicLabels = map[string]string{"famille": "parent", "assistant_maternel": "am", "assistante_maternelle": "am",
		"professionnel": "am", "candidat_agrement": "candidat", "futur_assistant_maternel": "candidat",
		"garde_domicile": "garde_domicile", "salarie_domicile": "garde_domicile"}
	canalLabels = map[string]string{"telephonique": "telephone", "tel": "telephone", "courriel": "mail",
		"email": "mail", "e_mail": "mail", "physique": "accueil", "sur_place": "accueil", "permanence": "accueil",
		"rendez_vous": "rdv", "entretien": "rdv"}
	motifLabels = map[string]string{"recherche_accueil": "recherche_mode_accueil", "recherche_mode_garde": "recherche_mode_accueil",
		"recherche_assistant_maternel": "recherche_mode_accueil", "contrat": "contrat_employeur",
		"contrat_travail": "contrat_employeur", "employeur": "contrat_employeur", "demande_agrement": "agrement"}
	modaliteLabels = map[string]string{"distance": "distanciel", "visio": "distanciel", "visioconference": "distanciel",
		"ligne": "distanciel", "sur_site": "presentiel"}
	cancellationLabels = map[string]string{"effectif_insuffisant": "groupe_insuffisant", "manque_participants": "groupe_insuffisant",
		"pas_assez_inscrits": "groupe_insuffisant", "formateur_indisponible": "formateur"}
	dispositifLabels = map[string]string{"plan_developpement_competences": "plan", "plan_formation": "plan",
		"compte_personnel_formation": "cpf"}
	agentLabels = map[string]string{"cdd": "contractuel", "cdi": "contractuel", "mad": "mis_a_disposition",
		"mise_disposition": "mis_a_disposition", "fonctionnaire": "titulaire"}
	ageBandLabels = map[string]string{"0_2_ans": "0_2", "moins_3_ans": "0_2", "3_5_ans": "3_5", "6_11_ans": "6_11",
		"12_17_ans": "12_17"}
	structureTypeLabels = map[string]string{"multi_accueil": "eaje_multi_accueil", "creche_itinerante": "eaje_itinerant",
		"multi_accueil_itinerant": "eaje_itinerant", "periscolaire": "acm_periscolaire", "extrascolaire": "acm_extrascolaire",
		"relais_petite_enfance": "rpe", "ram": "rpe", "sejours": "jeunesse_sejours"}
	weekdayLabels = map[string]string{"lundi": "lun", "mardi": "mar", "mercredi": "mer", "jeudi": "jeu",
		"vendredi": "ven", "samedi": "sam"}
)
