package reports

import (
	"slices"
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/marts"
	"enfance/internal/palette"
)

// Every figure built on exports that are missing, refused or partial says so on itself (see
// [marked]), and the first page of each document lists what is missing and what to do.

// marked writes a figure with the state of the data behind it: the figure alone when the data
// are complete, « (partiel) » after it when they are partial, and no figure at all when nothing
// was received.
func marked(value, donnees string) string {
	switch donnees {
	case "partiel":
		return value + " (partiel)"
	case "manquant":
		return "manquant"
	case "refuse":
		return "refusé"
	}
	return value
}

// addCompleteness is the box at the top of a document: the exports of its years that are missing,
// refused or partial, and what to do; one line saying the data are complete otherwise.
func addCompleteness(m core.Maroto, b *marts.Bundle, first, last int) {
	lines := b.Incomplete(first, last)
	if len(lines) == 0 {
		if len(b.Completude) > 0 {
			m.AddRows(text.NewRow(6, "Données complètes : chaque structure a envoyé tous ses exports attendus pour "+yearsWords(first, last)+".",
				props.Text{Size: 8, Top: 1, Color: color(palette.Muted)}))
		}
		return
	}
	warn := props.Text{Size: 8, Top: 1, Color: color(palette.Series[3])}
	m.AddAutoRow(text.NewCol(12, "Données incomplètes pour "+yearsWords(first, last)+" : les chiffres qui en dépendent sont marqués « partiel » ou « manquant ».",
		props.Text{Size: 9, Top: 1, Style: fontstyle.Bold, Color: color(palette.Series[3])}))
	const most = 8
	for i, l := range lines {
		if i == most {
			m.AddAutoRow(text.NewCol(12, "… et "+strconv.Itoa(len(lines)-most)+" autre(s) structure(s) : voir la feuille Complétude du classeur des indicateurs.", warn))
			break
		}
		m.AddAutoRow(text.NewCol(12, "• "+l, warn))
	}
	m.AddAutoRow(text.NewCol(12, "Que faire : demandez les exports manquants ou refusés à chaque structure (le classeur des rejets donne "+
		"la raison de chaque refus), déposez-les dans le dossier des exports, puis relancez le traitement.", props.Text{Size: 8, Top: 1, Bottom: 2}))
}

func yearsWords(first, last int) string {
	if first == last {
		return strconv.Itoa(first)
	}
	return strconv.Itoa(first) + " à " + strconv.Itoa(last)
}

// incomplete tells the state of data that are partial, missing or refused.
func incomplete(donnees string) bool {
	return donnees == "partiel" || donnees == "manquant" || donnees == "refuse"
}

// partialOnly keeps a state for a figure that is shown anyway: a chart's bar or a row built on
// what was received says « partiel » whether a part was partial or missing.
func partialOnly(donnees string) string {
	if incomplete(donnees) {
		return "partiel"
	}
	return donnees
}

// stateOf is the state of the exports of some kinds for a year, and for one structure when code
// is not empty: complet, partiel (some period partial, missing or refused) or manquant (none
// received); complet when nothing was owed.
func stateOf(b *marts.Bundle, year int, code string, kinds ...string) string {
	owed, received, whole := false, false, true
	for _, c := range b.Completude {
		if c.Annee != year || (code != "" && c.Code != code) || !slices.Contains(kinds, c.Type) {
			continue
		}
		owed = true
		received = received || c.Statut == "complet" || c.Statut == "partiel"
		whole = whole && c.Statut == "complet"
	}
	switch {
	case !owed || whole:
		return "complet"
	case received:
		return "partiel"
	}
	return "manquant"
}
