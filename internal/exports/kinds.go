package exports

// Allowed values shared by several kinds.
var (
	structureTypes = []string{"eaje_multi_accueil", "eaje_itinerant", "acm_extrascolaire", "acm_periscolaire", "jeunesse_sejours", "rpe"}
	weekdays       = []string{"lun", "mar", "mer", "jeu", "ven", "sam"}
	regimes        = []string{"general", "msa", "autre"}
	careTypes      = []string{"regulier", "occasionnel", "urgence"}
	plages         = []string{"matin", "midi", "soir", "journee", "demi_journee"}
	amStatuses     = []string{"active", "sans_accueil", "suspendue", "cessation"}
	exitReasons    = []string{"retraite", "reconversion", "demenagement", "non_renouvellement", "autre"}
	ateliers       = []string{"realise", "annule"}
	publics        = []string{"parent", "am", "candidat", "garde_domicile", "partenaire"}
	canaux         = []string{"accueil", "telephone", "mail", "rdv"}
	motifsContact  = []string{"recherche_mode_accueil", "contrat_employeur", "agrement", "formation", "autre"}
	modalites      = []string{"presentiel", "distanciel"}
	sessions       = []string{"realisee", "annulee", "reportee"}
	cancellations  = []string{"groupe_insuffisant", "formateur", "autre"}
	registrations  = []string{"inscrite", "presente", "absente", "desistee"}
	dispositifs    = []string{"plan", "cpf"}
	anciennetes    = []string{"moins_5_ans", "5_14_ans", "15_ans_plus"}
	agentStatuses  = []string{"titulaire", "contractuel", "saisonnier", "mis_a_disposition"}
	ageBands       = []string{"0_2", "3_5", "6_11", "12_17"}
	sejourStatuses = []string{"inscrit", "present", "desiste", "liste_attente"}
	// Freins and Leviers are the codes of the brakes and levers to training; exports may also
	// write their labels, which the ingest maps to these codes.
	Freins  = []string{"temps_personnel", "groupe_insuffisant", "manque_mobilisation", "annulations"}
	Leviers = []string{"coordination_inter_ram", "panel_diversifie", "interlocuteur_privilegie", "parent_facilitateur", "indemnisation_directe"}
)

func col(name string, t Type, required bool, doc string, aliases ...string) Column {
	return Column{Name: name, Type: t, Required: required, Doc: doc, Aliases: aliases}
}

func enum(name string, required bool, values []string, doc string, aliases ...string) Column {
	return Column{Name: name, Type: Enum, Required: required, Values: values, Doc: doc, Aliases: aliases}
}

func list(name string, required bool, values []string, doc string, aliases ...string) Column {
	return Column{Name: name, Type: List, Required: required, Values: values, Doc: doc, Aliases: aliases}
}

// within bounds a number, both ends included.
func (c Column) within(lo, hi float64) Column {
	c.Min, c.Max = lo, hi
	return c
}

// since bounds a date or a year: its first year, and how late it may be.
func (c Column) since(from int, until Until) Column {
	c.From, c.Until = from, until
	return c
}

// ref makes a column a reference to the codes of another kind.
func (c Column) ref(kind string) Column {
	c.Ref = kind
	return c
}

// dayOf bounds hours of a day by the rows of another kind (see [Column.DayOf]).
func (c Column) dayOf(kind string) Column {
	c.DayOf = kind
	return c
}

// given names the headers of the given-name part of a person column.
func (c Column) given(headers ...string) Column {
	c.Given = headers
	return c
}

// labels adds other writings of a closed list's values (see [Column.Labels]).
func (c Column) labels(l map[string]string) Column {
	c.Labels = l
	return c
}

