package dashboards

import (
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"enfance/internal/golden"
	"enfance/internal/marts"
)

func f(v float64) sql.NullFloat64 { return sql.NullFloat64{Float64: v, Valid: true} }

// sample is a small territory with a row or two of every mart the page reads.
func sample() *marts.Bundle {
	return &marts.Bundle{
		InfosEntrepot: marts.InfosEntrepot{Territoire: "Communauté de Communes des Hauts de Flandre", SirenEPCI: "200040954",
			AnneeReference: 2025, SecretStatistique: 5, ConstruitLe: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC), Demo: true},
		DimCommune: []marts.DimCommune{
			{Insee: "59067", Nom: "Bergues", Antenne: "ANT-BERGUES", NomAntenne: "Antenne de Bergues"},
			{Insee: "59478", Nom: "Quaëdypre", Antenne: "ANT-BERGUES", NomAntenne: "Antenne de Bergues"},
			{Insee: "59663", Nom: "Wormhout", Antenne: "ANT-WORMHOUT", NomAntenne: "Antenne de Wormhout"},
		},
		DimStructure: []marts.DimStructure{
			{Code: "MA", Nom: "Multi-accueil", Commune: "59067", Antenne: "ANT-BERGUES"},
			{Code: "BUS", Nom: "Le Bambibus", Commune: "59478", Antenne: "ANT-BERGUES"},
			{Code: "ALSH", Nom: "Accueil de loisirs", Commune: "59663", Antenne: "ANT-WORMHOUT"},
		},
		EAJEOccupationMensuelle: []marts.EAJEOccupationMensuelle{
			{Code: "MA", Nom: "Multi-accueil", Annee: 2025, Mois: 3, TauxReel: f(0.73), TauxFinancier: f(0.76), HeuresRealisees: f(1460), Capacite: 2000},
			{Code: "MA", Nom: "Multi-accueil", Annee: 2025, Mois: 4, TauxReel: f(0.7), TauxFinancier: f(0.74), HeuresRealisees: f(1400), Capacite: 2000},
			{Code: "BUS", Nom: "Le Bambibus", Annee: 2025, Mois: 3, TauxReel: f(0.61), TauxFinancier: f(0.66), HeuresRealisees: f(610), Capacite: 1000},
		},
		EAJEOccupationAnnuelle: []marts.EAJEOccupationAnnuelle{
			{Code: "MA", Nom: "Multi-accueil", Annee: 2024, TauxReel: f(0.71)},
			{Code: "MA", Nom: "Multi-accueil", Annee: 2025, TauxReel: f(0.73)},
			{Code: "BUS", Nom: "Le Bambibus", Annee: 2025, TauxReel: f(0.61)},
		},
		ACMFrequentation: []marts.ACMFrequentation{
			{Code: "ALSH", Nom: "Accueil de loisirs", Annee: 2025, Periode: "hiver-2025", TauxRemplissage: f(0.6), EnfantsJours: 60, Capacite: 100, Enfants: 14},
			{Code: "ALSH", Nom: "Accueil de loisirs", Annee: 2025, Periode: "ete-2025", TauxRemplissage: f(0.8), EnfantsJours: 300, Capacite: 300, Enfants: 40},
		},
		SejoursRemplissage: []marts.SejoursRemplissage{{Code: "S1", Annee: 2025, Intitule: "Séjour ski", Places: 24, Participants: 22, TauxRemplissage: f(0.917)},
			{Code: "S2", Annee: 2025, Intitule: "Séjour Paris", Places: 8, Participants: 3}},
		RPEContactsMotifs: []marts.RPEContactsMotifs{{Antenne: "ANT-BERGUES", Annee: 2025, Public: "parent", Motif: "recherche_mode_accueil", Canal: "telephone", Contacts: 40},
			{Antenne: "ANT-BERGUES", Annee: 2025, Public: "am", Motif: "formation", Canal: "mail", Contacts: 12}},
		AMDisponibilitesAnnuelles: []marts.AMDisponibilitesAnnuelles{{Antenne: "ANT-BERGUES", NomAntenne: "Antenne de Bergues", Annee: 2025, AMEnActivite: 80, AMAJour: 44, Part: f(0.55)},
			{Antenne: "territoire", NomAntenne: "Territoire", Annee: 2025, AMEnActivite: 80, AMAJour: 44, Part: f(0.55)}},
		RPEActiviteAnnuelle: []marts.RPEActiviteAnnuelle{{Antenne: "ANT-BERGUES", NomAntenne: "Antenne de Bergues", Annee: 2025, AteliersRealises: 169, AteliersAnnules: 7, TauxFrequentation: f(0.5)}},
		FormationAnnuelle: []marts.FormationAnnuelle{{Antenne: "territoire", Annee: 2024, TauxDepart: f(0.141), SessionsProgrammees: 24, SessionsAnnulees: 8},
			{Antenne: "territoire", Annee: 2025, TauxDepart: f(0.152), SessionsProgrammees: 24, SessionsAnnulees: 5, SousMinimum: 6}},
		FreinsLeviers:          []marts.FreinsLeviers{{Annee: 2025, Nature: "frein", Code: "temps_personnel", Libelle: "Temps personnel", Reponses: 70, Part: f(0.55), PartNonFormees: f(0.66)}},
		AMAttractiviteAnnuelle: []marts.AMAttractiviteAnnuelle{{Annee: 2024, Nouveaux: 16, Cessations: 48, Retraites: 38}, {Annee: 2025, Nouveaux: 17, Cessations: 51, Retraites: 4}},
		AMPyramideAges:         []marts.AMPyramideAges{{Annee: 2025, Tranche: "moins de 30 ans", AM: 3}, {Annee: 2025, Tranche: "55-59 ans", AM: 60}},
		AMProjectionDeparts:    []marts.AMProjectionDeparts{{AnneeReference: 2025, Annee: 2026, Departs: 20, Places: 64}},
		CouvertureCommune:      []marts.CouvertureCommune{{Insee: "59478", Nom: "Quaëdypre", Annee: 2025, PlacesAM: 40, Taux: f(57.1), Estimation: true}},
		CarteCommunes: []marts.CarteCommunes{{Insee: "59478", Nom: "Quaëdypre",
			GeoJSON: `{"type":"Polygon","coordinates":[[[2.45,50.93],[2.50,50.93],[2.50,50.96],[2.45,50.96],[2.45,50.93]]]}`}},
	}
}

