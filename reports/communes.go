package reports

import (
	"strconv"

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

// CommunesSources names the source of the commune list and populations.
const CommunesSources = "INSEE, populations légales (population municipale) ; code officiel géographique"

const (
	chartWidthMM  = 180
	chartHeightMM = 60
	rowHeightMM   = 5
)

// Communes lists the communes of the territory with their legal population, after a chart of
// the territory's population over the legal-population years.
func Communes(meta Meta, communes []marts.DimCommune, years []marts.PopulationTerritoire) (core.Maroto, error) {
	m, err := newDocument(meta, "Les communes du territoire")
	if err != nil {
		return nil, err
	}
	total, year := 0, 0
	for _, c := range communes {
		total += c.Population
		year = max(year, c.PopulationAnnee)
	}
	m.AddRows(text.NewRow(9, frfmt.Int(len(communes))+" communes, "+frfmt.Int(total)+
		" habitants (population municipale légale, millésime "+strconv.Itoa(year)+").",
		props.Text{Size: 10, Top: 2}))
	if len(years) > 0 {
		png, err := populationChart(years).png()
		if err != nil {
			return nil, err
		}
		m.AddRows(
			text.NewRow(7, "Population municipale du territoire par millésime", props.Text{Size: 10, Style: fontstyle.Bold, Top: 2}),
			image.NewFromBytesRow(chartHeightMM, png, extension.Png, props.Rect{Center: true, Percent: 100}),
		)
	}
	m.AddRows(communeTable(communes, year, total)...)
	return m, nil
}

func populationChart(years []marts.PopulationTerritoire) barChart {
	c := barChart{Series: []string{"Population"},
		Values: [][]float64{make([]float64, len(years))}, WidthMM: chartWidthMM, HeightMM: chartHeightMM}
	for i, y := range years {
		c.Categories = append(c.Categories, strconv.Itoa(y.Annee))
		c.Values[0][i] = float64(y.Valeur)
	}
	return c
}

// communeTable lays the communes out in two halves side by side, so that a territory of 40
// communes fits on the page with its chart.
func communeTable(communes []marts.DimCommune, year, total int) []core.Row {
	half := (len(communes) + 1) / 2
	head := tableCells("Code", "Commune", "Pop. "+strconv.Itoa(year), true)
	rows := []core.Row{row.New(rowHeightMM).Add(append(head, tableCells("Code", "Commune", "Pop. "+strconv.Itoa(year), true)...)...)}
	for i := range half {
		cols := tableCells(communes[i].Insee, communes[i].Nom, frfmt.Int(communes[i].Population), false)
		if j := i + half; j < len(communes) {
			cols = append(cols, tableCells(communes[j].Insee, communes[j].Nom, frfmt.Int(communes[j].Population), false)...)
		} else {
			cols = append(cols, col.New(6))
		}
		r := row.New(rowHeightMM).Add(cols...)
		if i%2 == 1 {
			r.WithStyle(&props.Cell{BackgroundColor: color(palette.Zebra)})
		}
		rows = append(rows, r)
	}
	totalRow := append([]core.Col{col.New(6)}, tableCells("", "Total du territoire", frfmt.Int(total), true)...)
	return append(rows, row.New(rowHeightMM+1).Add(totalRow...))
}

// tableCells are the three cells of one commune: code, name and population, 6 grid columns.
func tableCells(code, name, population string, bold bool) []core.Col {
	style := fontstyle.Normal
	if bold {
		style = fontstyle.Bold
	}
	cell := props.Text{Size: 8.5, Style: style, Top: 1, Left: 1}
	right := cell
	right.Align, right.Right, right.Left = align.Right, 3, 0
	return []core.Col{text.NewCol(1, code, cell), text.NewCol(3, name, cell), text.NewCol(2, population, right)}
}
