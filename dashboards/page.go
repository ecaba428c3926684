package dashboards

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/outfile"
	"enfance/internal/palette"
)

//go:embed page.html.tmpl
var pageTemplate string

//go:embed page.js
var pageJS string

//go:embed assets
var assets embed.FS

var page = template.Must(template.New("page").Parse(pageTemplate))

// ErrNoECharts means the binary was built without running « make assets » first.
var ErrNoECharts = errors.New("ECharts n'est pas dans ce programme : compilez-le avec « make build », qui l'installe depuis package-lock.json")

// echartsSource is the ECharts library embedded at build time, ready to inline.
func echartsSource() (string, error) {
	js, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if err != nil {
		return "", ErrNoECharts
	}
	return inline("echarts.min.js", string(js))
}

// inline readies a script to sit between <script> and </script> and to be hashed for the CSP: its
// line ends are those the browser hashes (the HTML parser turns CR LF and CR into LF), and it holds
// nothing that would end the element early or change how the parser reads it.
func inline(name, js string) (string, error) {
	js = strings.ReplaceAll(strings.ReplaceAll(js, "\r\n", "\n"), "\r", "\n")
	lower := strings.ToLower(js)
	for _, bad := range []string{"</script", "<!--", "\x00"} {
		if strings.Contains(lower, bad) {
			return "", fmt.Errorf("dashboards : %s contient %q et ne peut pas être placé dans la page", name, bad)
		}
	}
	if !utf8.ValidString(js) {
		return "", fmt.Errorf("dashboards : %s n'est pas en UTF-8 et ne peut pas être placé dans la page", name)
	}
	return js, nil
}

// policy is the page's Content-Security-Policy: no script but the inline ones whose SHA-256 it
// lists, inline styles (ECharts styles its tooltips) and nothing else, from anywhere.
func policy(scripts ...string) string {
	src := []string{"script-src"}
	for _, s := range scripts {
		src = append(src, "'"+scriptHash(s)+"'")
	}
	return strings.Join([]string{"default-src 'none'", strings.Join(src, " "), "style-src 'unsafe-inline'",
		"base-uri 'none'", "form-action 'none'"}, "; ")
}

// scriptHash is the CSP source of an inline script: the SHA-256 of its text.
func scriptHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// section is a part of the page, with its charts.
type section struct {
	ID, Title string
	Charts    []*chart
}

// yearLines are the lines of the data-quality banner for one year.
type yearLines struct {
	Year  int
	Lines []string
}

// incomplete lists, for each year the page shows, the structures whose exports are missing,
// refused or partial.
func incomplete(d *marts.Bundle, years []int) []yearLines {
	var out []yearLines
	for _, y := range years {
		if lines := d.Incomplete(y, y); len(lines) > 0 {
			out = append(out, yearLines{y, lines})
		}
	}
	return out
}

// view is what the template needs.
type view struct {
	Title, Territory, Dates, Built string
	Demo                           bool
	Incomplete                     []yearLines // exports missing, refused or partial, by year, newest first
	Quality                        []qualityYear
	Scopes                         []scope
	Main, Text, Muted              template.CSS
	Sections                       []section
	Years                          []int
	Year                           int
	Threshold                      int
	CSP                            string
	ECharts, Script, Data          template.JS
}