func render(t *testing.T) string {
	t.Helper()
	html, err := Render(sample(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}

func echartsJS(t *testing.T) string {
	t.Helper()
	js, err := echartsSource()
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// TestGolden pins the page, ECharts itself and its hash left out. Chart ids are fixed and options
// are written in a fixed order, so the same marts give the same page.
func TestGolden(t *testing.T) {
	html := render(t)
	js := echartsJS(t)
	if strings.Count(html, js) != 1 {
		t.Fatalf("ECharts is inlined %d times, want once", strings.Count(html, js))
	}
	pinned := strings.Replace(strings.Replace(html, js, "/* echarts.min.js */", 1), scriptHash(js), "sha256-echarts", 1)
	golden.Check(t, "testdata/index.html.golden", []byte(pinned))
	if again := render(t); again != html {
		t.Error("two renders of the same marts differ")
	}
}

func TestSelfContained(t *testing.T) {
	html := render(t)
	external := regexp.MustCompile(`(?i)<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//`)
	if m := external.FindString(html); m != "" {
		t.Errorf("the page loads a remote resource: %s", m)
	}
	for _, want := range []string{`id="eaje_occupation_mois"`, `id="couverture_carte"`, "Quaëdypre", "Données de démonstration",
		`echarts.registerMap("territoire"`, `<option value="2025" selected>`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "__f__") {
		t.Error("a go-echarts function marker is left in the page")
	}
}

// TestOneGridPerChart: ECharts lays a chart out on its first grid, so a chart given two (each
// WithGridOpts adds one) ignores the second and clips its axis labels.
func TestOneGridPerChart(t *testing.T) {
	grids := regexp.MustCompile(`"grid":\[([^\]]*)\]`).FindAllStringSubmatch(render(t), -1)
	if len(grids) == 0 {
		t.Fatal("no chart has a grid")
	}
	for _, g := range grids {
		if strings.Contains(g[1], "},{") || !strings.Contains(g[1], `"containLabel":true`) {
			t.Errorf("grid %s: want one grid that contains its labels", g[1])
		}
	}
}

// TestContentSecurityPolicy: the policy opens <head> and allows exactly the page's two scripts,
// by the SHA-256 of the bytes between their tags; the JSON block is data, never run.
func TestContentSecurityPolicy(t *testing.T) {
	page := render(t)
	m := regexp.MustCompile(`<head>\n<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("<head> does not open with the Content-Security-Policy")
	}
	checkScripts(t, page)
	src := "script-src"
	for _, s := range regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		sum := sha256.Sum256([]byte(s[1]))
		src += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	want := "default-src 'none'; " + src + "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
	if got := html.UnescapeString(m[1]); got != want {
		t.Errorf("Content-Security-Policy\n%s\nwant\n%s", got, want)
	}
}

// checkScripts fails t unless the page's script elements are ECharts, the JSON block (which must
// be valid JSON) and the page script, in that order; it returns the JSON.
func checkScripts(t *testing.T, page string) string {
	t.Helper()
	tags := regexp.MustCompile(`(?i)<script[^>]*>`).FindAllString(page, -1)
	if want := []string{"<script>", `<script type="application/json" id="donnees">`, "<script>"}; !slices.Equal(tags, want) {
		t.Errorf("script tags %.300q, want %q", tags, want)
	}
	data := regexp.MustCompile(`(?s)<script type="application/json" id="donnees">(.*?)</script>`).FindStringSubmatch(page)
	if data == nil || !json.Valid([]byte(data[1])) {
		t.Fatal("the JSON block is missing or not JSON")
	}
	return data[1]
}

// TestFormatterNames: the formatters the options name are exactly those the page script defines.
func TestFormatterNames(t *testing.T) {
	named := map[string]bool{}
	for _, m := range regexp.MustCompile(`"formatter":"([^"]*)"`).FindAllStringSubmatch(render(t), -1) {
		named[m[1]] = true
	}
	defined := map[string]bool{}
	for _, m := range regexp.MustCompile(`\["(enfance:[a-z-]+)", `).FindAllStringSubmatch(pageJS, -1) {
		defined[m[1]] = true
	}
	if !maps.Equal(named, defined) {
		t.Errorf("the options name the formatters %v, page.js defines %v", slices.Sorted(maps.Keys(named)), slices.Sorted(maps.Keys(defined)))
	}
}

// TestIncompleteData: a month whose presences are missing is an empty cell named as missing,
// never 0, and the page says which exports are missing and what to do.
func TestIncompleteData(t *testing.T) {
	b := sample()
	b.EAJEOccupationMensuelle = append(b.EAJEOccupationMensuelle, marts.EAJEOccupationMensuelle{Code: "MA", Nom: "Multi-accueil", Annee: 2025, Mois: 5, Capacite: 2000, Donnees: "manquant"})
	b.Completude = []marts.Completude{
		{Code: "MA", Nom: "Multi-accueil", Type: "eaje_presences", Periode: "2025-05", Annee: 2025, Statut: "manquant"},
		{Code: "MA", Nom: "Multi-accueil", Type: "eaje_presences", Periode: "2025-03", Annee: 2025, Statut: "complet"},
	}
	html, err := Render(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	for _, want := range []string{`id="donnees-incompletes"`, "Multi-accueil (MA) : présences mai 2025 (manquant)",
		`Multi-accueil — mai (présences manquantes)","value":[4,0,null]`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(render(t), `id="donnees-incompletes"`) {
		t.Error("a page on complete data shows the banner")
	}
}
