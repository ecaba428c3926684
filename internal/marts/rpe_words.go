package marts

// CodeWords is a code of a mart's column and its words in the documents.
type CodeWords struct{ Code, Label string }

// ContactReasons and ContactChannels name the reasons and channels of marts.rpe_contacts_motifs
// (an unknown one is non_renseigne there), in the order the tables give them; the PDF and the
// dashboard read them here, so that both name a reason alike.
var (
	ContactReasons = []CodeWords{
		{"recherche_mode_accueil", "Recherche d'un mode d'accueil"}, {"contrat_employeur", "Contrat, rôle d'employeur"},
		{"agrement", "Agrément"}, {"formation", "Formation"}, {"autre", "Autre"}, {"non_renseigne", "Non renseigné"},
	}
	ContactChannels = []CodeWords{
		{"accueil", "Accueil"}, {"telephone", "Téléphone"}, {"mail", "Courriel"}, {"rdv", "Rendez-vous"}, {"non_renseigne", "Non renseigné"},
	}
)

// WordsOf is the words of a code in a list, or the code itself when the list lacks it.
func WordsOf(list []CodeWords, code string) string {
	for _, w := range list {
		if w.Code == code {
			return w.Label
		}
	}
	return code
}
