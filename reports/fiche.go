package reports

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// FicheSources names the sources of a commune's page.
const FicheSources = "INSEE (populations légales) ; IGN (contours) ; registre des assistants maternels ; exports des structures"

// locatorPx is the width of the locator map: 45 mm at twice 96 dpi.
const locatorPx = 340

// Fiche is the page of one commune for its maire: where it lies, its assistants maternels and
// places beside its antenne's and the territory's, its children in each structure, and how its
// places moved over the years.
func Fiche(meta Meta, b *marts.Bundle, c marts.DimCommune, year int) (core.Maroto, error) {
	m, err := newDocument(meta, c.Nom+" — fiche commune "+strconv.Itoa(year))
	if err != nil {
		return nil, err
	}
	t := meta.Infos.SecretStatistique
	var history []marts.CouvertureCommune
	for _, cv := range b.CouvertureCommune {
		if cv.Insee == c.Insee {
			history = append(history, cv)
		}
	}
	if err := addWhere(m, b, c, shownYears(history, year)); err != nil {
		return nil, err
	}
	addCompleteness(m, b, year, year)
	s := newScope(inFiche, b, year, []int{year})
	s.commune = c
	addRetenir(m, s.facts())
	addCommuneCare(m, s, stateOf(b, year, "", "am_registre") != "manquant")
	addCommuneChildren(m, b, c.Insee, year, t)
	addCommuneHistory(m, shownYears(history, year), year, t)
	return m, nil
}

// addWhere is the first row of the page: the commune's population and antenne, the locator map
// of the commune in the territory, and a small chart of its AM's places over the years.
func addWhere(m core.Maroto, b *marts.Bundle, c marts.DimCommune, history []marts.CouvertureCommune) error {
	lines := []string{c.Nom + " (" + c.Insee + ")", frfmt.Int(c.Population) + " habitants (population municipale " +
		strconv.Itoa(c.PopulationAnnee) + ")"}
	if c.NomAntenne != "" {
		lines = append(lines, "Relais Petite Enfance : "+c.NomAntenne)
	}
	info := col.New(4)
	for i, l := range lines {
		style := props.Text{Size: 9, Top: 2 + float64(i)*9}
		if i == 0 {
			style.Size, style.Style = 11, fontstyle.Bold
		}
		info.Add(text.New(l, style))
	}
	cols := []core.Col{info}
	if len(b.CarteCommunes) > 0 {
		png, err := locator(b.CarteCommunes, c.Insee, locatorPx)
		if err != nil {
			return err
		}
		cols = append(cols, col.New(3).Add(image.NewFromBytes(png, extension.Png, props.Rect{Top: 1, Percent: 100, Center: true})))
	}
	if len(history) > 1 {
		png, err := placesChart(history).png()
		if err != nil {
			return err
		}
		cols = append(cols, col.New(5).Add(
			text.New("Places agréées des assistants maternels", props.Text{Size: 8, Style: fontstyle.Bold, Top: 1, Left: 3}),
			image.NewFromBytes(png, extension.Png, props.Rect{Top: 5, Percent: 100})))
	}
	m.AddRows(row.New(placesChartMM + 5).Add(cols...))
	return nil
}

// area is the sum of the coverage of some communes in a year: an antenne or the territory. A
// count of persons that a commune's secrecy masks makes the sum « – »: it could not be computed
// from the published figures, and printing it would reveal the masked count.
type area struct {
	communes                int
	am, enfants             int
	amMasked, enfantsMasked bool
	placesAM                int
	placesEAJE              float64
	estimation              bool
	known                   bool // at least one commune with a row of the year
}

func (a *area) add(c marts.CouvertureCommune) {
	a.known = true
	a.communes++
	if c.AM < 0 {
		a.amMasked = true
	}
	a.am += c.AM
	a.placesAM += c.PlacesAM
	a.placesEAJE += c.PlacesEAJE
	if !c.Enfants.Valid || c.Enfants.Int64 < 0 {
		a.enfantsMasked = true
	} else {
		a.enfants += int(c.Enfants.Int64)
	}
	a.estimation = a.estimation || c.Estimation
}

// noFigures are the rows of [addCommuneCare] without a figure.
func noFigures() []string { return []string{"–", "–", "–", "–", "–"} }

