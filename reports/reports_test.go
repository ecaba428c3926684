package reports

import (
	"bytes"
	"database/sql"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/johnfercher/maroto/v2/pkg/core"

	"enfance/internal/marts"
	"enfance/internal/testtool"
)

var (
	built    = time.Date(2026, 11, 29, 8, 30, 0, 0, time.UTC)
	dataDate = time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	infos    = marts.InfosEntrepot{Territoire: "Communauté de Communes des Hauts de Flandre", SirenEPCI: "200040954",
		AnneeReference: 2025, SecretStatistique: 5, ConstruitLe: built, DonneesLe: &dataDate}
	communes = []marts.DimCommune{
		{Insee: "59046", Nom: "Bambecque", Population: 845, PopulationAnnee: 2023},
		{Insee: "59067", Nom: "Bergues", Population: 3525, PopulationAnnee: 2023},
		{Insee: "59478", Nom: "Quaëdypre", Population: 1108, PopulationAnnee: 2023},
		{Insee: "59663", Nom: "Wormhout", Population: 5584, PopulationAnnee: 2023},
		{Insee: "59666", Nom: "Zegerscappel", Population: 1562, PopulationAnnee: 2023},
	}
	years = []marts.PopulationTerritoire{{Annee: 2022, Valeur: 12600}, {Annee: 2023, Valeur: 12624}}
)

func TestCommunesPDF(t *testing.T) {
	m, err := Communes(Meta{Infos: infos, Sources: CommunesSources}, communes, years)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, m)
	for _, want := range []string{
		"Communauté de Communes des Hauts de Flandre",
		"5 communes, 12 624 habitants (population municipale légale, millésime 2023).",
		"Population municipale du territoire par millésime",
		"Quaëdypre",
		"Total du territoire",
		"Sources : INSEE, populations légales",
		"Document édité le 29 novembre 2026 par enfance", // the populations have no day of activity
		"page 1 sur 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	// Two halves side by side: the first commune of the second half shares a line with the first.
	if !strings.Contains(text, "Bambecque") || !strings.Contains(strings.Split(text, "Bambecque")[1], "Quaëdypre") {
		t.Error("the second half of the table is not beside the first")
	}
}

func TestChartImageIsTwiceThePrintResolution(t *testing.T) {
	b, err := populationChart(years).png()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	w, h := chartWidthMM*pxPerMM, chartHeightMM*pxPerMM
	wantW, wantH := int(w), int(h)
	if got := img.Bounds().Size(); got.X != wantW || got.Y != wantH {
		t.Errorf("chart is %v px, want %dx%d", got, wantW, wantH)
	}
}

func TestDates(t *testing.T) {
	noDate := Meta{Infos: infos}
	noDate.Infos.DonneesLe = nil
	if got := noDate.dates(); got != "Document édité le 29 novembre 2026 par enfance" {
		t.Errorf("dates without data date = %q", got)
	}
}

// TestLongTablesAcrossPages: a table that runs onto the next pages shows its header again at
// the top of each, and no heading is left alone at the foot of a page.
func TestLongTablesAcrossPages(t *testing.T) {
	b := &marts.Bundle{InfosEntrepot: infos}
	for i := range 120 {
		b.ACMFrequentation = append(b.ACMFrequentation, marts.ACMFrequentation{Code: "ALSH", Nom: "Accueil de loisirs " + strconv.Itoa(i+1), Annee: 2025,
			Periode: "ete-2025", EnfantsJours: 10, Capacite: 20})
	}
	m, err := Bilan(Meta{Infos: infos, Sources: "essai"}, b, 2025)
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(pdfText(t, m), "\f")
	acmPages := 0
	for i, page := range pages {
		if !strings.Contains(page, "Accueil de loisirs") {
			continue
		}
		acmPages++
		if !regexp.MustCompile(`Accueil\s+Période\s+Heures`).MatchString(page) {
			t.Errorf("page %d continues the table without its header:\n%s", i+1, page)
		}
	}
	if acmPages < 3 {
		t.Errorf("120 periods on %d pages, want at least 3", acmPages)
	}
	for i, page := range pages {
		body := strings.TrimSpace(strings.Split(page, "Sources :")[0])
		lines := strings.Split(body, "\n")
		if last := strings.TrimSpace(lines[len(lines)-1]); regexp.MustCompile(`^(\d\.|Annexe)`).MatchString(last) {
			t.Errorf("page %d ends with the heading %q", i+1, last)
		}
	}
}

