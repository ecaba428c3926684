package dashboards

import (
	"database/sql"
	"maps"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"enfance/internal/frfmt"
	"enfance/internal/palette"
)

// chart is one chart container of the page and its options, by year ("toutes" when the chart
// shows every year at once).
type chart struct {
	ID      string
	Height  int
	Note    string
	Options map[string]renderable // by year, and by year and scope (« 2025|antenne:ANT-BERGUES »)
	// Levels are the levels of scope (antenne, commune) the chart is narrowed to; for another,
	// the page shows the territory's chart and says so.
	Levels []string
	// Outlines marks the map, whose communes of the scope chosen the page outlines.
	Outlines bool
}

// Narrows tells the template the chart follows the scope selector in some way.
func (c *chart) Narrows() bool { return len(c.Levels) > 0 || c.Outlines }

const allYears = "toutes"

// renderable is a go-echarts chart.
type renderable interface {
	Validate()
	JSON() map[string]any
}

// options are the chart's ECharts options by year, ready to marshal.
func (c *chart) options() map[string]any {
	out := map[string]any{}
	for key, r := range c.Options {
		r.Validate()
		out[key] = r.JSON()
	}
	return out
}

// Formatters are not JavaScript here but names: the page script replaces a "formatter" that is
// one of these names by its function from a fixed table (FORMATS in page.js), so that no text of
// the marts can ever become code. Axis and cell labels are drawn as text; tooltips are HTML, and
// their functions escape every text.
const (
	pctAxis         types.FuncStr = "enfance:pct-axis"
	numAxis         types.FuncStr = "enfance:num-axis"
	pctTooltip      types.FuncStr = "enfance:pct-tooltip"
	numTooltip      types.FuncStr = "enfance:num-tooltip"
	personTooltip   types.FuncStr = "enfance:persons-tooltip"
	cellTooltip     types.FuncStr = "enfance:cell-tooltip"
	cellLabel       types.FuncStr = "enfance:cell-label"
	coverageTooltip types.FuncStr = "enfance:coverage-tooltip"
)

var months = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// common are the options every chart shares: its title, the shared palette, no animation (the
// page is read, not watched) and a tooltip.
func common(title, subtitle string, tooltip types.FuncStr) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "center"}),
		charts.WithColorsOpts(opts.Colors(palette.Series)),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: tooltip}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "bottom"}),
	}
}

// axes places the plot of a chart with axes: its labels inside the container however long they
// are, and bottom pixels left under them for the legend or the colour scale. (go-echarts adds a
// grid per call: a chart must set exactly one, or ECharts lays it out on the first.)
func axes(bottom int) charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "70", Bottom: strconv.Itoa(bottom), ContainLabel: opts.Bool(true)})
}

// valuesUp are the options of a chart with vertical bars or lines: a value axis from zero labelled
// by formatter (numAxis or pctAxis), and its plot.
func valuesUp(formatter types.FuncStr) []charts.GlobalOpts {
	return []charts.GlobalOpts{charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: formatter}}), axes(40)}
}

// valuesAcross are the options of a chart with horizontal bars: a value axis from zero labelled by
// formatter along the bottom, every category named down the side, and its plot.
func valuesAcross(formatter types.FuncStr) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: formatter}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		axes(40),
	}
}

func yearKey(y int) string { return strconv.Itoa(y) }

// masked is a count of persons for a chart: nothing below the threshold (the tooltip then says
// « < 5 »), so that no chart shows a small group of people.
func masked(n, threshold int) any {
	if frfmt.Hidden(n, threshold) {
		return nil
	}
	return n
}

// maskedMarks writes « < 5 » (or « secret ») where a bar of a series is masked, so that a
// masked count reads as masked, not as a missing bar. counts are the series' counts, names its
// categories; horizontal bars put the category on the vertical axis. The mark's value is that
// text, which ECharts draws on the canvas as its label; the bar's data keeps no value.
func maskedMarks(names []string, counts []int, threshold int, horizontal bool) charts.SeriesOpts {
	var items []opts.MarkPointNameCoordItem
	for i, n := range counts {
		if !frfmt.Hidden(n, threshold) {
			continue
		}
		coord := []any{names[i], 0}
		if horizontal {
			coord = []any{0, names[i]}
		}
		items = append(items, opts.MarkPointNameCoordItem{Name: "masqué", Coordinate: coord, Value: frfmt.Persons(n, threshold),
			Label: &opts.Label{Show: opts.Bool(true), Color: palette.Text}})
	}
	return func(s *charts.SingleSeries) {
		if len(items) == 0 {
			return
		}
		charts.WithMarkPointNameCoordItemOpts(items...)(s)
		position := "top"
		if horizontal {
			position = "right"
		}
		charts.WithMarkPointStyleOpts(opts.MarkPointStyle{SymbolSize: 1, Label: &opts.Label{Show: opts.Bool(true), Position: position}})(s)
	}
}

// rate is a fraction for a chart, or nothing when the mart has none.
func rate(v sql.NullFloat64) any {
	if !v.Valid {
		return nil
	}
	return v.Float64
}

// byYear groups rows by a year of theirs, keeping their order.
func byYear[T any](rows []T, year func(T) int) map[int][]T {
	out := map[int][]T{}
	for _, r := range rows {
		out[year(r)] = append(out[year(r)], r)
	}
	return out
}

func sortedYears[T any](m map[int]T) []int { return slices.Sorted(maps.Keys(m)) }
