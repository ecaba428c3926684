package dashboards

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/outfile"
	"enfance/internal/palette"
)

//go:embed page.html.tmpl
var pageTemplate string

//go:embed assets
var assets embed.FS

var page = template.Must(template.New("page").Parse(pageTemplate))

// ErrNoECharts means the binary was built without running « make assets » first.
var ErrNoECharts = errors.New("ECharts n'est pas dans ce programme : compilez-le avec « make build », qui l'installe depuis package-lock.json")

// echartsSource is the ECharts library embedded at build time.
func echartsSource() (string, error) {
	js, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if err != nil {
		return "", ErrNoECharts
	}
	if bytes.Contains(bytes.ToLower(js), []byte("</script")) {
		return "", errors.New("dashboards: echarts.min.js contains </script and cannot be inlined")
	}
	return string(js), nil
}

// section is a part of the page, with its charts.
type section struct {
	ID, Title string
	Charts    []*chart
}

// view is what the template needs.
type view struct {
	Title, Territory, Dates, Built string
	Demo                           bool
	Main, Text, Muted              template.CSS
	Sections                       []section
	Years                          []int
	Year                           int
	Threshold                      int
	ECharts, GeoJSON, Options      template.JS
}

// Render builds the page's HTML from the marts; it opens on year (0: the warehouse's reference
// year).
func Render(d *marts.Bundle, year int) ([]byte, error) {
	js, err := echartsSource()
	if err != nil {
		return nil, err
	}
	sections := buildSections(d)
	geo, err := geoJSON(d.Boundaries)
	if err != nil {
		return nil, err
	}
	years := years(d)
	v := view{
		Title:     "Tableau de bord Enfance-Jeunesse — " + d.Infos.Territoire,
		Territory: d.Infos.Territoire,
		Dates:     dates(d.Infos),
		Built:     frfmt.Date(d.Infos.ConstruitLe),
		Demo:      d.Infos.Demo,
		Main:      template.CSS(palette.Series[0]), Text: template.CSS(palette.Text), Muted: template.CSS(palette.Muted),
		Sections:  sections,
		Years:     years,
		Year:      defaultYear(years, cmp.Or(year, d.Infos.AnneeReference)),
		Threshold: d.Infos.SecretStatistique,
		ECharts:   template.JS(js), GeoJSON: template.JS(geo), Options: template.JS(optionsJS(sections)),
	}
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		return nil, fmt.Errorf("dashboards: render: %w", err)
	}
	return b.Bytes(), nil
}

func dates(i marts.Infos) string {
	if i.DonneesLe != nil {
		return "données au " + frfmt.Date(*i.DonneesLe)
	}
	return "édité le " + frfmt.Date(i.ConstruitLe)
}

// years are the years some chart shows, newest first.
func years(d *marts.Bundle) []int {
	seen := map[int]bool{}
	for _, y := range d.AM {
		seen[y.Annee] = true
	}
	for _, y := range d.EAJEYears {
		seen[y.Annee] = true
	}
	for _, c := range d.Coverage {
		seen[c.Annee] = true
	}
	out := slices.Sorted(maps.Keys(seen))
	slices.Reverse(out)
	if len(out) == 0 {
		out = []int{d.Infos.AnneeReference}
	}
	return out
}

func defaultYear(years []int, reference int) int {
	if slices.Contains(years, reference) {
		return reference
	}
	return years[0]
}

// optionsJS writes every chart's options by year as one JavaScript object. go-echarts marks
// JavaScript functions inside JSON strings; the markers are removed as go-echarts' own renderer
// does, so that the formatters are functions, not strings.
func optionsJS(sections []section) string {
	var b strings.Builder
	b.WriteString("{\n")
	for _, s := range sections {
		for _, c := range s.Charts {
			fmt.Fprintf(&b, "%q: {", c.ID)
			for i, key := range c.keys() {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%q: %s", key, strings.TrimSpace(funcMarkers.ReplaceAllString(string(c.Options[key]), "")))
			}
			b.WriteString("},\n")
		}
	}
	b.WriteString("}")
	return b.String()
}

// geoJSON is the communes' boundaries as one FeatureCollection whose features are named after
// the communes, as ECharts matches map data by name.
func geoJSON(boundaries []marts.Boundary) (string, error) {
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   json.RawMessage   `json:"geometry"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, b := range boundaries {
		fc.Features = append(fc.Features, feature{Type: "Feature",
			Properties: map[string]string{"name": b.Nom, "code": b.Insee}, Geometry: json.RawMessage(b.GeoJSON)})
	}
	out, err := json.Marshal(fc)
	if err != nil {
		return "", fmt.Errorf("dashboards: boundaries: %w", err)
	}
	return string(out), nil
}

// WriteAll writes the page as index.html into dir, opened on year (0: the warehouse's reference
// year), and returns the path written.
func WriteAll(d *marts.Bundle, dir string, year int) ([]string, error) {
	html, err := Render(d, year)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "index.html")
	if err := outfile.Write(path, html); err != nil {
		return nil, fmt.Errorf("dashboards: %w", err)
	}
	return []string{path}, nil
}