// Kinds are every export kind of design §3, in the order docs/exports.md lists them.
var Kinds = []Kind{
	{Name: "structures", Key: []string{"code_structure"}, Snapshot: true, Grain: "une structure", Doc: "Liste des structures du service, tenue par le service.", Columns: []Column{
		col("code_structure", Code, true, "Code de la structure, unique sur le territoire.", "code", "structure"),
		col("nom", Text, true, "Nom de la structure.", "nom_structure", "libelle"),
		enum("type", true, structureTypes, "Type de structure.", "type_structure").labels(structureTypeLabels),
		col("commune_insee", Insee, true, "Commune d'implantation (code INSEE).", "insee", "code_insee", "commune"),
		col("antenne", Code, false, "Antenne du RPE dont relève la structure.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		col("date_ouverture", Date, false, "Date d'ouverture.", "ouverture").since(FirstServiceYear, YearsAhead(3)),
		col("date_fermeture", Date, false, "Date de fermeture définitive, vide si ouverte.", "fermeture").since(FirstServiceYear, YearsAhead(3)),
	}},
	{Name: "antennes_rpe", Key: []string{"code_antenne"}, Snapshot: true, Grain: "une antenne du RPE", Doc: "Antennes du Relais Petite Enfance et communes qu'elles couvrent.", Columns: []Column{
		col("code_antenne", Code, true, "Code de l'antenne.", "antenne", "code"),
		col("nom", Text, true, "Nom de l'antenne.", "libelle"),
		col("commune_insee", Insee, true, "Commune du siège de l'antenne.", "insee", "code_insee"),
		col("communes_couvertes", Text, false, "Codes INSEE des communes couvertes, séparés par |.", "communes"),
		col("etp_animation", Decimal, false, "Équivalents temps plein d'animation de l'antenne.", "etp").within(0, 10),
	}},
	{Name: "eaje_capacites", Grain: "un créneau de capacité (agrément modulé)", Doc: "Capacité d'accueil autorisée par créneau horaire ; pour un bus itinérant, la commune de chaque jour.",
		Columns: []Column{
			col("code_structure", Code, true, "Code de l'EAJE.", structureNames...).ref("structures"),
			col("date_debut", Date, true, "Premier jour de validité du créneau.", "debut", "du").since(FirstServiceYear, YearsAhead(2)),
			col("date_fin", Date, false, "Dernier jour de validité, vide si toujours valide.", "fin", "au").since(FirstServiceYear, Open),
			list("jours", true, weekdays, "Jours de la semaine du créneau (lun|mar|…).", "jours_semaine").labels(weekdayLabels),
			col("heure_debut", Time, true, "Heure d'ouverture du créneau.", "debut_creneau", "de"),
			col("heure_fin", Time, true, "Heure de fin du créneau.", "fin_creneau", "a"),
			col("places", Int, true, "Places autorisées sur le créneau.", "capacite", "nb_places").within(1, 200),
			col("commune_insee", Insee, false, "Commune où stationne le bus ce jour-là (EAJE itinérant).", "commune", "lieu"),
		}},
	{Name: "eaje_fermetures", Key: []string{"code_structure", "date"}, Grain: "un jour de fermeture", Doc: "Jours de fermeture de l'EAJE (congés, jours fériés, formation).",
		Period: "date", Columns: []Column{
			col("code_structure", Code, true, "Code de l'EAJE.", structureNames...).ref("structures"),
			col("date", Date, true, "Jour fermé.", "jour").since(FirstActivityYear, YearsAhead(1)),
			col("motif", Text, false, "Motif de la fermeture.", "raison"),
		}},
	{Name: "eaje_presences", Identity: []string{"enfant", "date_naissance"}, Key: []string{"code_structure", "date", "enfant", "date_naissance"}, Grain: "un enfant et un jour", Doc: "Présences journalières des enfants, exportées par le logiciel de l'EAJE, un fichier par mois.",
		Period: "date", Columns: []Column{
			col("code_structure", Code, true, "Code de l'EAJE.", structureNames...).ref("structures"),
			col("date", Date, true, "Jour d'accueil.", "jour", "date_presence", "date_accueil", "jour_presence").since(FirstActivityYear, Today),
			col("enfant", Person, true, "Nom ou identifiant de l'enfant dans le logiciel (remplacé par un pseudonyme).", childNames...).given(givenNames...),
			col("date_naissance", Month, true, "Date de naissance de l'enfant (gardée au mois).", birthNames...).since(FirstBirthYear, Today),
			col("commune_residence", Insee, true, "Commune de résidence de la famille (code INSEE ou nom).", residenceNames...),
			enum("regime", false, regimes, "Régime de la famille.", "regime_allocataire", "caisse").labels(regimeLabels),
			enum("type_accueil", false, careTypes, "Type d'accueil.", "accueil", "type_contrat", "contrat").labels(careLabels),
			col("heures_contractualisees", Duration, false, "Heures réservées au contrat pour ce jour.", "heures_reservees", "heures_contrat", "heures_contractuelles", "heures_prevues").within(0, 24),
			col("heures_realisees", Duration, true, "Heures de présence réelle.", "heures_presence", "presence", "temps_presence", "duree_presence").within(0, 24).dayOf("eaje_capacites"),
			col("heures_facturees", Duration, true, "Heures facturées à la famille.", "facture", "heures_facturation", "heures_facturer").within(0, 24),
			col("absence_deductible", Text, false, "Motif d'une absence déduite de la facture (maladie, éviction…).", "deduction", "motif_absence"),
		}},
	{Name: "eaje_heures_mensuelles", Identity: []string{"enfant", "date_naissance"}, Key: []string{"code_structure", "mois", "enfant", "date_naissance"}, Grain: "un enfant et un mois", Doc: "Relevé mensuel par enfant (heures réalisées et facturées du mois), tel que l'imprime le logiciel de l'EAJE, à la place des présences journalières de ce mois.",
		Period: "mois", Columns: []Column{
			col("code_structure", Code, true, "Code de l'EAJE.", structureNames...).ref("structures"),
			col("mois", Month, true, "Mois du relevé (« 03/2025 », « mars 2025 » ou un jour du mois).", "periode", "mois_facture", "mois_facturation", "mois_releve").since(FirstActivityYear, Today),
			col("enfant", Person, true, "Nom ou identifiant de l'enfant dans le logiciel (remplacé par un pseudonyme).", childNames...).given(givenNames...),
			col("date_naissance", Month, true, "Date de naissance de l'enfant (gardée au mois).", birthNames...).since(FirstBirthYear, Today),
			col("commune_residence", Insee, true, "Commune de résidence de la famille (code INSEE ou nom).", residenceNames...),
			enum("regime", false, regimes, "Régime de la famille.", "regime_allocataire", "caisse").labels(regimeLabels),
			col("heures_contractualisees", Duration, false, "Heures réservées au contrat pour le mois.", "heures_contrat", "heures_reservees", "heures_contrat_du_mois", "heures_contrat_mois").within(0, 744),
			col("heures_realisees", Duration, true, "Heures de présence réelle du mois.", "heures_realisees_du_mois", "heures_realisees_mois", "heures_presence").within(0, 744),
			col("heures_facturees", Duration, true, "Heures facturées à la famille pour le mois.", "heures_facturees_du_mois", "heures_facturees_mois", "facture").within(0, 744),
		}},
	{Name: "acm_periodes", Key: []string{"code_structure", "periode"}, Grain: "une période déclarée (TAM)", Doc: "Périodes d'accueil déclarées à la SDJES (téléprocédure TAM) avec leur capacité.",
		Period: "date_debut", Columns: []Column{
			col("code_structure", Code, true, "Code de l'accueil collectif de mineurs.", structureNames...).ref("structures"),
			col("periode", Code, true, "Code de la période (vacances, mercredis, périscolaire).", "code_periode"),
			col("date_debut", Date, true, "Premier jour de la période.", "debut", "du").since(FirstActivityYear, YearsAhead(1)),
			col("date_fin", Date, true, "Dernier jour de la période.", "fin", "au").since(FirstActivityYear, YearsAhead(1)),
			col("capacite_moins_6", Int, true, "Places déclarées pour les moins de 6 ans.", "places_moins_6").within(0, 300),
			col("capacite_6_plus", Int, true, "Places déclarées pour les 6 ans et plus.", "places_6_plus").within(0, 300),
			col("amplitude_heures", Duration, false, "Amplitude d'ouverture d'une journée, en heures.", "amplitude").within(0, 24),
		}},
	{Name: "acm_presences", Identity: []string{"enfant", "date_naissance"}, Key: []string{"code_structure", "date", "enfant", "date_naissance", "plage"}, Grain: "un enfant, un jour et une plage", Doc: "Présences des enfants en accueil collectif de mineurs, par plage (matin, midi, soir, journée).",
		Period: "date", Columns: []Column{
			col("code_structure", Code, true, "Code de l'accueil collectif de mineurs.", structureNames...).ref("structures"),
			col("date", Date, true, "Jour d'accueil.", "jour").since(FirstActivityYear, Today),
			col("enfant", Person, true, "Nom ou identifiant de l'enfant (remplacé par un pseudonyme).", childNames...).given(givenNames...),
			col("date_naissance", Month, true, "Date de naissance de l'enfant (gardée au mois).", birthNames...).since(FirstBirthYear, Today),
			col("commune_residence", Insee, true, "Commune de résidence de la famille (code INSEE ou nom).", residenceNames...),
			enum("plage", true, plages, "Plage d'accueil.", "creneau", "temps_accueil", "type_plage").labels(plageLabels),
			col("heures_realisees", Duration, true, "Heures de présence.", "heures", "presence").within(0, 24).dayOf("acm_periodes"),
			col("heures_facturees", Duration, false, "Heures facturées.", "facture").within(0, 24),
		}},
	{Name: "sejours", Key: []string{"code_sejour"}, Grain: "un séjour", Doc: "Séjours organisés par le service jeunesse.", Period: "date_debut", Columns: []Column{
		col("code_sejour", Code, true, "Code du séjour.", "sejour", "code"),
		col("intitule", Text, true, "Intitulé du séjour.", "nom", "libelle"),
		col("date_debut", Date, true, "Premier jour.", "debut", "du").since(FirstActivityYear, YearsAhead(1)),
		col("date_fin", Date, true, "Dernier jour.", "fin", "au").since(FirstActivityYear, YearsAhead(1)),
		col("lieu", Text, false, "Lieu du séjour.", "destination"),
		col("places", Int, true, "Places ouvertes.", "capacite").within(1, 100),
		col("age_min", Int, false, "Âge minimal.", "age_minimum").within(3, 25),
		col("age_max", Int, false, "Âge maximal.", "age_maximum").within(3, 25),
	}},
	{Name: "sejours_inscriptions", Identity: []string{"jeune", "date_naissance"}, Key: []string{"code_sejour", "jeune", "date_naissance"}, Grain: "un jeune et un séjour", Doc: "Inscriptions aux séjours.", Period: "code_sejour", Columns: []Column{
		col("code_sejour", Code, true, "Code du séjour.", "sejour"),
		col("jeune", Person, true, "Nom ou identifiant du jeune (remplacé par un pseudonyme).", "nom", "nom_prenom", "prenom_nom", "identifiant", "nom_jeune", "participant").given(givenNames...),
		col("date_naissance", Month, true, "Date de naissance (gardée au mois).", birthNames...).since(FirstBirthYear, Today),
		col("commune_residence", Insee, true, "Commune de résidence (code INSEE ou nom).", residenceNames...),
		enum("statut", true, sejourStatuses, "Statut de l'inscription.", "etat").labels(sejourLabels),
	}},
	{Name: "am_registre", Identity: []string{"identifiant_am"}, Key: []string{"identifiant_am"}, Snapshot: true, Grain: "un assistant maternel", Doc: "Registre des assistants maternels du territoire tenu par le RPE (souvent un classeur Excel), arrêté au 31 décembre.",
		Columns: []Column{
			col("identifiant_am", Person, true, "Nom ou identifiant de l'assistant maternel (remplacé par un pseudonyme).", amNames...).given(givenNames...),
			col("antenne", Code, true, "Antenne du RPE.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
			col("commune_insee", Insee, true, "Commune d'exercice (code INSEE ou nom).", "commune", "insee", "code_insee", "ville", "commune_exercice", "commune_residence", "lieu_exercice"),
			col("annee_naissance", Year, true, "Année de naissance (ou la date : son année est gardée).", "naissance", "date_naissance", "ne_le", "ddn").since(FirstAMBirthYear, Adult),
			col("date_premier_agrement", Date, true, "Date du premier agrément.", "premier_agrement", "date_agrement").since(FirstAgreementYear, Today),
			col("places_agreees", Int, true, "Places agréées (au plus 6 enfants, 4 simultanément sauf dérogation : article L421-4 du CASF).", "places", "nb_places", "agrement").within(1, 6),
			col("mam", Text, false, "Nom de la maison d'assistants maternels, vide si l'accueil est à domicile.", "maison_assistants_maternels"),
			enum("statut", false, amStatuses, "Situation au jour de l'export.", "situation", "etat", "statut_agrement").labels(amStatusLabels),
			col("date_cessation", Date, false, "Date de cessation d'activité.", "cessation").since(FirstAgreementYear, YearsAhead(1)),
			enum("motif_cessation", false, exitReasons, "Motif de la cessation.", "motif").labels(exitLabels),
		}},
	{Name: "am_disponibilites", Identity: []string{"identifiant_am"}, Key: []string{"identifiant_am", "date_declaration", "date_debut"}, Grain: "une déclaration monenfant.fr", Doc: "Disponibilités déclarées par les assistants maternels sur monenfant.fr.", Period: "date_declaration", Columns: []Column{
		col("identifiant_am", Person, true, "Assistant maternel (remplacé par un pseudonyme).", amNames...).given(givenNames...),
		col("date_declaration", Date, true, "Date de la déclaration.", "declaration", "date").since(FirstActivityYear, Today),
		col("date_debut", Date, true, "Début de la disponibilité.", "debut", "du").since(FirstActivityYear, YearsAhead(1)),
		col("date_fin", Date, true, "Fin de la disponibilité.", "fin", "au").since(FirstActivityYear, YearsAhead(3)),
		col("places_disponibles", Int, true, "Places déclarées disponibles.", "places", "disponibilites").within(0, 6),
	}},
	{Name: "rpe_ateliers", Key: []string{"code_atelier"}, Grain: "un atelier d'éveil", Doc: "Ateliers d'éveil du RPE, réalisés ou annulés.", Period: "date", Columns: []Column{
		col("code_atelier", Code, true, "Code de l'atelier.", "atelier", "code"),
		col("antenne", Code, true, "Antenne organisatrice.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		col("date", Date, true, "Jour de l'atelier.", "jour").since(FirstActivityYear, Today),
		col("theme", Text, true, "Thème de l'atelier.", "intitule"),
		col("commune_lieu", Insee, true, "Commune où se tient l'atelier (code INSEE).", "commune", "lieu"),
		col("places", Int, false, "Places proposées.", "capacite").within(1, 100),
		enum("statut", true, ateliers, "Réalisé ou annulé.", "etat"),
		col("motif_annulation", Text, false, "Motif d'annulation.", "motif"),
	}},
	{Name: "rpe_participations", Identity: []string{"identifiant_am"}, Key: []string{"code_atelier", "identifiant_am"}, Grain: "un assistant maternel et un atelier", Doc: "Participations des assistants maternels aux ateliers d'éveil.", Period: "code_atelier", Columns: []Column{
		col("code_atelier", Code, true, "Code de l'atelier.", "atelier"),
		col("identifiant_am", Person, true, "Assistant maternel (remplacé par un pseudonyme).", amNames...).given(givenNames...),
		col("nb_enfants", Int, true, "Enfants venus avec l'assistant maternel.", "enfants").within(0, 6),
		col("parent_present", Bool, false, "Un parent accompagnait-il ?", "parent"),
	}},
	{Name: "rpe_temps_forts", Grain: "un temps fort", Doc: "Temps forts du RPE (spectacles, fêtes, conférences) avec les familles.", Period: "date", Columns: []Column{
		col("date", Date, true, "Jour de l'événement.", "jour").since(FirstActivityYear, Today),
		col("intitule", Text, true, "Intitulé.", "evenement", "libelle"),
		col("antenne", Code, false, "Antenne organisatrice.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		col("nb_parents", Int, false, "Parents présents.", "parents").within(0, 2000),
		col("nb_am", Int, false, "Assistants maternels présents.", "am").within(0, 1000),
		col("nb_enfants", Int, false, "Enfants présents.", "enfants").within(0, 2000),
	}},
	{Name: "rpe_contacts", Grain: "un contact", Doc: "Contacts du RPE avec les familles, les professionnels et les partenaires.", Period: "date", Columns: []Column{
		col("date", Date, true, "Jour du contact.", "jour", "date_contact", "date_appel", "date_demande").since(FirstActivityYear, Today),
		col("antenne", Code, true, "Antenne.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		enum("public", true, publics, "Public du contact.", "type_public", "type_contact").labels(publicLabels),
		enum("canal", false, canaux, "Canal du contact.", "mode", "mode_contact", "moyen", "moyen_contact", "canal_contact").labels(canalLabels),
		enum("motif", false, motifsContact, "Motif principal.", "objet", "objet_demande").labels(motifLabels),
	}},
	{Name: "formation_sessions", Key: []string{"code_session"}, Grain: "une session de formation", Doc: "Sessions de formation continue proposées aux assistants maternels.", Period: "date_debut", Columns: []Column{
		col("code_session", Code, true, "Code de la session.", "session", "code"),
		col("intitule", Text, true, "Intitulé de la formation.", "formation", "libelle"),
		col("organisme", Text, false, "Organisme de formation.", "prestataire"),
		enum("modalite", true, modalites, "Présentiel ou à distance.", "mode").labels(modaliteLabels),
		col("antenne", Code, false, "Antenne d'accueil.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		col("date_debut", Date, true, "Premier jour.", "debut", "du").since(FirstActivityYear, YearsAhead(1)),
		col("date_fin", Date, false, "Dernier jour.", "fin", "au").since(FirstActivityYear, YearsAhead(1)),
		col("heures", Duration, true, "Durée en heures.", "duree", "nb_heures").within(1, 200),
		col("places_min", Int, false, "Effectif minimal pour ouvrir la session.", "minimum").within(0, 50),
		col("places_max", Int, false, "Places ouvertes.", "maximum", "places").within(1, 50),
		enum("statut", true, sessions, "Réalisée, annulée ou reportée.", "etat"),
		enum("motif_annulation", false, cancellations, "Motif d'annulation.", "motif").labels(cancellationLabels),
	}},
	{Name: "formation_inscriptions", Identity: []string{"identifiant_am"}, Key: []string{"code_session", "identifiant_am"}, Grain: "un assistant maternel et une session", Doc: "Inscriptions des assistants maternels aux sessions de formation.", Period: "code_session", Columns: []Column{
		col("code_session", Code, true, "Code de la session.", "session"),
		col("identifiant_am", Person, true, "Assistant maternel (remplacé par un pseudonyme).", amNames...).given(givenNames...),
		enum("statut", true, registrations, "Statut de l'inscription.", "etat"),
		col("heures_suivies", Duration, false, "Heures suivies.", "heures").within(0, 200),
		enum("dispositif", false, dispositifs, "Plan de développement des compétences ou CPF.", "financement").labels(dispositifLabels),
		col("hors_temps_accueil", Bool, false, "Formation suivie hors du temps d'accueil des enfants ?", "hors_temps"),
	}},
	{Name: "enquete_freins_leviers", Key: []string{"reponse", "date"}, Grain: "une réponse à l'enquête", Doc: "Réponses des assistants maternels à l'enquête sur les freins et leviers à la formation.", Period: "date", Columns: []Column{
		col("reponse", Code, true, "Numéro de la réponse.", "id_reponse", "numero"),
		col("date", Date, true, "Date de la réponse.", "horodateur", "jour").since(FirstActivityYear, Today),
		col("antenne", Code, false, "Antenne du répondant.", "code_antenne", "antenne_rpe", "relais").ref("antennes_rpe"),
		enum("anciennete", false, anciennetes, "Ancienneté d'agrément (tranche).", "anciennete_agrement"),
		col("a_suivi_formation", Bool, false, "A suivi une formation dans l'année ?", "formation_suivie"),
		list("freins", false, Freins, "Freins cités (codes ou libellés, séparés par |).", "frein"),
		list("leviers", false, Leviers, "Leviers cités (codes ou libellés, séparés par |).", "levier"),
		{Name: "commentaire", Type: Text, Doc: "Commentaire libre.", Aliases: []string{"remarque"}, MaxLen: 2000},
	}},
	{Name: "agents", Key: []string{"matricule", "date_debut"}, Snapshot: true, Grain: "un contrat d'agent", Doc: "Contrats des agents du service Enfance-Jeunesse (export RH) en cours dans l'année.", Columns: []Column{
		col("matricule", Code, true, "Matricule de l'agent.", "agent", "id_agent"),
		col("structure", Code, false, "Structure d'affectation.", "code_structure", "affectation").ref("structures"),
		enum("statut", false, agentStatuses, "Statut du contrat.", "type_contrat").labels(agentLabels),
		col("etp", Decimal, false, "Quotité en équivalent temps plein.", "quotite").within(0, 1),
		col("date_debut", Date, true, "Début du contrat.", "debut", "du").since(FirstServiceYear, YearsAhead(1)),
		col("date_fin", Date, false, "Fin du contrat, vide si en cours.", "fin", "au").since(FirstServiceYear, Open),
	}},
	{Name: "population_age", Key: []string{"commune_insee", "annee", "tranche"}, Snapshot: true, Grain: "une commune, une année et une tranche d'âge", Doc: "Population par tranche d'âge et commune (INSEE ou estimation).", Period: "annee", Columns: []Column{
		col("commune_insee", Insee, true, "Commune (code INSEE).", "commune", "insee"),
		col("annee", Year, true, "Année.", "millesime").since(FirstPopulationYear, Today),
		enum("tranche", true, ageBands, "Tranche d'âge (0_2 = moins de 3 ans).", "tranche_age").labels(ageBandLabels),
		col("effectif", Int, true, "Effectif.", "population", "nombre").within(0, 200000),
		col("source", Text, false, "Source ; une estimation le dit.", "origine"),
	}},
}
