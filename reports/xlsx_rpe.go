package reports

import "enfance/internal/marts"

// rpeSheets are the relais' contacts by public, reason and channel, the monenfant.fr availability
// of the AM and the temps forts of a year.
func rpeSheets(b *marts.Bundle, year int) []sheet {
	contacts := sheet{name: "RPE contacts", headers: []string{"Antenne", "Année", "Public", "Motif", "Canal", "Contacts"},
		formats: []cellFormat{asText, asYear, asText, asText, asText, asInt}}
	for _, c := range b.RPEContactsMotifs {
		if c.Annee == year {
			contacts.rows = append(contacts.rows, []any{c.Antenne, c.Annee, c.Public, c.Motif, c.Canal, c.Contacts})
		}
	}
	dispos := sheet{name: "RPE monenfant.fr", headers: []string{"Antenne", "Année", "AM en activité au 31 décembre",
		"AM à jour (déclaration du 1er juillet au 31 décembre)", "Part à jour", "Places disponibles déclarées"},
		formats: []cellFormat{asText, asYear, asPersons, asPersons, asPercent, asInt}}
	for _, a := range b.AMDisponibilitesAnnuelles {
		if a.Annee == year {
			dispos.rows = append(dispos.rows, []any{a.NomAntenne, a.Annee, a.AMEnActivite, a.AMAJour, a.Part, a.PlacesDisponibles})
		}
	}
	highlights := sheet{name: "RPE temps forts", headers: []string{"Organisés par", "Année", "Temps forts", "Présences de parents",
		"Présences d'AM", "Présences d'enfants", "Temps forts sans effectifs"},
		formats: []cellFormat{asText, asYear, asInt, asInt, asInt, asInt, asInt}}
	for _, h := range b.RPETempsFortsAnnuels {
		if h.Annee == year {
			highlights.rows = append(highlights.rows, []any{h.NomAntenne, h.Annee, h.TempsForts, h.Parents, h.AM, h.Enfants, h.SansEffectifs})
		}
	}
	return []sheet{contacts, dispos, highlights}
}

// actsSheet is the actes of the prestation de service ALSH by accueil and declared period, and
// each accueil's year (période « annee »).
func actsSheet(b *marts.Bundle, year int) sheet {
	s := sheet{name: "ACM actes PS ALSH", headers: []string{"Code", "Accueil", "Période", "Début", "Fin", "Heures réalisées",
		"Heures facturées", "Mercredis plafonnés (journées-enfants)", "Heures écrêtées", "Actes (heures)",
		"Plafond mercredi journée (h)", "Plafond mercredi demi-journée (h)", "Données"},
		formats: []cellFormat{asText, asText, asText, asDate, asDate, asDecimal, asDecimal, asInt, asDecimal, asDecimal, asDecimal, asDecimal, asText}}
	for _, a := range b.ACMActes {
		if a.Annee == year {
			var from, to any
			if a.Debut.Valid {
				from, to = a.Debut.Time, a.Fin.Time
			}
			s.rows = append(s.rows, []any{a.Code, a.Nom, a.Periode, from, to, a.HeuresRealisees, a.HeuresFacturees, a.MercredisPlafonnes,
				a.HeuresEcretees, a.Actes, a.PlafondJournee, a.PlafondDemiJourn, a.Donnees})
		}
	}
	return s
}
