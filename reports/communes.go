package reports

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/palette"
)

// CommunesSources names the source of the commune list and populations.
const CommunesSources = "INSEE, populations légales (population municipale) ; code officiel géographique"

// Communes lists the communes of the territory with their legal population, and the total.
func Communes(meta Meta, communes []marts.Commune) (core.Maroto, error) {
	m, err := newDocument(meta, "Les communes du territoire")
	if err != nil {
		return nil, err
	}
	total, year := 0, 0
	for _, c := range communes {
		total += c.Population
		year = max(year, c.PopulationAnnee)
	}
	m.AddRows(text.NewRow(10, frfmt.Int(len(communes))+" communes, "+frfmt.Int(total)+
		" habitants (population municipale légale, millésime "+strconv.Itoa(year)+").",
		props.Text{Size: 10, Top: 2}))
	m.AddRows(tableRow("Code INSEE", "Commune", "Population "+strconv.Itoa(year), true, nil))
	for i, c := range communes {
		var bg *props.Color
		if i%2 == 1 {
			bg = color(palette.Zebra)
		}
		m.AddRows(tableRow(c.Insee, c.Nom, frfmt.Int(c.Population), false, bg))
	}
	m.AddRows(tableRow("", "Total", frfmt.Int(total), true, nil))
	return m, nil
}

func tableRow(code, name, population string, bold bool, bg *props.Color) core.Row {
	style := fontstyle.Normal
	if bold {
		style = fontstyle.Bold
	}
	cell := props.Text{Size: 8.5, Style: style, Top: 0.8}
	right := cell
	right.Align, right.Right = align.Right, 2
	r := row.New(4.9).Add(
		text.NewCol(2, code, cell),
		text.NewCol(7, name, cell),
		text.NewCol(3, population, right),
	)
	if bg != nil {
		r.WithStyle(&props.Cell{BackgroundColor: bg})
	}
	return r
}