func TestFormatValue(t *testing.T) {
	v := func(x float64) sql.NullFloat64 { return sql.NullFloat64{Float64: x, Valid: true} }
	tests := []struct {
		value  sql.NullFloat64
		unit   string
		person bool
		want   string
	}{
		{v(453), "nombre", true, "453"},
		{v(3), "nombre", true, "<\u00a05"},
		{v(0.7317), "taux", false, "73,2\u00a0%"},
		{v(0.333), "ratio", false, "0,33"},
		{v(51.06), "ans", false, "51,1\u00a0ans"},
		{v(81123.5), "heures", false, "81\u202f124"},
		{v(1465), "nombre", false, "1\u202f465"},
		{v(49.84), "nombre", false, "49,8"},
		{sql.NullFloat64{}, "taux", false, "–"},
	}
	for _, tt := range tests {
		if got := formatValue(tt.value, tt.unit, tt.person, 5); got != tt.want {
			t.Errorf("formatValue(%v, %s, %v) = %q, want %q", tt.value.Float64, tt.unit, tt.person, got, tt.want)
		}
	}
}

// TestSmallCountsInCharts: a count of persons below the threshold has no bar and the label
// « < 5 », never its value nor a plain 0; a true 0 stays 0.
func TestSmallCountsInCharts(t *testing.T) {
	c := amFlowChart([]marts.AMAttractiviteAnnuelle{{Annee: 2024, Nouveaux: 3, Cessations: 0}, {Annee: 2025, Nouveaux: 17, Cessations: 51}}, 5)
	if want := [][]float64{{hiddenCount, 17}, {0, 51}}; !slices.EqualFunc(c.Values, want, slices.Equal) {
		t.Errorf("values %v, want %v", c.Values, want)
	}
	format := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, tt := range []struct {
		value float64
		want  string
	}{{hiddenCount, "<\u00a05"}, {17, "17"}, {0, "0"}} {
		if got, _ := c.label(format)(0, "", tt.value); got != tt.want {
			t.Errorf("label of %v = %q, want %q", tt.value, got, tt.want)
		}
	}
	if _, err := c.png(); err != nil {
		t.Fatal(err)
	}
}

// TestCTGGapFromReferenceYear: with more years than the page shows, the gap is still measured
// from the reference year, not from the first year shown.
func TestCTGGapFromReferenceYear(t *testing.T) {
	b := &marts.Bundle{InfosEntrepot: infos}
	for y := 2017; y <= 2025; y++ {
		v := map[int]float64{2017: 100, 2019: 120, 2025: 150}[y]
		if v == 0 {
			v = 130
		}
		b.IndicateursCles = append(b.IndicateursCles, marts.IndicateursCles{Annee: y, Theme: "petite enfance", Code: "places", Libelle: "Places",
			Valeur: sql.NullFloat64{Float64: v, Valid: true}, Unite: "nombre"})
	}
	m, err := CTG(Meta{Infos: infos, Sources: "essai"}, b, 2017, 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, m)
	if !regexp.MustCompile(`Places\s+120\s+130\s+130\s+130\s+130\s+130\s+150\s+▲ \+50,0\s%`).MatchString(text) {
		t.Errorf("the gap of 2025 against 2017 (100 → 150) is not +50,0 %%:\n%s", text)
	}
}

// pdfText makes the document and returns its text as pdftotext reads it, pages parted by \f.
func pdfText(t *testing.T, m core.Maroto) string {
	t.Helper()
	doc, err := m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "document.pdf")
	if err := os.WriteFile(path, doc.GetBytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return testtool.Run(t, "pdftotext", "-layout", path, "-")
}

// TestTrend: a rate and places for 100 children move in points, a count relatively; partial or
// masked years give no trend.
func TestTrend(t *testing.T) {
	v := func(x float64) sql.NullFloat64 { return sql.NullFloat64{Float64: x, Valid: true} }
	tests := []struct {
		i    marts.IndicateursCles
		want string
	}{
		{marts.IndicateursCles{Unite: "taux", Valeur: v(0.692), ValeurN1: v(0.71)}, "▼ −1,8 point"},
		{marts.IndicateursCles{Unite: unitPer100, Valeur: v(51.9), ValeurN1: v(67.3)}, "▼ −15,4 points"},
		{marts.IndicateursCles{Unite: "nombre", Valeur: v(150), ValeurN1: v(100)}, "▲ +50,0\u00a0%"},
		{marts.IndicateursCles{Unite: "nombre", Valeur: v(150), ValeurN1: v(100), Donnees: "partiel"}, "–"},
		{marts.IndicateursCles{Unite: marts.UnitPersons, Valeur: v(marts.Masked), ValeurN1: v(12)}, "–"},
	}
	for _, tt := range tests {
		if got := trend(tt.i); got != tt.want {
			t.Errorf("trend(%+v) = %q, want %q", tt.i, got, tt.want)
		}
	}
}
