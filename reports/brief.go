package reports

import (
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/palette"
)

// BriefSources names the sources of the brief.
const BriefSources = "exports des structures du service Enfance-Jeunesse ; INSEE (populations légales) ; IGN (contours)"

// Brief is the note to the conseil communautaire for one year: the territory in figures with
// their evolution, five charts, the coverage map and one-line definitions.
func Brief(meta Meta, b *marts.Bundle, year int) (core.Maroto, error) {
	m, err := newDocument(meta, "Note aux élus — Enfance-Jeunesse "+strconv.Itoa(year))
	if err != nil {
		return nil, err
	}
	m.AddRows(paragraph(fmt.Sprintf("Les chiffres clés de l'année %d pour les %s communes du territoire, comparés à %d.",
		year, frfmt.Int(len(b.DimCommune)), year-1)))
	addCompleteness(m, b, year, year)
	shown := yearsUpTo(firstYear(b, year), year)
	s := newScope(inBrief, b, year, shown)
	facts := s.facts()
	addRetenir(m, facts)
	addTrendSeries(m, s, facts)
	indicatorTable(b.IndicateursCles, year, meta.Infos.SecretStatistique).addTo(m)
	if p := billingByEAJE(b.EAJEOccupationAnnuelle, year); p != "" {
		m.AddAutoRow(text.NewCol(12, p, props.Text{Size: 8, Top: 2}))
	}
	addReferences(m, b, year)
	charts := []struct {
		title string
		chart barChart
	}{
		{"Arrivées et départs d'assistants maternels", amFlowChart(b.AMAttractiviteAnnuelle, meta.Infos.SecretStatistique)},
		{"Taux d'occupation réel des EAJE en " + strconv.Itoa(year), eajeChart(b.EAJEOccupationAnnuelle, year)},
		{"Taux de départ en formation des assistants maternels", trainingChart(b.FormationAnnuelle)},
		{"Freins et leviers à la formation cités en " + strconv.Itoa(year), brakesChart(b.FreinsLeviers, year)},
		{"Âge des assistants maternels au 31 décembre " + strconv.Itoa(year), pyramidChart(b.AMPyramideAges, year, meta.Infos.SecretStatistique)},
	}
	for _, c := range charts {
		if len(c.chart.Categories) == 0 {
			continue
		}
		png, err := c.chart.png()
		if err != nil {
			return nil, err
		}
		m.AddRows(titled(c.title, c.chart.HeightMM, png))
	}
	if err := addCoverageMap(m, b, year); err != nil {
		return nil, err
	}
	m.AddRows(text.NewRow(8, "Définitions", props.Text{Size: 10, Style: fontstyle.Bold, Top: 3}))
	for _, d := range definitions {
		m.AddAutoRow(text.NewCol(12, "• "+d, props.Text{Size: 8, Bottom: 1}))
	}
	return m, nil
}

var definitions = []string{
	"Assistants maternels en activité : agréés au 31 décembre que le registre de l'année dit en activité (ni sans accueil, ni suspendus).",
	"Taux d'occupation réel : heures de présence des enfants rapportées aux heures d'accueil possibles (places × heures d'ouverture).",
	"Taux d'occupation financier : heures facturées aux familles rapportées aux mêmes heures d'accueil possibles.",
	"Taux de facturation : heures facturées rapportées aux heures réalisées ; la CAF réduit son aide au-delà de 107 %.",
	"Taux de départ en formation : assistants maternels formés dans l'année, rapportés aux agréés au 1er janvier.",
	"Ratio de renouvellement : nouveaux agréments pour un départ (0,33 = un remplacement pour trois départs).",
	"Couverture : places d'accueil (assistants maternels et EAJE du territoire) pour 100 enfants de moins de 3 ans ; ce n'est pas le " +
		"taux de couverture global de la CNAF, qui compte aussi l'école maternelle, la garde à domicile et les autres EAJE.",
	"Secret statistique : un effectif de moins de 5 personnes est remplacé par « < 5 », un second effectif de la même année par « secret » et un taux qui permettrait de les retrouver par « – ».",
}

func paragraph(s string) core.Row {
	return text.NewRow(9, s, props.Text{Size: 10, Top: 2})
}

// indicatorTable is the territory in figures: each key indicator of the year, the year before,
// and the evolution in words.
func indicatorTable(all []marts.IndicateursCles, year, threshold int) *table {
	t := &table{widths: []int{6, 2, 2, 2}, header: []string{"Indicateur", strconv.Itoa(year), strconv.Itoa(year - 1), "Évolution"}}
	for _, i := range all {
		if i.Annee == year {
			person := i.Unite == marts.UnitPersons
			t.add(i.Libelle, marked(formatValue(i.Valeur, i.Unite, person, threshold), i.Donnees),
				marked(formatValue(i.ValeurN1, i.Unite, person, threshold), i.DonneesN1), trend(i))
		}
	}
	return t
}

