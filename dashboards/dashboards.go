package dashboards

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/components"
	"github.com/go-echarts/go-echarts/v2/opts"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/outfile"
	"enfance/internal/palette"
)

//go:embed assets
var assets embed.FS

// ErrNoECharts means the binary was built without running « make assets » first.
var ErrNoECharts = errors.New("ECharts n'est pas dans ce programme : compilez-le avec « make build », qui l'installe depuis package-lock.json")

// echartsScript is the inline script element holding ECharts.
func echartsScript() (string, error) {
	js, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if err != nil {
		return "", ErrNoECharts
	}
	if bytes.Contains(bytes.ToLower(js), []byte("</script")) {
		return "", errors.New("dashboards: echarts.min.js contains </script and cannot be inlined")
	}
	return "<script>" + string(js) + "</script>", nil
}

// Page is the dashboard: every chart, with ECharts inlined.
func Page(infos marts.Infos, communes []marts.Commune) (*components.Page, error) {
	script, err := echartsScript()
	if err != nil {
		return nil, err
	}
	page := components.NewPage()
	page.SetPageTitle("Tableau de bord Enfance-Jeunesse — " + infos.Territoire)
	page.SetLayout(components.PageFlexLayout)
	page.AddCharts(populationChart(communes))
	// AddCharts copies each chart's remote script into the page: clear them after it.
	page.ClearPresetJSAssets()
	page.AddCustomizedHeaders(`<meta name="viewport" content="width=device-width, initial-scale=1">`, script)
	return page, nil
}

// frNumber is the ECharts formatter of a value axis: 53 437, not 53,437.
const frNumber = `function (v) { return v.toLocaleString('fr-FR'); }`

func populationChart(communes []marts.Commune) *charts.Bar {
	year := 0
	for _, c := range communes {
		year = max(year, c.PopulationAnnee)
	}
	// Smallest first: ECharts draws the first category at the bottom, so the largest is on top.
	sorted := slices.SortedFunc(slices.Values(communes), func(a, b marts.Commune) int {
		return cmp.Or(cmp.Compare(a.Population, b.Population), strings.Compare(b.Insee, a.Insee))
	})
	names := make([]string, len(sorted))
	values := make([]opts.BarData, len(sorted))
	for i, c := range sorted {
		names[i] = c.Nom
		values[i] = opts.BarData{Value: c.Population, Name: c.Nom}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "population_communes", Width: "900px",
			Height: strconv.Itoa(160+18*len(communes)) + "px"}),
		charts.WithTitleOpts(opts.Title{Title: "Population municipale par commune",
			Subtitle: "Populations légales " + strconv.Itoa(year) + " (INSEE), " + frfmt.Int(len(communes)) + " communes"}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors{palette.Series[0]}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true),
			Formatter: opts.FuncOpts(`function (p) { return p.name + ' : ' + p.value.toLocaleString('fr-FR') + ' habitants'; }`)}),
		charts.WithGridOpts(opts.Grid{Left: "150", Right: "40", Top: "70", Bottom: "30"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts(frNumber)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)
	bar.SetXAxis(names).AddSeries("Population", values)
	bar.XYReversal()
	return bar
}

// Render writes the page's HTML.
func Render(page *components.Page) ([]byte, error) {
	var b bytes.Buffer
	if err := page.Render(&b); err != nil {
		return nil, fmt.Errorf("dashboards: render: %w", err)
	}
	return b.Bytes(), nil
}

// WriteAll reads the marts and writes index.html into dir, returning the path written.
func WriteAll(ctx context.Context, r *marts.Reader, dir string) ([]string, error) {
	infos, err := r.Infos(ctx)
	if err != nil {
		return nil, err
	}
	communes, err := r.Communes(ctx)
	if err != nil {
		return nil, err
	}
	page, err := Page(infos, communes)
	if err != nil {
		return nil, err
	}
	html, err := Render(page)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "index.html")
	if err := outfile.Write(path, html); err != nil {
		return nil, fmt.Errorf("dashboards: %w", err)
	}
	return []string{path}, nil
}
