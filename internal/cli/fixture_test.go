package cli

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"enfance/internal/golden"
	"enfance/internal/testtool"
	"enfance/internal/warehouse"
)

// figure is a value of the warehouse that a query gives, and the value worked out by hand.
type figure struct {
	why   string
	query string
	want  float64
}

// checkFigures runs each figure's query and compares its one value, never NULL, with the value
// worked out by hand.
func checkFigures(t *testing.T, db *sql.DB, figures []figure) {
	t.Helper()
	for _, c := range figures {
		var got sql.NullFloat64
		if err := db.QueryRow(c.query).Scan(&got); err != nil {
			t.Errorf("%s: %v", c.why, err)
			continue
		}
		if !got.Valid || math.Abs(got.Float64-c.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", c.why, got, c.want)
		}
	}
}

// workbookRows are the rows of a sheet of the year's workbook, each as its cells joined by ;.
func workbookRows(t *testing.T, out, sheet string) string {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(out, "reports", "indicateurs-2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ";") + "\n")
	}
	return b.String()
}

// buildFixture runs the pipeline on testdata/fixture, a hand-built territory whose figures are
// worked out below, and returns the output folder.
func buildFixture(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if r := enfance(t, "run", "--data", "testdata/fixture", "--out", out, "-q", "--strict"); r.code != 0 {
		t.Fatalf("run on the fixture: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return out
}

// TestFixtureFigures checks the marts against figures computed by hand from the fixture.
func TestFixtureFigures(t *testing.T) {
	out := buildFixture(t)
	db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checks := []figure{
		// The crèche: 10 places, 8:00 to 18:00, the 21 weekdays of March 2025 less the closed 31st.
		{"capacité = 10 places × 10 h × 20 jours", `SELECT capacite_theorique_heures FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 2000},
		{"jours d'ouverture", `SELECT jours_ouverture FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 20},
		{"8 enfants × 20 jours × 9,125 h réalisées = 1 460 h", `SELECT heures_realisees FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 1460},
		{"taux d'occupation réel = 1 460 / 2 000", `SELECT taux_occupation_reel FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 0.73},
		{"taux d'occupation financier = 160 × 9,5 / 2 000", `SELECT taux_occupation_financier FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 0.76},
		{"taux de facturation = 1 520 / 1 460", `SELECT taux_facturation FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 1520.0 / 1460},
		{"enfants par place = 8 / 10", `SELECT enfants_par_place FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 0.8},
		// The ALSH in the winter holidays: 20 places, 10 + 12 + 14 + 12 + 12 children over 5 days.
		{"enfants-jours", `SELECT presences_enfants_jours FROM marts.acm_frequentation WHERE periode = 'hiver-2025'`, 60},
		{"places-jours = 20 × 5", `SELECT capacite_places_jours FROM marts.acm_frequentation WHERE periode = 'hiver-2025'`, 100},
		{"remplissage = 60 / 100", `SELECT taux_remplissage FROM marts.acm_frequentation WHERE periode = 'hiver-2025'`, 0.6},
		{"4 enfants de moins de 6 ans venus les 5 jours : 20 / 60", `SELECT part_moins_6_ans FROM marts.acm_frequentation WHERE periode = 'hiver-2025'`, 20.0 / 60},
		{"enfants distincts", `SELECT enfants_distincts FROM marts.acm_frequentation WHERE periode = 'hiver-2025'`, 14},
		// The séjour: 10 places, 8 present, 1 withdrawal, 2 on the waiting list.
		{"remplissage du séjour = 8 / 10", `SELECT taux_remplissage FROM marts.sejours_remplissage`, 0.8},
		{"liste d'attente", `SELECT liste_attente FROM marts.sejours_remplissage`, 2},
		// The AM: AM01 to AM11 agréées before 2025; AM11 retires on 30 June; AM12 agréée in April.
		{"AM actives au 1er janvier", `SELECT am_actives_1er_janvier FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 11},
		{"ratio de renouvellement = 1 / 1", `SELECT ratio_renouvellement FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 1},
		{"taux de sortie = 1 / 11", `SELECT taux_sortie FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 1.0 / 11},
		{"places au 31 décembre = 4 + 2 + 8 × 3 + 2", `SELECT places_agreees FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 32},
		{"âge moyen = 539 / 11", `SELECT age_moyen FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 49},
		{"50 ans et plus : 65, 62, 57, 55, 53, 50", `SELECT part_50_ans_plus FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 6.0 / 11},
		{"55 ans et plus : 65, 62, 57, 55", `SELECT part_55_ans_plus FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 4.0 / 11},
		{"AM en MAM", `SELECT am_mam FROM marts.am_attractivite_annuelle WHERE antenne = 'territoire'`, 1},
		{"tranche 45-49 ans : 45 et 47 ans", `SELECT am FROM marts.am_pyramide_ages WHERE tranche_age = '45-49 ans'`, 2},
		{"départs à 64 ans en 2026 : AM01 (66 ans)", `SELECT departs_retraite_projetes FROM marts.am_projection_departs WHERE horizon = 1`, 1},
		{"départs en 2027 : AM02 atteint 64 ans", `SELECT departs_retraite_projetes FROM marts.am_projection_departs WHERE horizon = 2`, 1},
		{"places perdues en cinq ans = 4 + 2", `SELECT places_perdues_cumulees FROM marts.am_projection_departs WHERE horizon = 5`, 6},
		// Training: F1 (14 h, 3 present), F2 (7 h at a distance, 2 present), F3 cancelled.
		{"AM formées : AM01, AM02, AM03, AM05", `SELECT am_formees FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 4},
		{"taux de départ = 4 / 11", `SELECT taux_depart_formation FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 4.0 / 11},
		{"heures = 3 × 14 + 2 × 7", `SELECT heures_formation FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 56},
		{"part à distance = 14 / 56", `SELECT part_distanciel FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 0.25},
		{"sessions sous le minimum : F2 (2 < 3) et F3 (2 < 6)", `SELECT sessions_sous_minimum FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 2},
		{"remplissage des sessions réalisées = (4 + 2) / (8 + 8)", `SELECT taux_remplissage_sessions FROM marts.formation_annuelle WHERE antenne = 'territoire'`, 0.375},
		// The survey: 4 answers, 3 from AM who did not train.
		{"temps personnel cité par R1 et R2", `SELECT part_repondants FROM marts.freins_leviers WHERE code = 'temps_personnel'`, 0.5},
		{"parmi les non formées : R2 sur R2, R3, R4", `SELECT part_chez_non_formees FROM marts.freins_leviers WHERE code = 'temps_personnel'`, 1.0 / 3},
		{"un libellé devient son code", `SELECT reponses FROM marts.freins_leviers WHERE code = 'parent_facilitateur'`, 1},
		{"15 ans et plus : temps personnel cité par R1, pas par R4", `SELECT part_repondants FROM marts.freins_leviers_reponses WHERE code = 'temps_personnel' AND tranche_anciennete = '15_ans_plus'`, 0.5},
		{"les groupes redonnent les réponses de l'année", `SELECT sum(reponses) FROM marts.freins_leviers_reponses WHERE code = 'temps_personnel'`, 2},
		{"et ses répondants, sans double compte pour un code", `SELECT sum(repondants) FROM marts.freins_leviers_reponses WHERE code = 'temps_personnel'`, 4},
		// The relais: ateliers A1 and A2 held, A3 cancelled; AM01 came twice.
		{"AM venues aux ateliers / actives = 4 / 11", `SELECT taux_frequentation_am FROM marts.rpe_activite_annuelle`, 4.0 / 11},
		{"enfants venus = 2 + 1 + 2 + 1 + 3", `SELECT enfants_accueillis_ateliers FROM marts.rpe_activite_annuelle`, 9},
		{"AM par ETP = 11 / 0,5", `SELECT am_par_etp FROM marts.rpe_activite_annuelle`, 22},
		{"contacts professionnels", `SELECT contacts_professionnels FROM marts.rpe_activite_annuelle`, 2},
		// Coverage: Bergues has 20 AM places, the crèche's 10, and 40 children under 3.
		{"couverture de Bergues = 100 × 30 / 40", `SELECT taux_couverture FROM marts.couverture_commune WHERE commune_insee = '59067'`, 75},
		{"couverture de Bierne = 100 × 12 / 10, une estimation", `SELECT taux_couverture FROM marts.couverture_commune WHERE commune_insee = '59082' AND estimation`, 120},
		{"population par âge : l'estimation de Bierne", `SELECT effectif FROM marts.population_age WHERE commune_insee = '59082' AND millesime = 2025 AND tranche_age = '0_2' AND estimation`, 10},
		{"départs projetés de Bergues : AM01 et AM02", `SELECT sum(departs_retraite_projetes) FROM marts.am_projection_departs_communes WHERE commune_insee = '59067'`, 2},
		{"indicateur clé : AM actives", `SELECT valeur FROM marts.indicateurs_cles WHERE indicateur = 'am_actives'`, 11},
		// 19 exports and 3 reference files (communes, boundaries, the CNAF's coverage).
		{"qualité : tous les fichiers chargés", `SELECT count(*) FROM marts.qualite_donnees WHERE statut = 'charge' AND lignes_rejetees = 0`, 22},
	}
	checkFigures(t, db, checks)
	goldenMarts(t, db)
}

// goldenMarts compares every mart of the fixture with its golden CSV.
func goldenMarts(t *testing.T, db *sql.DB) {
	t.Helper()
	tables, err := warehouse.Tables(t.Context(), db, "marts")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range tables {
		if name == "carte_communes" || name == "infos_entrepot" {
			continue // boundaries are reference data; the build time changes
		}
		rows, err := db.Query("SELECT " + goldenColumns(t, db, name) + " FROM " + warehouse.Qualified("marts", name) + " ORDER BY ALL")
		if err != nil {
			t.Fatal(err)
		}
		cols, lines, err := warehouse.TextRows(rows, goldenCell)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString(strings.Join(cols, ";") + "\n")
		for _, cells := range lines {
			b.WriteString(strings.Join(cells, ";") + "\n")
		}
		golden.Check(t, "testdata/fixture.golden/"+name+".csv", []byte(b.String()))
	}
}

// goldenColumns selects every column of a mart but a pseudonym, which the test's random key
// changes at every run.
func goldenColumns(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	var pseudonyms int
	err := db.QueryRow(`SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = ? AND column_name = 'identifiant_am'`, name).Scan(&pseudonyms)
	if err != nil {
		t.Fatal(err)
	}
	if pseudonyms > 0 {
		return "* EXCLUDE (identifiant_am)"
	}
	return "*"
}

func goldenCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return fmt.Sprintf("%.6f", x)
	case interface{ Format(string) string }:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

// TestDataTestsFail breaks one mart at a time in a copy of the fixture's warehouse and checks
// that its data test fails: no test that cannot fail.
func TestDataTestsFail(t *testing.T) {
	out := buildFixture(t)
	published := filepath.Join(out, warehouse.FileName)
	tests := []struct{ name, breakSQL, message string }{
		{"taux hors bornes", `UPDATE marts.eaje_occupation_annuelle SET taux_occupation_financier = 1.5`, "chaque taux reste dans ses bornes"},
		{"occupation réelle au-delà de 100 %", `UPDATE marts.eaje_occupation_mensuelle SET taux_occupation_reel = 1.05`, "occupation réelle d'un EAJE entre 0 et 100 %"},
		{"mois et année", `UPDATE marts.eaje_occupation_annuelle SET heures_realisees = heures_realisees + 1`, "les mois reçus d'un EAJE font son année"},
		{"structure absente", `DELETE FROM marts.acm_frequentation`, "chaque structure du fichier structures a ses chiffres"},
		{"code orphelin", `UPDATE marts.dim_structure SET commune_insee = '99999' WHERE code_structure = 'SEJ'`, "aucun code orphelin"},
		{"effectifs", `UPDATE marts.am_attractivite_annuelle SET cessations = cessations + 1`, "les effectifs d'assistants maternels se suivent"},
		{"population", `UPDATE marts.dim_commune SET population = 0 WHERE commune_insee = '59067'`, "chaque commune a une population municipale positive"},
		{"niveaux", `UPDATE marts.rpe_temps_forts_annuels SET temps_forts = temps_forts + 1 WHERE niveau = 'territoire'`, "ne se comptent pas deux fois"},
		{"périodes d'une AM", `UPDATE marts.am_historique SET valide_au = DATE '2000-01-01' WHERE valide_du = DATE '2025-04-01'`, "l'histoire des assistants maternels est bien formée"},
		{"AM année par année", `UPDATE marts.am_annees SET nouvel_agrement = true WHERE age = 45`, "font les effectifs du territoire"},
		{"départs par commune", `UPDATE marts.am_projection_departs_communes SET departs_retraite_projetes = 2 WHERE horizon = 1 AND commune_insee = '59067'`, "font les effectifs du territoire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, published, filepath.Join(dir, warehouse.FileName))
			db, err := sql.Open("duckdb", filepath.Join(dir, warehouse.FileName))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(tt.breakSQL); err != nil {
				t.Fatal(err)
			}
			db.Close()
			r := enfance(t, "check", "--out", dir)
			if r.code != exitFailure || !strings.Contains(r.stderr, tt.message) {
				t.Errorf("check after %q: exit %d\n%s", tt.breakSQL, r.code, r.stderr)
			}
		})
	}
	if r := enfance(t, "check", "--out", out); r.code != 0 {
		t.Errorf("check on the intact fixture: exit %d\n%s", r.code, r.stderr)
	}
	// A key is the mart's PRIMARY KEY: a second row with it cannot even be written.
	dir := t.TempDir()
	copyFile(t, published, filepath.Join(dir, warehouse.FileName))
	db, err := sql.Open("duckdb", filepath.Join(dir, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO marts.dim_structure SELECT * FROM marts.dim_structure LIMIT 1`); err == nil || !strings.Contains(err.Error(), "Duplicate key") {
		t.Errorf("a second row with a key of marts.dim_structure: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDemoSeedFigures runs the pipeline on the demo's last year: the marts give the seed's AM
// figures and « un remplacement pour trois départs », and every data test passes.
func TestDemoSeedFigures(t *testing.T) {
	data, out := filepath.Join(t.TempDir(), "exports"), t.TempDir()
	if r := enfance(t, "demo", "--out", data, "--from", "2024", "--to", "2025", "-q"); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	if r := enfance(t, "run", "--data", data, "--out", out, "-q", "--strict"); r.code != 0 {
		t.Fatalf("run on the demo: exit %d\n%s", r.code, r.stderr)
	}
	r := enfance(t, "query", "--out", out, `SELECT am_actives_31_decembre, am_mam, places_agreees, round(ratio_renouvellement, 2) AS ratio
		FROM marts.am_attractivite_annuelle WHERE annee = 2025 AND antenne = 'territoire'`)
	want := "am_actives_31_decembre  am_mam  places_agreees  ratio\n453                     10      1465            0.33\n(1 ligne)\n"
	if r.stdout != want {
		t.Errorf("AM of the demo's last year:\n%s%s", r.stdout, r.stderr)
	}
	r = enfance(t, "query", "--out", out, `SELECT bool_and(donnees_demonstration) AS demo FROM marts.infos_entrepot`)
	if r.stdout != "demo\ntrue\n(1 ligne)\n" {
		t.Errorf("the warehouse does not know it holds demo data:\n%s", r.stdout)
	}
	brief := filepath.Join(out, "reports", "brief-elus-2025.pdf")
	text := strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", brief, "-"), "\u202f", " ")
	for _, want := range []string{
		"Note aux élus — Enfance-Jeunesse 2025",
		"DONNÉES DE DÉMONSTRATION",
		"Assistants maternels en activité au 31 décembre",
		"1 465",    // places agréées, written the French way
		"▼ −3,6 %", // 453 AM in activity against 470: 2024's 487 agréés less 14 sans accueil and 3 suspendues
		"Arrivées et départs d'assistants maternels",
		"Places d'accueil pour 100 enfants de moins de 3 ans, par commune",
		"page 1 sur 4", // with « Ce qu'il faut retenir » at the top
		"Définitions",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	if n := strings.Count(text, "DONNÉES DE DÉMONSTRATION"); n != 4 {
		t.Errorf("« données de démonstration » on %d pages of 4", n)
	}
	ctg := strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "evaluation-ctg-2024-2025.pdf"), "-"), "\u202f", " ")
	for _, want := range []string{"Évaluation CTG 2024–2025", "Petite enfance", "Assistants maternels", "Jeunesse", "470", "453",
		"Par commune : places (assistants maternels et EAJE) pour 100 enfants", "Quaëdypre"} {
		if !strings.Contains(ctg, want) {
			t.Errorf("the CTG evaluation lacks %q", want)
		}
	}
	bilan := strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "bilan-caf-2025.pdf"), "-"), "\u202f", " ")
	for _, want := range []string{
		"Bilan CAF 2025",
		"Multi-accueil « A Pas de Loups » — zone de facturation",
		"Accueils collectifs de mineurs (périodes déclarées)",
		"Séjour ski",
		"Freins et leviers à la formation",
		"Annexe : qualité des données",
		"eaje_presences",
	} {
		if !strings.Contains(bilan, want) {
			t.Errorf("the CAF evaluation lacks %q", want)
		}
	}
	// --year makes the documents of an earlier year held by the warehouse.
	r = enfance(t, "report", "--out", out, "--year", "2024", "-q")
	if r.code != 0 || !strings.Contains(r.stdout, "brief-elus-2024.pdf") || strings.Contains(r.stdout, "evaluation-ctg") {
		t.Fatalf("report --year 2024: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	text = strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "brief-elus-2024.pdf"), "-"), "\u202f", " ")
	if !strings.Contains(text, "Note aux élus — Enfance-Jeunesse 2024") || !regexp.MustCompile(`au 31 décembre\s+470\s`).MatchString(text) {
		t.Errorf("the brief of 2024 does not show 2024's 470 AM in activity:\n%s", text)
	}
}

// TestFixtureReports checks every report of the fixture through its text: figures as the marts
// give them, in French, a small count hidden, no Go-formatted number, well-formed PDFs with
// embedded fonts and page numbers.
func TestFixtureReports(t *testing.T) {
	out := buildFixture(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "reports", "*.pdf"))
	fiches, _ := filepath.Glob(filepath.Join(out, "reports", "communes", "fiche-*-2025.pdf"))
	if len(fiches) != 40 || len(pdfs) != 3 { // communes, brief and bilan; no CTG for a single year
		t.Fatalf("%d reports and %d commune pages, want 3 and 40", len(pdfs), len(fiches))
	}
	goFormatted := regexp.MustCompile(`\b\d+\.\d+\b`)
	for _, pdf := range append(pdfs, fiches[0], fiches[len(fiches)-1]) {
		text := testtool.Run(t, "pdftotext", "-layout", pdf, "-")
		if m := goFormatted.FindString(text); m != "" {
			t.Errorf("%s shows the Go-formatted number %s", filepath.Base(pdf), m)
		}
		if !regexp.MustCompile(`page 1 sur \d+`).MatchString(text) {
			t.Errorf("%s has no page number", filepath.Base(pdf))
		}
		testtool.Run(t, "qpdf", "--check", pdf)
		for _, line := range strings.Split(strings.TrimSpace(testtool.Run(t, "pdffonts", pdf)), "\n")[2:] {
			if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", filepath.Base(pdf), line)
			}
		}
	}
	bilan := testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "bilan-caf-2025.pdf"), "-")
	for _, line := range strings.Split(bilan, "\n") {
		if strings.Contains(line, "Séjour mer") && (!regexp.MustCompile(`<\s?5`).MatchString(line) || strings.Contains(line, " 2 ")) {
			t.Errorf("the séjour's waiting list of 2 is not hidden: %q", line)
		}
	}
	// The year's row adds up the months: 20 days, 2 000 place-hours, 1 460 realised and 1 520
	// billed hours.
	yearRow := regexp.MustCompile(`Année\s+20\s+2 000\s+1 460,0\s+1 520,0\s+73,0 %\s+76,0 %\s+104,1 %`)
	if !yearRow.MatchString(strings.ReplaceAll(bilan, "\u202f", " ")) {
		t.Errorf("the CAF evaluation's year row of the crèche does not add up its months:\n%s", bilan)
	}
	// Billed hours by régime: child 8's family is MSA, 20 days of 9,5 h = 190 h of the 1 520,
	// 12,5 %; the régime général the other 1 330 h, 87,5 %.
	if flat := strings.Join(strings.Fields(strings.ReplaceAll(bilan, "\u202f", " ")), " "); !strings.Contains(flat,
		"régime général 1 330,0 h (87,5 %) ; MSA 190,0 h (12,5 %)") {
		t.Errorf("the bilan does not give the billed hours by régime:\n%s", bilan)
	}
	// The relais: 2 ateliers, 1 cancelled, 4 AM venues (« < 5 », so their share is masked), 3
	// contacts with parents, and 11 AM agréés for 0,5 ETP = 22 AM per ETP.
	if !regexp.MustCompile(`Antenne A\s+2\s+1\s+<\s?5\s+–\s+3\s+22\n`).MatchString(bilan) {
		t.Errorf("the bilan's relais row:\n%s", bilan)
	}
	// The ACM's actes: 60 child-days of 8 hours each in the winter holidays = 480 hours.
	if !regexp.MustCompile(`du 24 février au\s+480,0\s+60\s+60,0 %`).MatchString(bilan) {
		t.Errorf("the bilan's ACM row does not give the actes in hours:\n%s", bilan)
	}
	for _, want := range []string{"73,0 %", "76,0 %", "104,1 %", "jusqu'à 107 %", "60,0 %", "80,0 %"} {
		if !strings.Contains(bilan, want) {
			t.Errorf("the CAF evaluation lacks %q", want)
		}
	}
	// A year without figures is refused before any document is written over the good ones.
	for _, cmd := range []string{"report", "dashboard"} {
		r := enfance(t, cmd, "--out", out, "--year", "2052")
		if want := "--year 2052 : l'entrepôt n'a de chiffres que pour 2025"; r.code != exitUsage || !strings.Contains(r.stderr, want) {
			t.Errorf("%s --year 2052: exit %d, stderr:\n%s\nwant exit %d and %q", cmd, r.code, r.stderr, exitUsage, want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "reports", "brief-elus-2052.pdf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a brief for 2052 was written (%v)", err)
	}
	brief := testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "brief-elus-2025.pdf"), "-")
	// The ACM's actes among the key figures: the 480 hours of the holidays and the 90 of the
	// Wednesdays, capped (see TestFixtureCAFDeclarations).
	if !regexp.MustCompile(`Actes en accueil de loisirs et périscolaire[^\n]*\s570\s`).MatchString(brief) {
		t.Errorf("the brief does not give the ACM's actes in hours:\n%s", brief)
	}
	// The crèche's billing rate, 1 520 / 1 460 h = 104,1 %, with its own zone.
	if flat := strings.Join(strings.Fields(brief), " "); !strings.Contains(flat, "Crèche des Moulins 104,1 %, zone jusqu'à 107 %") {
		t.Errorf("the brief does not give the crèche's billing rate and zone:\n%s", brief)
	}
	for _, want := range []string{"Assistants maternels en activité au 31 décembre", "49,0 ans"} {
		if !strings.Contains(brief, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	// 4 AM trained out of 11 is masked « < 5 »; the rate of 36,4 % would give the 4 back.
	for name, text := range map[string]string{"bilan": bilan, "brief": brief} {
		if strings.Contains(text, "36,4") {
			t.Errorf("the %s shows the training rate 36,4 %%, from which the masked count of trained AM is recomputed", name)
		}
	}
	// « Ce qu'il faut retenir »: F3 cancelled of 3 sessions; the share of AM of 55 and more (4 of
	// 11, a masked count) says nothing.
	flat := strings.Join(strings.Fields(strings.ReplaceAll(brief, "\u202f", " ")), " ")
	if !strings.Contains(flat, "Ce qu'il faut retenir • 33,3 % des sessions de formation programmées ont été annulées en 2025. Indicateur") {
		t.Errorf("the brief's block is not the one sentence on cancelled sessions:\n%s", brief)
	}
	fiche := testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "communes", "fiche-59067-2025.pdf"), "-")
	for _, want := range []string{"Bergues — fiche commune 2025", "Crèche des Moulins", "75,0",
		"La commune est 2e sur 2 pour les places pour 100 enfants de moins de 3 ans (75,0 en 2025)."} {
		if !strings.Contains(fiche, want) {
			t.Errorf("Bergues' page lacks %q:\n%s", want, fiche)
		}
	}
}

// TestMissingExportsKeepThePublishedWarehouse: a mistyped exports folder must not replace a
// warehouse that holds exports with one that holds none.
func TestMissingExportsKeepThePublishedWarehouse(t *testing.T) {
	out := buildFixture(t)
	for _, cmd := range []string{"ingest", "run"} {
		r := enfance(t, cmd, "--data", filepath.Join(t.TempDir(), "exprots"), "--out", out, "-q")
		if r.code != exitUsage || !strings.Contains(r.stderr, "dossier des exports introuvable") || !strings.Contains(r.stderr, "est gardé tel quel") {
			t.Errorf("%s on a missing folder: exit %d\n%s", cmd, r.code, r.stderr)
		}
	}
	r := enfance(t, "query", "--out", out, "SELECT count(*) AS n FROM marts.eaje_occupation_mensuelle")
	if r.code != 0 || r.stdout == "n\n0\n(1 ligne)\n" {
		t.Errorf("the published marts were lost:\n%s%s", r.stdout, r.stderr)
	}
}
