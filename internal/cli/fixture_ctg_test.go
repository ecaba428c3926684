package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"enfance/internal/config"
	"enfance/internal/testtool"
)

// ctgTerritory is a CTG from 2025 to 2026 (baseline 2024) with four targets.
const ctgTerritory = `[ctg]
premiere_annee = 2025
derniere_annee = 2026
[ctg.cibles]
eaje_occupation_reelle = 0.8
eaje_taux_facturation = 1.0
eaje_heures_realisees = 1200
am_actives = 20
`

// ctgRun runs the fixture with the crèche's December 2024 (see psuExports), July 2025 open and
// missing when withJuly, and the CTG above.
func ctgRun(t *testing.T, withJuly bool) (string, *sql.DB) {
	t.Helper()
	data := fixtureCopy(t)
	for name, content := range psuExports {
		if name == "eaje_capacites_CRECHE.csv" && !withJuly {
			content = strings.Replace(content, "CRECHE;01/07/2025;31/07/2025;lun|mar|mer|jeu|ven;08:00;18:00;10;\n", "", 1)
		}
		if err := os.WriteFile(filepath.Join(data, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	territory := filepath.Join(t.TempDir(), "territoire.toml")
	if err := os.WriteFile(territory, []byte(ctgTerritory), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	// A missing July makes 2025 incomplete; the 2024 exports other than the crèche's are missing
	// too, but 2024 is not the year described.
	want := 0
	if withJuly {
		want = exitIncomplete
	}
	if r := enfance(t, "run", "--config", territory, "--data", data, "--out", out, "--year", "2025", "-q"); r.code != want {
		t.Fatalf("run: exit %d, want %d\n%s%s", r.code, want, r.stdout, r.stderr)
	}
	return out, openWarehouse(t, out)
}

// TestFixtureCTG checks the CTG follow-up against figures worked out by hand. Baseline 2024: the
// crèche's December, 750 h réalisées and 800 h facturées for 2 100 h-places (occupation
// 750 / 2 100 = 35,7 %, facturation 800 / 750 = 106,7 %); 2025: its March, 1 460 h and 1 520 h
// for 2 000 h-places (73,0 % and 104,1 %). 2025 is one year of two from the baseline to 2026:
// half the way.
//   - occupation: expected 0,357 + (0,80 − 0,357) / 2 = 0,579; 0,730 is above: en bonne voie;
//   - facturation, a target below the baseline: expected 1,067 − (1,067 − 1,00) / 2 = 1,033;
//     1,041 is above: en retard;
//   - heures réalisées: 1 460 ≥ the target 1 200: cible atteinte;
//   - AM in activity: no AM register in 2024, no baseline: sans base.
//
// With July 2025 open and missing, 2025's occupation rests on partial data: données incomplètes.
func TestFixtureCTG(t *testing.T) {
	out, db := ctgRun(t, false)
	suivi := func(code, column string, year int) string {
		return `SELECT ` + column + ` FROM marts.ctg_suivi WHERE indicateur = '` + code + `' AND annee = ` + map[int]string{2024: "2024", 2025: "2025", 2026: "2026"}[year]
	}
	checks := []figure{
		{"base de l'occupation = 750 / 2 100", suivi("eaje_occupation_reelle", "valeur_base", 2025), 750.0 / 2100},
		{"occupation 2025 = 1 460 / 2 000", suivi("eaje_occupation_reelle", "valeur", 2025), 0.73},
		{"occupation attendue à mi-chemin", suivi("eaje_occupation_reelle", "valeur_attendue", 2025), 750.0/2100 + (0.8-750.0/2100)/2},
		{"facturation attendue à mi-chemin", suivi("eaje_taux_facturation", "valeur_attendue", 2025), 800.0/750 + (1-800.0/750)/2},
		{"cible des heures", suivi("eaje_heures_realisees", "cible", 2025), 1200},
	}
	checkFigures(t, db, checks)
	appreciations := []struct {
		code string
		year int
		want string
	}{
		{"eaje_occupation_reelle", 2024, "base"},
		{"eaje_occupation_reelle", 2025, "en bonne voie"},
		{"eaje_occupation_reelle", 2026, "à venir"},
		{"eaje_taux_facturation", 2025, "en retard"},
		{"eaje_heures_realisees", 2025, "cible atteinte"},
		{"am_actives", 2025, "sans base"},
		{"am_actives", 2026, "à venir"},
		{"acm_remplissage", 2025, "sans cible"},
	}
	for _, a := range appreciations {
		var got string
		if err := db.QueryRow(suivi(a.code, "appreciation", a.year)).Scan(&got); err != nil || got != a.want {
			t.Errorf("%s %d: %q (%v), want %q", a.code, a.year, got, err, a.want)
		}
	}
	files, _ := filepath.Glob(filepath.Join(out, "reports", "evaluation-ctg-*-2025.pdf"))
	if len(files) != 1 {
		t.Fatalf("CTG evaluations: %v", files)
	}
	ctg := flatText(testtool.Run(t, "pdftotext", "-layout", files[0], "-"))
	for _, want := range []string{
		"Suivi des objectifs de la convention",
		"Convention 2025–2026, base 2024.",
		"Taux d'occupation réel des EAJE 35,7 % 73,0 % – 80,0 % en bonne voie (2025)",
		"Taux de facturation des EAJE 106,7 % 104,1 % – 100,0 % en retard (2025)",
		"cible atteinte (2025)",
		"données incomplètes n'est jamais dite en bonne voie",
		// The children of Bergues: at the crèche, the 6 of December 2024 and the 8 of March 2025;
		// at the ALSH and the séjour, 14 and 8 in 2025, and 2024 not received.
		"Commune EAJE EAJE ACM ACM Séjours Séjours 2024 2025 2024 2025 2024 2025 Bergues 6 8manquant 14manquant 8",
		// Coverage: this tool's 84 places for 100 children in 2025, of which 64 at AM and 84 − 64 = 20
		// in EAJE, beside the CNAF's 2023 figures of the reference file, named as unverified.
		"2025 84,0 20,0 64,0 cet outil : places agréées des",
		"Hauts de Flandre (cet outil)",
		"CC des Hauts de Flandre (CNAF) 2023 79,5 9,0 56,8 CNAF, taux de couverture global 2023, source secondaire « à vérifier sur data.caf.fr »",
		"la garde à domicile",
	} {
		if !strings.Contains(ctg, want) {
			t.Errorf("the CTG evaluation lacks %q:\n%s", want, ctg)
		}
	}
	rows := workbookRows(t, out, "CTG suivi")
	if !strings.Contains(rows, "eaje_occupation_reelle;Taux d'occupation réel des EAJE;taux;2025;2024;35.7%;complet;80.0%;2026;73.0%;complet;57.9%;en bonne voie") {
		t.Errorf("the workbook's CTG sheet:\n%s", rows)
	}

	// The CNAF file of the embedded reference folder: five EPCI, the territory's marked.
	var epci int
	var cchf float64
	if err := db.QueryRow(`SELECT count(*), max(taux_couverture_global) FILTER (WHERE territoire AND NOT verifie) FROM marts.couverture_cnaf_epci`).Scan(&epci, &cchf); err != nil || epci != 5 || cchf != 79.5 {
		t.Errorf("CNAF coverage: %d EPCI, the territory's %v (%v); want 5 and 79,5 unverified", epci, cchf, err)
	}

	// A target may name every key indicator, and only those.
	codes, err := db.Query(`SELECT DISTINCT indicateur FROM marts.indicateurs_cles ORDER BY indicateur`)
	if err != nil {
		t.Fatal(err)
	}
	var inMart []string
	for codes.Next() {
		var c string
		if err := codes.Scan(&c); err != nil {
			t.Fatal(err)
		}
		inMart = append(inMart, c)
	}
	codes.Close()
	if known := slices.Sorted(slices.Values(config.IndicatorCodes)); !slices.Equal(known, inMart) {
		t.Errorf("config.IndicatorCodes %v, the mart's codes %v", known, inMart)
	}

	_, partial := ctgRun(t, true)
	var got string
	if err := partial.QueryRow(suivi("eaje_occupation_reelle", "appreciation", 2025)).Scan(&got); err != nil || got != "données incomplètes" {
		t.Errorf("occupation on partial data: %q (%v), want « données incomplètes »", got, err)
	}
}
