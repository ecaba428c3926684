package reports

import (
	"fmt"
	"math"
	"sync"

	"github.com/go-analyze/charts"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/golang/freetype/truetype"

	"enfance/internal/frfmt"
	"enfance/internal/palette"
)

// Chart images are drawn at twice the resolution they print at (about 96 px per inch on paper),
// so they stay sharp on screen zoom and in print.
const (
	pxPerMM   = 96 / 25.4 * 2
	chartFont = 11.0 * 2 // points, at the doubled resolution
)

// barChart is a bar chart to draw as a PNG. Its title is the document's text, above the image.
type barChart struct {
	Categories []string
	Series     []string    // names, one per row of Values
	Values     [][]float64 // one slice per series, one value per category
	WidthMM    float64
	HeightMM   float64
	Horizontal bool // bars along the value axis from the left, categories top to bottom
	Percent    bool // values are fractions, printed as percentages
	small      bool // a small chart: smaller text and margins
	// hidden labels a count of persons too small to show (« < 5 »), drawn as hiddenCount.
	hidden string
}

// hiddenCount stands for a count too small to show: a bar too thin to see, which the label
// function recognises (go-analyze/charts gives it the value, not the value's position).
const hiddenCount = 1e-9

// addCount adds a count of persons to a series: a count below the threshold is drawn as no bar
// and labelled « < 5 », never with its value (nor as a plain 0, which would be false).
func (c *barChart) addCount(series, n, threshold int) {
	v := float64(n)
	if frfmt.Hidden(n, threshold) {
		v, c.hidden = hiddenCount, frfmt.Persons(n, threshold)
	}
	c.Values[series] = append(c.Values[series], v)
}

// label is the text over each value: « < 5 » for a hidden count, else the value in French.
func (c barChart) label(format func(float64) string) charts.SeriesLabelFormatter {
	return func(_ int, _ string, v float64) (string, *charts.LabelStyle) {
		if v == hiddenCount && c.hidden != "" {
			return c.hidden, nil
		}
		return format(v), nil
	}
}

var (
	fontOnce sync.Once
	font     *truetype.Font
	fontErr  error
)

// chartTypeface is DejaVu Sans, the font of the documents, for the charts too.
func chartTypeface() (*truetype.Font, error) {
	fontOnce.Do(func() { font, fontErr = truetype.Parse(dejavusans.TTF) })
	return font, fontErr
}

// png draws the chart. Value axes start at zero, values print the French way, and series take
// the colours shared with the dashboards.
func (c barChart) png() ([]byte, error) {
	face, err := chartTypeface()
	if err != nil {
		return nil, fmt.Errorf("police des graphiques : %w", err)
	}
	size := chartFont
	if c.small {
		size = chartFont * 0.65
	}
	fontStyle := func(face *truetype.Font) charts.FontStyle { return fontStyleOf(face, size) }
	opt := charts.NewBarChartOptionWithData(c.Values)
	opt.Theme = theme()
	opt.CategoryAxis = charts.CategoryAxisOption{Labels: c.Categories, LabelFontStyle: fontStyle(face)}
	format := func(v float64) string { return frfmt.Decimal(v, 0) }
	if c.Percent {
		format = func(v float64) string { return frfmt.Percent(v, 0) }
	}
	a := c.axis(textWidth(face), format, size)
	opt.ValueAxis = []charts.ValueAxisOption{{Min: charts.Ptr(0.0), Max: charts.Ptr(a.top), LabelCount: a.labels,
		PreferNiceIntervals: charts.Ptr(false), LabelFontStyle: fontStyle(face)}}
	opt.ValueFormatter = format
	opt.Horizontal = c.Horizontal
	opt.Padding = charts.NewBoxEqual(30) // 4 mm
	if c.small {
		opt.Padding = charts.NewBoxEqual(12)
	}
	for i := range opt.SeriesList {
		opt.SeriesList[i].Label = charts.SeriesLabel{Show: charts.Ptr(true), FontStyle: fontStyle(face),
			LabelFormatter: c.label(format)}
	}
	if len(c.Series) > 1 {
		opt.Legend = charts.LegendOption{SeriesNames: c.Series, FontStyle: fontStyle(face)}
	}
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG,
		Width: int(c.WidthMM * pxPerMM), Height: int(c.HeightMM * pxPerMM), Font: face})
	if err := p.BarChart(opt); err != nil {
		return nil, fmt.Errorf("graphique en barres : %w", err)
	}
	return p.Bytes()
}

func fontStyleOf(face *truetype.Font, size float64) charts.FontStyle {
	return charts.FontStyle{Font: face, FontSize: size, FontColor: charts.ColorFromHex(palette.Text)}
}

func theme() charts.ColorPalette {
	colors := make([]charts.Color, len(palette.Series))
	for i, hex := range palette.Series {
		colors[i] = charts.ColorFromHex(hex)
	}
	return charts.MakeTheme(charts.ThemeOption{
		SeriesColors:       colors,
		BackgroundColor:    charts.ColorWhite,
		TextColor:          charts.ColorFromHex(palette.Text),
		AxisStrokeColor:    charts.ColorFromHex(palette.Muted),
		AxisSplitLineColor: charts.ColorFromHex(palette.Zebra),
	})
}

// axis is the chart's value axis (see [niceAxis]): as many steps as fit along it, with room at
// the end of a horizontal chart for the label beside the longest bar.
func (c barChart) axis(width func(string, float64) float32, format func(float64) string, size float64) valueAxis {
	largest := 0.0
	for _, s := range c.Values {
		for _, v := range s {
			largest = math.Max(largest, v)
		}
	}
	widest := float64(width(format(largest*1.5+1), size))
	length := c.HeightMM * pxPerMM * 0.7 // the plot's height, under the legend and over the labels
	label := size * 1.2
	if c.Horizontal {
		length, label = c.WidthMM*pxPerMM*0.6, widest // the categories' names take the left
	}
	a := niceAxis(largest, axisLabels(length, label), c.Percent)
	if c.Horizontal && largest > 0 && a.top-largest < a.step/2 {
		a.top += a.step
		a.labels++
	}
	return a
}
