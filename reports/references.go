package reports

import (
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// References printed beside the territory's figures, each with its source and year. They come
// from the project's domain notes (docs of the design, « domain.md »), which cite their public
// sources; a reference whose definition differs from the figure beside it says so under its table.

// rpeTarget is the staffing target of the relais: one ETP of animation for 70 AM in activity.
const (
	rpeTarget       = 70
	rpeTargetSource = "objectif de la COG État-Cnaf 2018-2022, repris par le référentiel national des Relais Petite Enfance (Cnaf, 2021)"
	rpeTargetNote   = "Le repère compte les assistants maternels en activité ; le relais compte ici les agréés au 1er janvier " +
		"(dont certains sans accueil) : l'écart se lit comme un ordre de grandeur."
)

// eajeNational is the national occupation of the EAJE the Sécurité sociale publishes (PQE Famille,
// indicator 2.5, « augmenter le taux d'occupation »): 69 % in 2019, 57 % in 2020 (the health crisis). Its hours are the hours paid,
// against the hours of opening: the closest of our rates is the taux d'occupation financier.
const (
	eajeNational       = 0.69
	eajeNationalYear   = 2019
	eajeNationalSource = "Sécurité sociale, PQE Famille, indicateur « augmenter le taux d'occupation » (2019 ; 57 % en 2020, année de la crise sanitaire)"
	eajeNationalNote   = "Le taux national rapporte les heures payées aux heures d'ouverture : il se compare au taux d'occupation financier " +
		"du territoire, pas au taux réel (heures de présence) ; il date de 2019 et sa définition exacte n'a pu être relue en entier."
)

// rpeRatio is the AM per ETP of animation of an antenne in a year, or with antenne
// « territoire » of the whole relais: its antennes' AM over their ETP, the ETP of each found back
// from its AM and ratio. No ratio when an antenne's count of AM is masked.
func rpeRatio(b *marts.Bundle, antenne string, year int) (float64, bool) {
	var am, etp float64
	for _, r := range b.RPEActiviteAnnuelle {
		if r.Annee != year || !r.AMParETP.Valid || r.AMParETP.Float64 <= 0 {
			continue
		}
		if r.Antenne == antenne {
			return r.AMParETP.Float64, true
		}
		if antenne == "territoire" {
			if r.AMActives < 0 {
				return 0, false
			}
			am += float64(r.AMActives)
			etp += float64(r.AMActives) / r.AMParETP.Float64
		}
	}
	if antenne != "territoire" || etp == 0 {
		return 0, false
	}
	return am / etp, true
}

// addReferences is the brief's table of references: the territory's figure of the year, the
// reference, and its source and year.
func addReferences(m core.Maroto, b *marts.Bundle, year int) {
	tab := table{widths: []int{4, 2, 2, 4}, header: []string{"Indicateur", "Territoire " + strconv.Itoa(year), "Repère", "Source du repère"}}
	var notes []string
	if r, ok := rpeRatio(b, "territoire", year); ok {
		tab.add("Assistants maternels pour un ETP d'animation du relais", frfmt.Decimal(r, 1),
			frfmt.Int(rpeTarget)+" au plus", rpeTargetSource)
		notes = append(notes, rpeTargetNote)
	}
	for _, i := range b.IndicateursCles {
		if i.Annee == year && i.Code == "eaje_occupation_financiere" && i.Valeur.Valid && !marts.IsMasked(i.Valeur) {
			tab.add("Taux d'occupation financier des EAJE", marked(frfmt.Percent(i.Valeur.Float64, 1), i.Donnees),
				frfmt.Percent(eajeNational, 0)+" ("+strconv.Itoa(eajeNationalYear)+")", eajeNationalSource)
			notes = append(notes, eajeNationalNote)
		}
	}
	if len(tab.rows) == 0 {
		return
	}
	heading(m, "Repères")
	tab.addTo(m)
	for _, n := range notes {
		m.AddAutoRow(text.NewCol(12, n, props.Text{Size: 7.5, Top: 1}))
	}
}

// addRPEReference is a commune page's relais: its antenne's and the territory's AM per ETP of
// animation beside the target, in one sentence.
func addRPEReference(m core.Maroto, s *scope, c marts.DimCommune) {
	t, okT := rpeRatio(s.b, "territoire", s.year)
	a, okA := rpeRatio(s.b, c.Antenne, s.year)
	if !okT && !okA {
		return
	}
	var parts []string
	if okA {
		parts = append(parts, frfmt.Decimal(a, 1)+" assistants maternels pour un ETP d'animation dans son antenne ("+c.NomAntenne+")")
	}
	if okT {
		parts = append(parts, frfmt.Decimal(t, 1)+" pour l'ensemble du relais")
	}
	m.AddAutoRow(text.NewCol(12, "Relais Petite Enfance en "+strconv.Itoa(s.year)+" : "+strings.Join(parts, ", ")+
		" ; repère : 1 ETP pour "+frfmt.Int(rpeTarget)+" assistants maternels au plus ("+rpeTargetSource+"). "+rpeTargetNote,
		props.Text{Size: 7.5, Top: 2}))
}
