package reports

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// addACMActs is the table the prestation de service ALSH is declared from: each accueil's actes
// in hours by declared period, Wednesdays of school weeks capped, and its year.
func addACMActs(m core.Maroto, b *marts.Bundle, year int) {
	rows := rowsOfYear(b.ACMActes, year, func(a marts.ACMActes) int { return a.Annee })
	if len(rows) == 0 {
		return
	}
	subheading(m, "Actes de la prestation de service ALSH (heures, mercredis plafonnés)")
	tab := table{widths: []int{3, 3, 2, 2, 2}, header: []string{"Accueil", "Période", "Heures réalisées", "Écrêtées (mercredis)", "Actes (heures)"}}
	var day, half marts.ACMActes
	for _, a := range rows {
		period := a.Periode
		if a.YearTotal() {
			period = "Année " + strconv.Itoa(a.Annee)
		} else if a.Debut.Valid && a.Fin.Valid {
			period = frfmt.Span(a.Debut.Time, a.Fin.Time)
		}
		tab.add(a.Nom, period, marked(frfmt.Decimal(a.HeuresRealisees.Float64, 1), a.Donnees),
			marked(frfmt.Decimal(a.HeuresEcretees.Float64, 1), a.Donnees), marked(frfmt.Decimal(a.Actes.Float64, 1), a.Donnees))
		day, half = a, a
	}
	tab.addTo(m)
	caps := "sans plafond (le fichier de territoire n'en donne pas)"
	if day.PlafondJournee.Valid && half.PlafondDemiJourn.Valid {
		caps = frfmt.Decimal(day.PlafondJournee.Float64, 1) + " h pour une journée avec repas, " +
			frfmt.Decimal(half.PlafondDemiJourn.Float64, 1) + " h pour une demi-journée sans repas"
	}
	m.AddAutoRow(text.NewCol(12, "Actes : heures de présence des enfants, toute la plage comptée dès que l'enfant y vient. Un mercredi "+
		"en période scolaire, les heures d'un enfant sont plafonnées à "+caps+" (paramètres [acm] du fichier de territoire, "+
		"d'après la Caf de l'Hérault : à confirmer auprès de la Caf). Un mercredi est en période scolaire toujours pour un accueil "+
		"périscolaire, et pour un autre accueil quand il n'a reçu aucun enfant les autres jours de la semaine. Une ligne « Année » "+
		"additionne les périodes qui commencent dans l'année.", props.Text{Size: 8, Top: 1}))
}
