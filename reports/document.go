package reports

import (
	"time"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/palette"
)

const family = "dejavu"

// Meta is what every page says about where its figures come from.
type Meta struct {
	Infos   marts.InfosEntrepot
	Sources string // one line naming the public sources of the figures
	// Arretees is the last day the document's activity data reach (see [marts.Bundle.DataEnd]); nil for a
	// document without activity data (the communes' list).
	Arretees *time.Time
}

// dates is the footer line that dates the figures: the last day the data reach, and the edition.
func (m Meta) dates() string {
	edited := "édité le " + frfmt.Date(m.Infos.ConstruitLe) + " par enfance"
	if m.Arretees == nil {
		return "Document " + edited
	}
	return "Données arrêtées au " + frfmt.Date(*m.Arretees) + " · " + edited
}

// newDocument sets up an A4 document with embedded fonts, the header and the footer.
func newDocument(meta Meta, title string) (core.Maroto, error) {
	fonts, err := repository.New().
		AddUTF8FontFromBytes(family, fontstyle.Normal, dejavusans.TTF).
		AddUTF8FontFromBytes(family, fontstyle.Bold, dejavusansbold.TTF).
		AddUTF8FontFromBytes(family, fontstyle.Italic, dejavusansoblique.TTF).
		Load()
	if err != nil {
		return nil, err
	}
	cfg := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(15).WithRightMargin(15).WithTopMargin(12).WithBottomMargin(10).
		WithCustomFonts(fonts).
		WithDefaultFont(&props.Font{Family: family, Size: 9, Color: color(palette.Text)}).
		WithPageNumber(props.PageNumber{Pattern: "page {current} sur {total}", Place: props.RightBottom,
			Family: family, Size: 7, Color: color(palette.Muted)}).
		WithTitle(title+" — "+meta.Infos.Territoire, true).
		WithAuthor(meta.Infos.Territoire, true).
		WithCreator("enfance", false).
		WithCreationDate(meta.Infos.ConstruitLe).
		Build()
	m := maroto.New(cfg)
	if err := m.RegisterHeader(header(meta, title)...); err != nil {
		return nil, err
	}
	if err := m.RegisterFooter(footer(meta)...); err != nil {
		return nil, err
	}
	return m, nil
}

func header(meta Meta, title string) []core.Row {
	top := text.NewRow(5, meta.Infos.Territoire, props.Text{Size: 8, Color: color(palette.Muted)})
	if meta.Infos.Demo {
		top = row.New(5).Add(
			text.NewCol(7, meta.Infos.Territoire, props.Text{Size: 8, Color: color(palette.Muted)}),
			text.NewCol(5, "DONNÉES DE DÉMONSTRATION", props.Text{Size: 8, Style: fontstyle.Bold, Align: align.Right, Color: color(palette.Series[3])}),
		)
	}
	return []core.Row{
		top,
		text.NewRow(8, title, props.Text{Size: 14, Style: fontstyle.Bold, Color: color(palette.Rule)}),
		line.NewRow(4, props.Line{Color: color(palette.Rule), Thickness: 0.4, SizePercent: 100}),
	}
}

// headerMM is the height of the rows of header.
const headerMM = 5 + 8 + 4

// followingMM is how much of what follows a heading must fit under it on the same page: a table's
// header and its first rows.
const followingMM = 22

// keepWithNext adds a heading row of the given height, on a new page when it and the start of
// its block would not fit at the foot of the current one: no heading is left alone at the bottom
// of a page.
func keepWithNext(m core.Maroto, r core.Row, heightMM float64) {
	// FitlnCurrentPage counts the page header twice (its rows are among the page's rows, and it
	// adds the header's height again): take it off once.
	if m.FitlnCurrentPage(heightMM + followingMM - headerMM) {
		m.AddRows(r)
		return
	}
	m.AddPages(page.New().Add(r))
}

func footer(meta Meta) []core.Row {
	muted := props.Text{Size: 7, Color: color(palette.Muted), Align: align.Left}
	return []core.Row{
		line.NewRow(3, props.Line{Color: color(palette.Muted), Thickness: 0.2, SizePercent: 100}),
		row.New(4).Add(text.NewCol(12, "Sources : "+meta.Sources, muted)),
		row.New(4).Add(text.NewCol(9, meta.dates(), muted)),
	}
}

func color(hex string) *props.Color {
	r, g, b := palette.RGB(hex)
	return &props.Color{Red: r, Green: g, Blue: b}
}

// table is a table of a report: a bold header row, repeated at the top of every page the table
// runs onto, zebra rows, and a bold total row when there is one.
type table struct {
	widths []int
	header []string
	rows   [][]string
	total  []string
}

// rowMaxMM is the most a table row takes (a label on two lines): a row that may not fit at the
// foot of a page starts the next one, under the table's header again.
const rowMaxMM = 9.5

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) addTo(m core.Maroto) {
	m.AddRows(tableRow(t.header, t.widths, true, false))
	for i, cells := range t.rows {
		t.addRow(m, tableRow(cells, t.widths, false, i%2 == 1))
	}
	if t.total != nil {
		t.addRow(m, tableRow(t.total, t.widths, true, false))
	}
}

func (t *table) addRow(m core.Maroto, r core.Row) {
	if m.FitlnCurrentPage(rowMaxMM - headerMM) { // see keepWithNext for the header's height
		m.AddRows(r)
		return
	}
	m.AddPages(page.New().Add(tableRow(t.header, t.widths, true, false), r))
}