// Render builds the page's HTML from the marts; it opens on year (0: the warehouse's reference
// year).
func Render(d *marts.Bundle, year int) ([]byte, error) {
	js, err := echartsSource()
	if err != nil {
		return nil, err
	}
	script, err := inline("page.js", pageJS)
	if err != nil {
		return nil, err
	}
	all := scopes(d)
	sections := buildSections(d, all)
	data, err := pageData(d, sections, all)
	if err != nil {
		return nil, err
	}
	years := years(d)
	shown := defaultYear(years, cmp.Or(year, d.InfosEntrepot.AnneeReference))
	v := view{
		Title:      "Tableau de bord Enfance-Jeunesse — " + d.InfosEntrepot.Territoire,
		Territory:  d.InfosEntrepot.Territoire,
		Dates:      dates(d, shown),
		Built:      frfmt.Date(d.InfosEntrepot.ConstruitLe),
		Demo:       d.InfosEntrepot.Demo,
		Incomplete: incomplete(d, years),
		Quality:    quality(d, years),
		Scopes:     all,
		Main:       template.CSS(palette.Series[0]), Text: template.CSS(palette.Text), Muted: template.CSS(palette.Muted),
		Sections:  sections,
		Years:     years,
		Year:      shown,
		Threshold: d.InfosEntrepot.SecretStatistique,
		CSP:       policy(js, script),
		ECharts:   template.JS(js), Script: template.JS(script), Data: template.JS(data),
	}
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		return nil, fmt.Errorf("tableau de bord : mise en page : %w", err)
	}
	return b.Bytes(), nil
}

// dates dates the page as the documents do: the last day the year's activity data reach (see
// [marts.Bundle.DataEnd]), and the edition.
func dates(d *marts.Bundle, year int) string {
	edited := "édité le " + frfmt.Date(d.InfosEntrepot.ConstruitLe)
	if end := d.DataEnd(year); end != nil {
		return "données arrêtées au " + frfmt.Date(*end) + " · " + edited
	}
	return edited
}

// years are the years some chart shows, newest first.
func years(d *marts.Bundle) []int {
	seen := map[int]bool{}
	for _, y := range d.AMAttractiviteAnnuelle {
		seen[y.Annee] = true
	}
	for _, y := range d.EAJEOccupationAnnuelle {
		seen[y.Annee] = true
	}
	for _, c := range d.CouvertureCommune {
		seen[c.Annee] = true
	}
	out := slices.Sorted(maps.Keys(seen))
	slices.Reverse(out)
	if len(out) == 0 {
		out = []int{d.InfosEntrepot.AnneeReference}
	}
	return out
}

func defaultYear(years []int, reference int) int {
	if slices.Contains(years, reference) {
		return reference
	}
	return years[0]
}

// pageData is the JSON the page script reads: the threshold of hidden counts, the colour of
// secondary text, the communes' boundaries, every chart's options by year (and by year and
// scope), the levels each chart narrows to and the scopes' names and communes. encoding/json
// escapes <, >, & and U+2028/U+2029 in every string, so no text can end the block it sits in;
// and JSON is only data: the page turns into functions only the formatter names of FORMATS.
func pageData(d *marts.Bundle, sections []section, all []scope) ([]byte, error) {
	geo, err := geoJSON(d.CarteCommunes)
	if err != nil {
		return nil, err
	}
	options := map[string]map[string]any{}
	levels := map[string][]string{}
	for _, s := range sections {
		for _, c := range s.Charts {
			options[c.ID] = c.options()
			if len(c.Levels) > 0 {
				levels[c.ID] = c.Levels
			}
		}
	}
	scopes := map[string]scopeData{}
	for _, s := range all {
		scopes[s.Key] = scopeData{Name: s.Name, Communes: s.communes}
	}
	out, err := json.Marshal(struct {
		Seuil   int                       `json:"seuil"`
		Gris    string                    `json:"gris"`
		Carte   json.RawMessage           `json:"carte"`
		Options map[string]map[string]any `json:"options"`
		Niveaux map[string][]string       `json:"niveaux"` // chart → the levels it narrows to
		Portees map[string]scopeData      `json:"portees"`
	}{d.InfosEntrepot.SecretStatistique, palette.Muted, geo, options, levels, scopes})
	if err != nil {
		return nil, fmt.Errorf("dashboards : données de la page : %w", err)
	}
	return out, nil
}

// geoJSON is the communes' boundaries as one FeatureCollection whose features are named after
// the communes, as ECharts matches map data by name.
func geoJSON(boundaries []marts.CarteCommunes) (json.RawMessage, error) {
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
		return nil, fmt.Errorf("tableau de bord : contours des communes : %w", err)
	}
	return out, nil
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
		return nil, fmt.Errorf("tableau de bord : %w", err)
	}
	return []string{path}, nil
}
