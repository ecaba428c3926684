package dashboards

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"enfance/internal/golden"
	"enfance/internal/marts"
)

var infos = marts.Infos{Territoire: "Communauté de Communes des Hauts de Flandre", SirenEPCI: "200040954",
	AnneeReference: 2025, SecretStatistique: 5, ConstruitLe: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)}

var communes = []marts.Commune{
	{Insee: "59046", Nom: "Bambecque", Population: 845, PopulationAnnee: 2023},
	{Insee: "59067", Nom: "Bergues", Population: 3525, PopulationAnnee: 2023},
	{Insee: "59478", Nom: "Quaëdypre", Population: 1108, PopulationAnnee: 2023},
	{Insee: "59663", Nom: "Wormhout", Population: 5584, PopulationAnnee: 2023},
}

func render(t *testing.T) string {
	t.Helper()
	page, err := Page(infos, communes)
	if err != nil {
		t.Fatal(err)
	}
	html, err := Render(page)
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}

func echartsSource(t *testing.T) string {
	t.Helper()
	js, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if err != nil {
		t.Fatal(ErrNoECharts)
	}
	return string(js)
}

// TestGolden pins the page, with ECharts itself left out of the golden file. Chart ids are
// fixed, so the same rows give the same page.
func TestGolden(t *testing.T) {
	html := render(t)
	js := echartsSource(t)
	if strings.Count(html, js) != 1 {
		t.Fatalf("ECharts is inlined %d times, want once", strings.Count(html, js))
	}
	golden.Check(t, "testdata/index.html.golden", []byte(strings.Replace(html, js, "/* echarts.min.js */", 1)))
	if again := render(t); again != html {
		t.Error("two renders of the same rows differ")
	}
}

func TestSelfContained(t *testing.T) {
	html := render(t)
	external := regexp.MustCompile(`(?i)<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//`)
	if m := external.FindString(html); m != "" {
		t.Errorf("the page loads a remote resource: %s", m)
	}
	for _, want := range []string{`id="population_communes"`, "toLocaleString('fr-FR')", "Quaëdypre"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
