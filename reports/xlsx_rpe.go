package reports

import "enfance/internal/marts"

// rpeSheets are the relais' contacts by public, reason and channel, the monenfant.fr availability
// of the AM and the temps forts of a year.
func rpeSheets(b *marts.Bundle, year int) []sheet {
	contacts := sheet{name: "RPE contacts", headers: []string{"Antenne", "Année", "Public", "Motif", "Canal", "Contacts"},
		formats: []cellFormat{asText, asInt, asText, asText, asText, asInt}}
	for _, c := range b.Contacts {
		if c.Annee == year {
			contacts.rows = append(contacts.rows, []any{c.Antenne, c.Annee, c.Public, c.Motif, c.Canal, c.Contacts})
		}
	}
	dispos := sheet{name: "RPE monenfant.fr", headers: []string{"Antenne", "Année", "AM en activité au 31 décembre",
		"AM à jour (déclaration du 1er juillet au 31 décembre)", "Part à jour", "Places disponibles déclarées"},
		formats: []cellFormat{asText, asInt, asPersons, asPersons, asPercent, asInt}}
	for _, a := range b.Dispos {
		if a.Annee == year {
			dispos.rows = append(dispos.rows, []any{a.NomAntenne, a.Annee, a.AMEnActivite, a.AMAJour, a.Part, a.PlacesDisponibles})
		}
	}
	highlights := sheet{name: "RPE temps forts", headers: []string{"Organisés par", "Année", "Temps forts", "Présences de parents",
		"Présences d'AM", "Présences d'enfants", "Temps forts sans effectifs"},
		formats: []cellFormat{asText, asInt, asInt, asInt, asInt, asInt, asInt}}
	for _, h := range b.TempsForts {
		if h.Annee == year {
			highlights.rows = append(highlights.rows, []any{h.NomAntenne, h.Annee, h.TempsForts, h.Parents, h.AM, h.Enfants, h.SansEffectifs})
		}
	}
	return []sheet{contacts, dispos, highlights}
}
