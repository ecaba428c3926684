package reports

import (
	"cmp"
	"slices"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// addRPEDetail gives the relais' contacts by reason and channel, the monenfant.fr availability of
// the AM and the temps forts of a year.
func addRPEDetail(m core.Maroto, b *marts.Bundle, year, t int) {
	contacts := rowsOfYear(b.RPEContactsMotifs, year, func(c marts.RPEContactsMotifs) int { return c.Annee })
	if len(contacts) > 0 {
		subheading(m, "Contacts du relais par motif et par canal (tous publics, toutes antennes)")
		state := partialOnly(stateOf(b, year, "", "rpe_contacts"))
		count := func(motif, canal string) int {
			n := 0
			for _, c := range contacts {
				if (motif == "" || c.Motif == motif) && (canal == "" || c.Canal == canal) {
					n += c.Contacts
				}
			}
			return n
		}
		header := []string{"Motif"}
		widths := []int{3}
		var channels []string
		for _, ch := range marts.ContactChannels {
			if count("", ch.Code) > 0 {
				header, widths, channels = append(header, ch.Label), append(widths, 1), append(channels, ch.Code)
			}
		}
		header, widths = append(header, "Total"), append(widths, 1)
		widths[0] = 12 - (len(widths) - 1)
		tab := table{widths: widths, header: header, total: nil}
		for _, r := range marts.ContactReasons {
			if count(r.Code, "") == 0 {
				continue
			}
			row := []string{r.Label}
			for _, ch := range channels {
				row = append(row, frfmt.Int(count(r.Code, ch)))
			}
			tab.add(append(row, marked(frfmt.Int(count(r.Code, "")), state))...)
		}
		total := []string{"Total"}
		for _, ch := range channels {
			total = append(total, frfmt.Int(count("", ch)))
		}
		tab.total = append(total, marked(frfmt.Int(count("", "")), state))
		tab.addTo(m)
		m.AddAutoRow(text.NewCol(12, "Chaque contact de l'export compte une fois, avec son motif principal : un parent qui appelle deux fois "+
			"fait deux contacts. Publics : parents, assistants maternels, candidats à l'agrément, gardes à domicile et partenaires.",
			props.Text{Size: 8, Top: 1}))
	}
	if dispos := rowsOfYear(b.AMDisponibilitesAnnuelles, year, func(a marts.AMDisponibilitesAnnuelles) int { return a.Annee }); len(dispos) > 0 {
		subheading(m, "Disponibilités déclarées sur monenfant.fr")
		tab := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Antenne", "AM en activité", "AM à jour", "Part à jour", "Places disponibles"}}
		for _, a := range dispos {
			tab.add(a.NomAntenne, frfmt.Persons(a.AMEnActivite, t), frfmt.Persons(a.AMAJour, t), pct(a.Part), frfmt.Int(a.PlacesDisponibles))
		}
		tab.addTo(m)
		m.AddAutoRow(text.NewCol(12, "AM en activité : agrément en cours au 31 décembre et en activité selon le registre de l'année. "+
			"À jour : au moins une déclaration de disponibilités sur monenfant.fr datée du 1er juillet au 31 décembre, soit celle que "+
			"le décret 2021-1131 demande avant le 1er décembre pour les six mois suivants. Places disponibles : celles de la dernière "+
			"déclaration de l'année des AM à jour.", props.Text{Size: 8, Top: 1}))
	}
	if highlights := rowsOfYear(b.RPETempsFortsAnnuels, year, func(h marts.RPETempsFortsAnnuels) int { return h.Annee }); len(highlights) > 0 {
		subheading(m, "Temps forts avec les familles")
		tab := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Organisés par", "Temps forts", "Parents", "AM", "Enfants"}}
		slices.SortStableFunc(highlights, func(a, b marts.RPETempsFortsAnnuels) int {
			return cmp.Compare(order(a.Antenne), order(b.Antenne))
		})
		for _, h := range highlights {
			tab.add(h.NomAntenne, frfmt.Int(h.TempsForts), frfmt.Int(h.Parents), frfmt.Int(h.AM), frfmt.Int(h.Enfants))
		}
		tab.addTo(m)
		m.AddAutoRow(text.NewCol(12, "Présences : une personne venue à deux temps forts compte deux fois ; « Intercommunaux » : "+
			"temps forts que l'export ne rattache à aucune antenne.", props.Text{Size: 8, Top: 1}))
	}
}

// order puts the antennes first, then the intercommunal events, then the territory.
func order(antenne string) int {
	switch antenne {
	case "intercommunal":
		return 1
	case "territoire":
		return 2
	}
	return 0
}