// cells are the area's figures, in the rows of [addCommuneCare].
func (a area) cells(t int) []string {
	if !a.known {
		return noFigures()
	}
	am, enfants, taux := "–", "–", "–"
	if !a.amMasked {
		am = frfmt.Persons(a.am, t)
	}
	if !a.enfantsMasked {
		enfants = frfmt.Persons(a.enfants, t)
		if a.enfants > 0 {
			taux = frfmt.Decimal(100*(float64(a.placesAM)+a.placesEAJE)/float64(a.enfants), 1)
		}
		if a.estimation {
			enfants += " (estimation)"
		}
	}
	return []string{am, frfmt.Int(a.placesAM), frfmt.Decimal(a.placesEAJE, 1), enfants, taux}
}

// communeCells are the commune's own row of the year, in the rows of [addCommuneCare]: its counts
// as the mart gives them (a masked one « < 5 » or « secret »), its coverage the mart's, the figure
// its block quotes.
func communeCells(cv marts.CouvertureCommune, t int) []string {
	enfants := "–"
	if cv.Enfants.Valid {
		enfants = frfmt.Persons(int(cv.Enfants.Int64), t)
	}
	if cv.Estimation {
		enfants += " (estimation)"
	}
	return []string{frfmt.Persons(cv.AM, t), frfmt.Int(cv.PlacesAM), frfmt.Decimal(cv.PlacesEAJE, 1), enfants, rateCell(cv)}
}

// careRows are the rows of the table of [addCommuneCare].
var careRows = []string{"Assistants maternels agréés au 31 décembre", "Places agréées chez ces assistants maternels",
	"Places en EAJE (part des sites d'un bus)", "Enfants de moins de 3 ans", "Places pour 100 enfants de moins de 3 ans"}

// addCommuneCare is the commune's care for young children in the year beside its antenne's
// (the communes the antenne covers) and the territory's. Without the year's register of the AM,
// its figures are « manquant », never the year before's.
func addCommuneCare(m core.Maroto, s *scope, register bool) {
	year, t, c := s.year, s.secret, s.commune
	heading(m, "L'accueil des jeunes enfants en "+strconv.Itoa(year)+" : la commune, son antenne et le territoire")
	own := noFigures()
	var antenne, territoire area
	antennes := map[string]string{}
	for _, o := range s.b.DimCommune {
		antennes[o.Insee] = o.Antenne
	}
	for _, cv := range s.b.CouvertureCommune {
		if cv.Annee != year {
			continue
		}
		if cv.Insee == c.Insee {
			own = communeCells(cv, t)
		}
		if c.Antenne != "" && antennes[cv.Insee] == c.Antenne {
			antenne.add(cv)
		}
		territoire.add(cv)
	}
	header := []string{"", c.Nom}
	widths := []int{6, 2, 2, 2}
	cols := [][]string{own}
	if c.Antenne != "" {
		header = append(header, shortAntenne(c.NomAntenne))
		cols = append(cols, antenne.cells(t))
	} else {
		widths = []int{6, 3, 3}
	}
	header = append(header, "Territoire")
	tc := territoire.cells(t)
	// The territory's coverage is the key indicator the brief and the block print.
	if i, ok := s.value("couverture_totale", year); ok {
		tc[4] = frfmt.Decimal(i.Valeur.Float64, 1)
	}
	// A masked commune makes the sum of the communes' AM « – »; the relais counts the same AM
	// (agrément running on 31 December) for the whole territory. The key indicator am_actives
	// would not do: it counts only those the register says en activité.
	if territoire.amMasked {
		for _, a := range s.b.AMAttractiviteAnnuelle {
			if a.Annee == year {
				tc[0] = frfmt.Persons(a.Actives31Decembre, t)
			}
		}
	}
	cols = append(cols, tc)
	tab := table{widths: widths, header: header}
	for k, label := range careRows {
		cells := []string{label}
		for _, cs := range cols {
			if !register {
				cells = append(cells, "manquant")
			} else {
				cells = append(cells, cs[k])
			}
		}
		tab.add(cells...)
	}
	tab.addTo(m)
	note := "Antenne : les " + frfmt.Int(antenne.communes) + " communes qu'elle couvre ; territoire : les " +
		frfmt.Int(territoire.communes) + " communes. La colonne du territoire est sa moyenne, à laquelle la commune se compare ; " +
		"ce n'est pas le taux de couverture global de la CNAF, qui compte aussi l'école maternelle et la garde à domicile."
	if c.Antenne == "" {
		note = "Territoire : les " + frfmt.Int(territoire.communes) + " communes ; sa colonne est la moyenne à laquelle la commune se compare " +
			"(ce n'est pas le taux de couverture global de la CNAF, qui compte aussi l'école maternelle et la garde à domicile)."
	}
	if antenne.amMasked || antenne.enfantsMasked || territoire.enfantsMasked {
		note += " « – » : une somme qui compterait un effectif masqué par le secret statistique."
	}
	if !register {
		note += " Registre des assistants maternels de l'année non reçu."
	}
	m.AddAutoRow(text.NewCol(12, note, props.Text{Size: 7.5, Top: 1.5}))
	addRPEReference(m, s, c)
}

