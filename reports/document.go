package reports

import (
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
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
	Infos   marts.Infos
	Sources string // one line naming the public sources of the figures
}

// dates is the footer line that dates the figures: the newest loaded file when files carried a
// date (embedded reference data carries none), and the edition.
func (m Meta) dates() string {
	edited := "édité le " + frfmt.Date(m.Infos.ConstruitLe) + " par enfance"
	if m.Infos.DonneesLe == nil {
		return "Document " + edited
	}
	return "Données au " + frfmt.Date(*m.Infos.DonneesLe) + " · " + edited
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