// formatValue writes an indicator the French way for its unit.
func formatValue(v sql.NullFloat64, unit string, person bool, threshold int) string {
	if !v.Valid {
		return "–"
	}
	x := v.Float64
	switch {
	case person:
		return frfmt.Persons(int(math.Round(x)), threshold)
	case unit == "taux":
		return frfmt.Percent(x, 1)
	case unit == "ratio":
		return frfmt.Decimal(x, 2)
	case unit == "ans":
		return frfmt.Decimal(x, 1) + frfmt.BeforeUnit + "ans"
	case unit == "heures": // to the hour in a document for élus; the workbook keeps the exact figure
		return frfmt.Int(int(math.Round(x)))
	case x == math.Trunc(x):
		return frfmt.Int(int(x))
	}
	return frfmt.Decimal(x, 1)
}

// billingByEAJE says each EAJE's billing rate and its zone: the CAF applies its scale to each
// EAJE, so the pooled rate of the table says nothing of the zones.
func billingByEAJE(rows []marts.EAJEOccupationAnnuelle, year int) string {
	var parts []string
	for _, r := range rows {
		if r.Annee == year && r.TauxFacturation.Valid {
			parts = append(parts, shortName(r.Nom)+" "+marked(frfmt.Percent(r.TauxFacturation.Float64, 1), partialOnly(r.Donnees))+", zone "+r.Zone)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Taux de facturation de chaque EAJE (la CAF applique son barème à chacun) : " + strings.Join(parts, " ; ") + "."
}

// unitPer100 is the unit of the places for 100 children of coverage.
const unitPer100 = "pour 100 enfants"

// trend says in words how an indicator moved since the year before.
// An evolution is only said between two complete years: a partial one would read as a fall.
func trend(i marts.IndicateursCles) string {
	if !i.Valeur.Valid || !i.ValeurN1.Valid || marts.IsMasked(i.Valeur) || marts.IsMasked(i.ValeurN1) ||
		incomplete(i.Donnees) || incomplete(i.DonneesN1) {
		return "–"
	}
	if i.Unite == "taux" || i.Unite == unitPer100 { // élus read a gap in points, not a relative change
		d := i.Valeur.Float64 - i.ValeurN1.Float64
		if i.Unite == "taux" {
			d *= 100
		}
		switch {
		case math.Abs(d) < 0.05:
			return "= stable"
		case d > 0:
			return "▲ +" + frfmt.Decimal(d, 1) + " point" + plural(d)
		}
		return "▼ −" + frfmt.Decimal(-d, 1) + " point" + plural(-d)
	}
	if i.ValeurN1.Float64 == 0 {
		return "–"
	}
	r := i.Valeur.Float64/i.ValeurN1.Float64 - 1
	switch {
	case math.Abs(r) < 0.0005:
		return "= stable"
	case r > 0:
		return "▲ +" + frfmt.Percent(r, 1)
	}
	return "▼ −" + frfmt.Percent(-r, 1)
}

func plural(x float64) string {
	if x >= 2 {
		return "s"
	}
	return ""
}

// tableRow is one row of a table with the given grid widths; numbers align right.
func tableRow(cells []string, widths []int, header, zebra bool) core.Row {
	style := fontstyle.Normal
	if header {
		style = fontstyle.Bold
	}
	cols := make([]core.Col, len(cells))
	for i, c := range cells {
		p := props.Text{Size: 8.5, Style: style, Top: 1, Bottom: 1.3, Left: 1, Right: 2}
		if i > 0 {
			p.Align = align.Right
		}
		cols[i] = text.NewCol(widths[i], c, p)
	}
	// No height: maroto measures every cell with the embedded font and gives the row the height
	// of its tallest cell, so a long label wraps onto a second line and a short one does not.
	r := row.New().Add(cols...)
	if zebra {
		r.WithStyle(&props.Cell{BackgroundColor: color(palette.Zebra)})
	}
	return r
}

func amFlowChart(rows []marts.AMAttractiviteAnnuelle, threshold int) barChart {
	c := barChart{Series: []string{"Nouveaux agréments", "Cessations"}, Values: [][]float64{{}, {}}, WidthMM: 180, HeightMM: 55}
	for _, r := range rows {
		c.Categories = append(c.Categories, strconv.Itoa(r.Annee))
		c.addCount(0, r.Nouveaux, threshold)
		c.addCount(1, r.Cessations, threshold)
	}
	return c
}

func eajeChart(rows []marts.EAJEOccupationAnnuelle, year int) barChart {
	c := barChart{Series: []string{"Taux d'occupation réel", "Taux d'occupation financier"}, Values: [][]float64{{}, {}},
		WidthMM: 180, HeightMM: 55, Percent: true}
	for _, r := range rows {
		if r.Annee == year {
			c.Categories = append(c.Categories, marked(shortName(r.Nom), partialOnly(r.Donnees)))
			c.Values[0] = append(c.Values[0], r.TauxReel.Float64)
			c.Values[1] = append(c.Values[1], r.TauxFinancier.Float64)
		}
	}
	return c
}

// shortName drops the kind of structure before a name in quotes: « La Ronde Enfantine ».
func shortName(name string) string {
	if i := strings.Index(name, "« "); i >= 0 {
		return strings.TrimSuffix(name[i+len("« "):], " »")
	}
	return name
}

func trainingChart(rows []marts.FormationAnnuelle) barChart {
	c := barChart{Series: []string{"Taux de départ en formation"}, Values: [][]float64{{}}, WidthMM: 180, HeightMM: 50, Percent: true}
	for _, r := range rows {
		if r.Antenne == "territoire" {
			c.Categories = append(c.Categories, strconv.Itoa(r.Annee))
			c.Values[0] = append(c.Values[0], r.TauxDepart.Float64)
		}
	}
	return c
}

func brakesChart(rows []marts.FreinsLeviers, year int) barChart {
	c := barChart{Series: []string{"Part des répondants"}, Values: [][]float64{{}}, WidthMM: 180, HeightMM: 65,
		Horizontal: true, Percent: true}
	for _, r := range rows {
		if r.Annee == year {
			c.Categories = append(c.Categories, r.Libelle+" ("+r.Nature+")")
			c.Values[0] = append(c.Values[0], r.Part.Float64)
		}
	}
	return c
}

func pyramidChart(rows []marts.AMPyramideAges, year, threshold int) barChart {
	c := barChart{Series: []string{"Assistants maternels"}, Values: [][]float64{{}}, WidthMM: 180, HeightMM: 55, Horizontal: true}
	for _, r := range rows {
		if r.Annee == year {
			c.Categories = append(c.Categories, r.Tranche)
			c.addCount(0, r.AM, threshold)
		}
	}
	return c
}

// The coverage map is printed mapMM tall, drawn mapPx wide (about 9 pixels a millimetre).
const (
	mapMM = 115.0
	mapPx = 1040
)

// addCoverageMap draws the communes coloured by the class of their coverage of the year, with
// the names that fit, and its legend.
func addCoverageMap(m core.Maroto, b *marts.Bundle, year int) error {
	values := map[string]*float64{}
	estimate := false
	top := 0.0
	for _, c := range b.CouvertureCommune {
		if c.Annee == year && c.Taux.Valid {
			v := c.Taux.Float64
			values[c.Insee] = &v
			top = math.Max(top, v)
			estimate = estimate || c.Estimation
		}
	}
	if len(b.CarteCommunes) == 0 {
		return nil
	}
	names := map[string]string{}
	for _, c := range b.CarteCommunes {
		names[c.Insee] = c.Nom
	}
	classes := coverageClasses(top)
	png, err := choropleth(b.CarteCommunes, names, values, classes, mapPx)
	if err != nil {
		return err
	}
	title := "Places d'accueil pour 100 enfants de moins de 3 ans, par commune, en " + strconv.Itoa(year)
	if estimate {
		title += " (effectifs d'enfants estimés)"
	}
	missing := len(values) < len(b.CarteCommunes)
	// The map is as tall as it is wide: the image takes the row's height under its title.
	m.AddRows(row.New(mapMM + 9).Add(col.New(12).Add(
		text.New(title, props.Text{Size: 10, Style: fontstyle.Bold, Top: 3}),
		image.NewFromBytes(png, extension.Png, props.Rect{Top: 9, Percent: 100 * mapMM / (mapMM + 9), Center: false}),
	)))
	m.AddRows(mapLegend(classes, missing)...)
	return nil
}

// titled is a chart and its title in one row, so that a page break never parts them.
func titled(title string, heightMM float64, png []byte) core.Row {
	return row.New(heightMM + 9).Add(col.New(12).Add(
		text.New(title, props.Text{Size: 10, Style: fontstyle.Bold, Top: 3}),
		image.NewFromBytes(png, extension.Png, props.Rect{Top: 9, Left: 0, Percent: 100}),
	))
}

// mapLegend is the map's legend: its title, then one coloured cell per class, and
// « sans donnée » when a commune has no figure.
func mapLegend(classes []class, missing bool) []core.Row {
	if missing {
		classes = append(classes, noData)
	}
	cols := make([]core.Col, 0, len(classes))
	for _, c := range classes {
		cols = append(cols, col.New(2).Add(text.New(c.label, props.Text{Size: 7.5, Top: 1, Align: align.Center})).
			WithStyle(&props.Cell{BackgroundColor: &props.Color{Red: int(c.color.R), Green: int(c.color.G), Blue: int(c.color.B)}}))
	}
	return []core.Row{
		text.NewRow(5, "Légende : places d'accueil pour 100 enfants de moins de 3 ans (chaque classe compte sa borne basse)",
			props.Text{Size: 8, Style: fontstyle.Bold, Top: 1}),
		row.New(6).Add(cols...),
	}
}
