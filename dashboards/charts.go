package dashboards

import (
	"database/sql"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"enfance/internal/frfmt"
	"enfance/internal/palette"
)

// chart is one chart container of the page and its options, by year ("toutes" when the chart
// shows every year at once).
type chart struct {
	ID      string
	Height  int
	Note    string
	Options map[string]template.HTML
}

const allYears = "toutes"

func (c *chart) keys() []string { return slices.Sorted(maps.Keys(c.Options)) }

// funcMarkers are go-echarts' marks around JavaScript functions inside its JSON.
var funcMarkers = regexp.MustCompile(`(__f__")|("__f__)|(__f__)`)

type renderable interface {
	Validate()
	JSONNotEscaped() template.HTML
}

func optionOf(r renderable) template.HTML {
	r.Validate()
	return r.JSONNotEscaped()
}

// Formatters: the page defines enfance.pct, enfance.num and enfance.personnes (French numbers,
// « < 5 » for a hidden count of persons).
const (
	pctAxis       = `function (v) { return enfance.pct(v); }`
	numAxis       = `function (v) { return enfance.num(v); }`
	pctTooltip    = `function (p) { return enfance.bulle(p, 'pct'); }`
	numTooltip    = `function (p) { return enfance.bulle(p, 'num'); }`
	personTooltip = `function (p) { return enfance.bulle(p, 'personnes'); }`
)

var months = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// common are the options every chart shares: its title, the shared palette, no animation (the
// page is read, not watched) and a tooltip.
func common(title, subtitle, tooltip string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "center"}),
		charts.WithColorsOpts(opts.Colors(palette.Series)),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: opts.FuncOpts(tooltip)}),
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
func valuesUp(formatter string) []charts.GlobalOpts {
	return []charts.GlobalOpts{charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts(formatter)}}), axes(40)}
}

// valuesAcross are the options of a chart with horizontal bars: a value axis from zero labelled by
// formatter along the bottom, every category named down the side, and its plot.
func valuesAcross(formatter string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts(formatter)}}),
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
