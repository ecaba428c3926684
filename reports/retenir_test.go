package reports

import (
	"database/sql"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// indicatorInfo are the labels and units of marts.indicateurs_cles the tests use.
var indicatorInfo = map[string][2]string{
	"am_actives":             {"Assistants maternels en activité au 31 décembre", marts.UnitPersons},
	"places_am":              {"Places agréées chez les assistants maternels", "nombre"},
	"nouveaux_agrements":     {"Nouveaux agréments", marts.UnitPersons},
	"cessations":             {"Cessations d'activité", marts.UnitPersons},
	"ratio_renouvellement":   {"Nouveaux agréments pour un départ", "ratio"},
	"part_am_55_ans_plus":    {"Part des assistants maternels de 55 ans et plus", "taux"},
	"couverture_totale":      {"Places (AM et EAJE) pour 100 enfants de moins de 3 ans", unitPer100},
	"taux_annulation":        {"Sessions de formation annulées", "taux"},
	"eaje_occupation_reelle": {"Taux d'occupation réel des EAJE", "taux"},
}

// series makes one key indicator over consecutive years from first; NaN stands for no value.
func series(code string, first int, values ...float64) []marts.IndicateursCles {
	var out []marts.IndicateursCles
	for k, v := range values {
		i := marts.IndicateursCles{Annee: first + k, Code: code, Libelle: indicatorInfo[code][0], Unite: indicatorInfo[code][1],
			Theme: "assistants maternels", Valeur: sql.NullFloat64{Float64: v, Valid: v == v}}
		out = append(out, i)
	}
	return out
}

// with sets the state of the data of one year of a series.
func with(all []marts.IndicateursCles, year int, donnees string) []marts.IndicateursCles {
	for k := range all {
		if all[k].Annee == year {
			all[k].Donnees = donnees
		}
	}
	return all
}

func sentences(kind docKind, b *marts.Bundle, year int, shown []int, commune marts.DimCommune) []string {
	s := newScope(kind, b, year, shown)
	s.commune = commune
	var out []string
	for _, f := range s.facts() {
		out = append(out, f.sentence)
	}
	return out
}

const (
	trendAM   = "Assistants maternels en activité au 31 décembre : en baisse chaque année depuis 2019, 453 en 2025 contre 596 en 2019 (−24,0\u00a0%)."
	renewal   = "Un nouvel agrément pour trois départs en 2025 : 17 nouveaux agréments, 51 cessations d'activité."
	age55     = "45,0\u00a0% des assistants maternels ont 55 ans ou plus en 2025 : leurs départs en retraite sont à prévoir dans les dix ans."
	occupied  = "Le taux d'occupation réel des EAJE est de 69,2\u00a0% en 2025, sous le seuil de 70\u00a0% : des heures d'accueil possibles restent inoccupées."
	cancelled = "29,2\u00a0% des sessions de formation programmées ont été annulées en 2025."
)

var amFalling = []float64{596, 570, 541, 510, 489, 470, 453}

// TestTerritoryRules checks the exact sentences of the brief's and the CTG's rules on hand-made
// indicators, and that nothing is said of a partial, missing or masked figure.
func TestTerritoryRules(t *testing.T) {
	v := func(x float64) sql.NullFloat64 { return sql.NullFloat64{Float64: x, Valid: true} }
	renewalOf := func(in, out, ratio float64) []marts.IndicateursCles {
		all := slices.Concat(series("nouveaux_agrements", 2025, in), series("cessations", 2025, out), series("ratio_renouvellement", 2025, ratio))
		if in > 0 && in < 5 { // what ReadAll does to a small count and the ratio computed from it
			all[0].Valeur, all[2].Valeur = v(marts.Masked), sql.NullFloat64{}
		}
		return all
	}
	tests := []struct {
		name       string
		indicators []marts.IndicateursCles
		eaje       []marts.EAJEOccupationAnnuelle
		want       []string
	}{
		{"nothing to say", series("am_actives", 2024, 470, 453), nil, nil},
		{"a fall every year", series("am_actives", 2019, amFalling...), nil, []string{trendAM}},
		{"a rise every year, in points", series("couverture_totale", 2022, 48, 50.2, 51.9, 53.6), nil,
			[]string{"Places (AM et EAJE) pour 100 enfants de moins de 3 ans : en hausse chaque année depuis 2022, 53,6 en 2025 contre 48 en 2022 (+5,6 points)."}},
		{"two years are no trend", series("am_actives", 2024, 600, 453), nil, nil},
		{"a stable year ends the trend", series("am_actives", 2019, 596, 570, 541, 510, 510, 470, 453), nil,
			[]string{"Assistants maternels en activité au 31 décembre : en baisse chaque année depuis 2023, 453 en 2025 contre 510 en 2023 (−11,2\u00a0%)."}},
		{"a partial year ends the trend", with(series("am_actives", 2019, amFalling...), 2023, "partiel"), nil, nil},
		{"a partial last year: no trend", with(series("am_actives", 2019, amFalling...), 2025, "partiel"), nil, nil},
		{"a missing year ends the trend", series("am_actives", 2019, 596, 570, 541, 510, 489, nan, 453), nil, nil},
		{"under 5 % in all: no trend", series("am_actives", 2022, 470, 465, 460, 455), nil, nil},
		{"one agrément for three departures", renewalOf(17, 51, 17.0/51), nil, []string{renewal}},
		{"one for two is not under the threshold", renewalOf(25, 50, 0.5), nil, nil},
		{"a masked count is never quoted", renewalOf(3, 12, 0.25), nil, nil},
		{"a partial ratio says nothing", with(renewalOf(17, 51, 17.0/51), 2025, "partiel"), nil, nil},
		{"AM of 55 and more", series("part_am_55_ans_plus", 2025, 0.45), nil, []string{age55}},
		{"AM of 55 and more, masked share", series("part_am_55_ans_plus", 2025, nan), nil, nil},
		{"AM of 55 and more, under 30 %", series("part_am_55_ans_plus", 2025, 0.299), nil, nil},
		{"occupation under 70 %", series("eaje_occupation_reelle", 2025, 0.6922), nil, []string{occupied}},
		{"occupation at 70 %", series("eaje_occupation_reelle", 2025, 0.70), nil, nil},
		{"occupation partial", with(series("eaje_occupation_reelle", 2025, 0.6922), 2025, "partiel"), nil, nil},
		{"training cancelled", series("taux_annulation", 2025, 0.2917), nil, []string{cancelled}},
		{"EAJE past the CAF's threshold", nil, []marts.EAJEOccupationAnnuelle{
			{Nom: "Halte-garderie itinérante « Le Bambibus »", Annee: 2025, TauxFacturation: v(1.0755), Donnees: "complet"},
			{Nom: "Halte-garderie itinérante « La Ronde Enfantine »", Annee: 2025, TauxFacturation: v(1.0728), Donnees: "complet"},
			{Nom: "Multi-accueil « A Pas de Loups »", Annee: 2025, TauxFacturation: v(1.0676), Donnees: "complet"},
		}, []string{"Le Bambibus (107,5\u00a0%) et La Ronde Enfantine (107,3\u00a0%) dépassent en 2025 le taux de facturation de 107\u00a0% au-delà duquel la CAF réduit son aide."}},
		{"a partial EAJE is left out", nil, []marts.EAJEOccupationAnnuelle{
			{Nom: "Halte-garderie itinérante « Le Bambibus »", Annee: 2025, TauxFacturation: v(1.0755), Donnees: "partiel"},
			{Nom: "Halte-garderie itinérante « La Ronde Enfantine »", Annee: 2025, TauxFacturation: v(1.0728), Donnees: "complet"},
			{Nom: "Multi-accueil « A Pas de Loups »", Annee: 2024, TauxFacturation: v(1.09), Donnees: "complet"},
		}, []string{"La Ronde Enfantine (107,3\u00a0%) dépasse en 2025 le taux de facturation de 107\u00a0% au-delà duquel la CAF réduit son aide."}},
		{"at most six, by priority", slices.Concat(series("am_actives", 2019, amFalling...), series("places_am", 2019, 1926, 1885, 1840, 1780, 1672, 1562, 1465),
			series("couverture_totale", 2019, 67.3, 65.9, 64.5, 62.5, 58.9, 55.2, 51.9), renewalOf(17, 51, 17.0/51),
			series("part_am_55_ans_plus", 2025, 0.45), series("eaje_occupation_reelle", 2025, 0.6922), series("taux_annulation", 2025, 0.2917)), nil,
			[]string{trendAM, "Places (AM et EAJE) pour 100 enfants de moins de 3 ans : en baisse chaque année depuis 2019, 51,9 en 2025 contre 67,3 en 2019 (−15,4 points).",
				renewal, age55, occupied, cancelled}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &marts.Bundle{InfosEntrepot: infos, IndicateursCles: tt.indicators, EAJEOccupationAnnuelle: tt.eaje}
			got := sentences(inBrief, b, 2025, yearsUpTo(2019, 2025), marts.DimCommune{})
			if !slices.Equal(got, tt.want) {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

var nan = func() float64 { var z float64; return z / z }()

// TestTrendOnlyOnYearsShown: a document that prints two years says no trend of seven.
func TestTrendOnlyOnYearsShown(t *testing.T) {
	b := &marts.Bundle{InfosEntrepot: infos, IndicateursCles: series("am_actives", 2019, amFalling...)}
	if got := sentences(inCTG, b, 2025, yearsUpTo(2024, 2025), marts.DimCommune{}); got != nil {
		t.Errorf("a trend from years not shown: %q", got)
	}
	if got := sentences(inCTG, b, 2025, yearsUpTo(2019, 2025), marts.DimCommune{}); !slices.Equal(got, []string{trendAM}) {
		t.Errorf("CTG: %q", got)
	}
}

func coverage(insee string, year, am, places int, taux float64) marts.CouvertureCommune {
	return marts.CouvertureCommune{Insee: insee, Annee: year, AM: am, PlacesAM: places, Taux: sql.NullFloat64{Float64: taux, Valid: taux == taux},
		Enfants: sql.NullInt64{Int64: 100, Valid: true}}
}

// communeBundle has five communes in 2025, Bergues' places falling since 2022, and the
// territory's coverage.
func communeBundle() *marts.Bundle {
	b := &marts.Bundle{InfosEntrepot: infos, DimCommune: communes, IndicateursCles: series("couverture_totale", 2025, 51.9)}
	b.CouvertureCommune = []marts.CouvertureCommune{
		coverage("59046", 2025, 6, 20, 40), coverage("59478", 2025, 0, 0, 0), coverage("59663", 2025, 40, 120, 75.04),
		coverage("59666", 2025, 12, 40, nan),
		coverage("59067", 2022, 39, 127, 65.1), coverage("59067", 2023, 36, 117, 60.3), coverage("59067", 2024, 33, 105, 54.0),
		coverage("59067", 2025, 30, 97, 75.0),
	}
	return b
}

// TestCommuneRules checks the sentences of commune pages.
func TestCommuneRules(t *testing.T) {
	missing := communeBundle()
	missing.Completude = []marts.Completude{{Code: "RPE", Type: "am_registre", Annee: 2025, Periode: "2025", Statut: "manquant"}}
	partial2023 := communeBundle()
	partial2023.Completude = []marts.Completude{{Code: "RPE", Type: "am_registre", Annee: 2023, Periode: "2023", Statut: "partiel"}}
	tests := []struct {
		name  string
		b     *marts.Bundle
		insee string
		want  []string
	}{
		{"rank ex aequo, gap and trend", communeBundle(), "59067", []string{
			"La commune est 1re sur 4 pour les places pour 100 enfants de moins de 3 ans (75,0 en 2025).",
			"Avec 75,0 places pour 100 enfants de moins de 3 ans en 2025, la commune est 23,1 points au-dessus de la moyenne du territoire (51,9).",
			"Places agréées chez les assistants maternels de la commune : en baisse chaque année depuis 2022, 97 en 2025 contre 127 en 2022 (−23,6\u00a0%).",
		}},
		{"no AM", communeBundle(), "59478", []string{
			"La commune est 4e sur 4 pour les places pour 100 enfants de moins de 3 ans (0,0 en 2025).",
			"Avec 0,0 places pour 100 enfants de moins de 3 ans en 2025, la commune est 51,9 points en dessous de la moyenne du territoire (51,9).",
			"Aucun assistant maternel agréé dans la commune au 31 décembre 2025.",
		}},
		{"close to the territory", communeBundle(), "59046", []string{
			"La commune est 3e sur 4 pour les places pour 100 enfants de moins de 3 ans (40,0 en 2025).",
			"Avec 40,0 places pour 100 enfants de moins de 3 ans en 2025, la commune est 11,9 points en dessous de la moyenne du territoire (51,9).",
		}},
		{"no coverage", communeBundle(), "59666", nil},
		{"register missing: nothing", missing, "59067", nil},
		{"a partial year ends the trend", partial2023, "59067", []string{
			"La commune est 1re sur 4 pour les places pour 100 enfants de moins de 3 ans (75,0 en 2025).",
			"Avec 75,0 places pour 100 enfants de moins de 3 ans en 2025, la commune est 23,1 points au-dessus de la moyenne du territoire (51,9).",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(inFiche, tt.b, 2025, []int{2025}, marts.DimCommune{Insee: tt.insee})
			if !slices.Equal(got, tt.want) {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// flat is a PDF's text on one line, spaces as pdftotext writes them made plain.
func flat(s string) string {
	s = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func plain(s string) string { return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s) }

// briefFixture is seven years of AM, their renewal and age, and the EAJE's occupation.
func briefFixture() *marts.Bundle {
	return &marts.Bundle{InfosEntrepot: infos, DimCommune: communes, IndicateursCles: slices.Concat(
		series("am_actives", 2019, amFalling...),
		series("nouveaux_agrements", 2025, 17), series("cessations", 2025, 51), series("ratio_renouvellement", 2025, 17.0/51),
		series("part_am_55_ans_plus", 2025, 0.45), series("eaje_occupation_reelle", 2025, 0.6922))}
}

// TestBriefHoldsTheBlock: the note's text holds the block, its sentences, and the years of the
// trend it cites.
func TestBriefHoldsTheBlock(t *testing.T) {
	b := briefFixture()
	m, err := Brief(Meta{Infos: infos, Sources: BriefSources}, b, 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, m))
	for _, want := range []string{"Ce qu'il faut retenir", trendAM, renewal, age55, occupied} {
		if !strings.Contains(text, plain(want)) {
			t.Errorf("the note lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "Les années des tendances citées Indicateur 2019 2020 2021 2022 2023 2024 2025 Assistants maternels") ||
		!strings.Contains(text, "596 570 541 510 489 470 453") {
		t.Errorf("the note does not print the years of its trend:\n%s", text)
	}
	if strings.Index(text, "Ce qu'il faut retenir") > strings.Index(text, "Évolution") {
		t.Error("the block is not at the top of the note")
	}
}

// TestNothingToRetain: with no rule that fires, the block says so rather than invent.
func TestNothingToRetain(t *testing.T) {
	b := &marts.Bundle{InfosEntrepot: infos, DimCommune: communes, IndicateursCles: series("am_actives", 2024, 470, 453)}
	m, err := CTG(Meta{Infos: infos, Sources: CTGSources}, b, 2024, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if text := flat(pdfText(t, m)); !strings.Contains(text, "Ce qu'il faut retenir Aucun fait marquant") {
		t.Errorf("the CTG's block does not say « Aucun fait marquant »:\n%s", text)
	}
}

// TestFicheHoldsTheBlock: a commune page holds its block and the territory's coverage it quotes.
func TestFicheHoldsTheBlock(t *testing.T) {
	b := communeBundle()
	m, err := Fiche(Meta{Infos: infos, Sources: FicheSources}, b, communes[1], 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, m))
	for _, want := range []string{
		"Ce qu'il faut retenir • La commune est 1re sur 4",
		"Places pour 100 enfants de moins de 3 ans 75,0 51,9",
		"la commune est 23,1 points au-dessus de la moyenne du territoire (51,9)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Bergues' page lacks %q:\n%s", want, text)
		}
	}
}

// TestRulesInGuide: the guide names every rule and its threshold.
func TestRulesInGuide(t *testing.T) {
	guide, err := os.ReadFile("../docs/guide-utilisateur.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(plain(string(guide)), "\n")
	for _, r := range rules {
		if r.condition == "" || r.template == "" {
			t.Errorf("the rule %s has no condition or no template", r.id)
		}
		k := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "`"+r.id+"`") })
		if k < 0 {
			t.Errorf("the guide does not name the rule %s", r.id)
			continue
		}
		if r.threshold != 0 && !strings.Contains(lines[k], plain(thresholdWords(r))) {
			t.Errorf("the guide's line of %s does not give its threshold %s:\n%s", r.id, thresholdWords(r), lines[k])
		}
	}
}

// thresholdWords writes a rule's threshold as the guide does.
func thresholdWords(r rule) string {
	switch {
	case r.id == "ecart_territoire":
		return strconv.Itoa(int(r.threshold)) + " points"
	case r.id == "renouvellement":
		return frfmt.Decimal(r.threshold, 1)
	}
	return frfmt.Percent(r.threshold, 0)
}

// TestFicheNamesCarryTheYear: the pages of another year do not overwrite this year's.
func TestFicheNamesCarryTheYear(t *testing.T) {
	b := communeBundle()
	b.DimCommune = communes[:1]
	docs, err := Generate(b, 2024)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	if !slices.Contains(names, "communes/fiche-59046-2024.pdf") || regexp.MustCompile(`fiche-\d+\.pdf`).MatchString(strings.Join(names, " ")) {
		t.Errorf("documents %q", names)
	}
}