// shortAntenne is an antenne's name for a narrow column header.
func shortAntenne(name string) string {
	if name == "" {
		return "Antenne"
	}
	return name
}

// addCommuneChildren lists the structures that took children of the commune in the year.
// A structure whose presences of the year are not all in says « partiel » after its count.
func addCommuneChildren(m core.Maroto, b *marts.Bundle, insee string, year, t int) {
	heading(m, "Enfants et jeunes de la commune accueillis par les structures en "+strconv.Itoa(year))
	children := table{widths: []int{8, 4}, header: []string{"Structure", "Enfants"}}
	for _, c := range b.AccueilParCommune {
		if c.Insee == insee && c.Annee == year {
			state := partialOnly(stateOf(b, year, c.Code, "eaje_presences", "acm_presences", "sejours_inscriptions"))
			children.add(c.Nom, marked(frfmt.Persons(c.Enfants, t), state))
		}
	}
	if len(children.rows) == 0 {
		m.AddRows(paragraph("Aucun enfant de la commune dans les exports de l'année."))
		return
	}
	children.addTo(m)
}

// shownYears are the commune's years a page shows: up to its year, the last ficheYears.
func shownYears(all []marts.CouvertureCommune, year int) []marts.CouvertureCommune {
	var history []marts.CouvertureCommune
	for _, h := range all {
		if h.Annee <= year {
			history = append(history, h)
		}
	}
	if len(history) > ficheYears {
		history = history[len(history)-ficheYears:]
	}
	return history
}

// addCommuneHistory is the commune's assistants maternels, places and coverage year by year, and
// the change in places since the first year shown.
func addCommuneHistory(m core.Maroto, history []marts.CouvertureCommune, year, t int) {
	heading(m, "Évolution")
	widths := []int{12 - len(history)}
	header := []string{""}
	am, places, taux := []string{"Assistants maternels"}, []string{"Places agréées"}, []string{"Places pour 100 enfants"}
	for _, h := range history {
		widths = append(widths, 1)
		header = append(header, strconv.Itoa(h.Annee))
		am = append(am, frfmt.Persons(h.AM, t))
		places = append(places, frfmt.Int(h.PlacesAM))
		taux = append(taux, rateCell(h))
	}
	(&table{widths: widths, header: header, rows: [][]string{am, places, taux}}).addTo(m)
	if n := len(history); n > 1 && history[n-1].Annee == year {
		first, now := history[0], history[n-1]
		m.AddRows(paragraph("Depuis " + strconv.Itoa(first.Annee) + " : " + signed(now.PlacesAM-first.PlacesAM) +
			" places agréées chez les assistants maternels de la commune."))
	}
}

// placesChartMM is the height of the first row of a commune page, with its small chart.
const placesChartMM = 30

// ficheYears is the most years a commune page shows: its last ones.
const ficheYears = 8

// placesChart is the places of the commune's AM year by year: a count of places, never masked.
func placesChart(history []marts.CouvertureCommune) barChart {
	c := barChart{Series: []string{"Places agréées"}, Values: [][]float64{{}}, WidthMM: 75, HeightMM: placesChartMM - 5, small: true}
	for _, h := range history {
		c.Categories = append(c.Categories, strconv.Itoa(h.Annee))
		c.Values[0] = append(c.Values[0], float64(h.PlacesAM))
	}
	return c
}

// signed writes a whole number with its sign: +3, −12, 0.
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + frfmt.Int(n)
	case n < 0:
		return "−" + frfmt.Int(-n)
	}
	return "0"
}
