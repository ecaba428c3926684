package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"enfance/internal/testtool"
	"enfance/internal/warehouse"
)

var (
	trustDemoOnce sync.Once
	trustDemoDir  string
)

// trustDemo writes the demo's last two years once: the base every case below breaks.
func trustDemo(t *testing.T) string {
	t.Helper()
	trustDemoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "trust-demo-*")
		if err != nil {
			t.Fatal(err)
		}
		trustDemoDir = filepath.Join(dir, "exports")
		if r := enfance(t, "demo", "--out", trustDemoDir, "--from", "2024", "--to", "2025", "-q"); r.code != 0 {
			t.Fatal(r.stderr)
		}
	})
	return trustDemoDir
}

// copyExports copies the demo into a new folder, without its manifest (a case makes it other
// data than the demo's).
func copyExports(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "exports")
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// outputs is what a run printed and wrote: stdout, the PDFs' text, the dashboard.
type outputs struct {
	code                  int
	stdout, brief, bilan  string
	dashboard, workbook   string
	rejectsWorkbookExists bool
	out                   string
}

func runCase(t *testing.T, data string) outputs {
	t.Helper()
	return runCaseIn(t, data, t.TempDir())
}

// runCaseIn runs into a given output folder.
func runCaseIn(t *testing.T, data, out string) outputs {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"run", "--data", data, "--out", out}, strings.NewReader(""), &stdout, &stderr, clock)
	if code != exitOK && code != exitIncomplete {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	o := outputs{code: code, stdout: stdout.String(), out: out}
	o.brief = testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "brief-elus-2025.pdf"), "-")
	o.bilan = testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "bilan-caf-2025.pdf"), "-")
	html, err := os.ReadFile(filepath.Join(out, "dashboards", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	o.dashboard = string(html)
	o.workbook = workbookText(t, filepath.Join(out, "reports", "indicateurs-2025.xlsx"))
	_, err = os.Stat(filepath.Join(out, "reports", "rejets-2025.xlsx"))
	o.rejectsWorkbookExists = err == nil
	return o
}

// line finds the line of a PDF's text that starts with a label.
func line(text, label string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), label) {
			return l
		}
	}
	return ""
}

// TestMissingMonth: a month of presences that never came is shown as missing in every output,
// never as 0; the year's figures say they are partial; the run ends with code 4.
func TestMissingMonth(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	if err := os.Remove(filepath.Join(data, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-03.csv")); err != nil {
		t.Fatal(err)
	}
	o := runCase(t, data)
	if o.code != exitIncomplete || !strings.Contains(o.stdout, "données incomplètes : 1 export(s) attendu(s) pour 2025") {
		t.Errorf("exit %d, stdout:\n%s", o.code, o.stdout)
	}
	box := "« A Pas de Loups » (MA-LOUPS) : présences mars 2025 (manquant)"
	for name, text := range map[string]string{"brief": o.brief, "bilan": o.bilan} {
		if !strings.Contains(text, "Données incomplètes pour 2025") || !strings.Contains(text, box) {
			t.Errorf("the %s has no box naming the missing month:\n%.1500s", name, text)
		}
	}
	if l := line(o.brief, "Taux d'occupation réel des EAJE"); !strings.Contains(l, "(partiel)") || strings.Contains(l, "▼") {
		t.Errorf("the brief's occupation is not marked partial, or says it fell: %q", l)
	}
	if !regexp.MustCompile(`mars\s+21\s+6 300\s+manquant\s+–\s+–`).MatchString(strings.ReplaceAll(o.bilan, "\u202f", " ")) {
		t.Errorf("the bilan has no March row of A Pas de Loups marked missing:\n%s", o.bilan)
	}
	if !strings.Contains(o.dashboard, `id="donnees-incompletes"`) || !strings.Contains(o.dashboard, "mars (présences manquantes)") {
		t.Error("the dashboard does not say the month is missing")
	}
	if !strings.Contains(o.workbook, "eaje_presences\t2025-03\tmanquant") || !o.rejectsWorkbookExists {
		t.Errorf("the workbook's completeness sheet or the rejects workbook lacks the month")
	}
	db, err := warehouse.OpenReadOnly(filepath.Join(o.out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var hours, rate any
	var state string
	err = db.QueryRow(`SELECT heures_realisees, taux_occupation_reel, donnees FROM marts.eaje_occupation_mensuelle
		WHERE code_structure = 'MA-LOUPS' AND mois = DATE '2025-03-01'`).Scan(&hours, &rate, &state)
	if err != nil || hours != nil || rate != nil || state != "manquant" {
		t.Errorf("March in the monthly mart: hours %v, rate %v, %q (%v)", hours, rate, state, err)
	}
}

// TestMissingRegister: without the year's register of the AM, no AM figure of the year is
// published, never the year before's carried forward.
func TestMissingRegister(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	if err := os.Remove(filepath.Join(data, "rpe", "am_registre_2025.xlsx")); err != nil {
		t.Fatal(err)
	}
	// A year without closure days: its file holds the header alone, and is a complete export (the
	// open days without anybody then make some months partial).
	editFile(t, filepath.Join(data, "eaje", "MA-LOUPS", "eaje_fermetures_MA-LOUPS_2025.csv"), func(s string) string {
		return s[:strings.Index(s, "\n")+1]
	})
	o := runCase(t, data)
	if o.code != exitIncomplete {
		t.Errorf("exit %d", o.code)
	}
	for _, label := range []string{"Assistants maternels en activité au 31 décembre", "Nouveaux agréments", "Places agréées chez les assistants maternels"} {
		l := line(o.brief, label)
		if !regexp.MustCompile(`manquant\s+\d`).MatchString(l) || strings.Contains(l, "stable") || strings.Contains(l, "▼") {
			t.Errorf("the brief shows %q", l)
		}
	}
	if !strings.Contains(o.brief, "registre des assistants maternels 2025 (manquant)") {
		t.Error("the brief's box does not name the missing register")
	}
	if strings.Contains(o.brief, "jours de fermeture") {
		t.Error("a closures file without rows is taken for a missing export")
	}
	fiche := testtool.Run(t, "pdftotext", "-layout", filepath.Join(o.out, "reports", "communes", "fiche-59067-2025.pdf"), "-")
	if l := line(fiche, "Assistants maternels agréés au 31 décembre"); !strings.Contains(l, "manquant") {
		t.Errorf("Bergues' page shows %q", l)
	}
	f, err := excelize.OpenFile(filepath.Join(o.out, "reports", "rejets-2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Synthèse")
	if err != nil || !strings.Contains(fmt.Sprint(rows), "Relais Petite Enfance des Hauts de Flandre (RPE) registre des assistants maternels 2025 (manquant)") {
		t.Errorf("the rejects workbook's summary: %v (%v)", rows, err)
	}
}

// TestCompleteDemoExitsZero: the demo as written is complete: exit 0, no box, no rejects workbook.
func TestCompleteDemoExitsZero(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	o := baseRun(t)
	if o.code != exitOK || strings.Contains(o.brief, "Données incomplètes") || strings.Contains(o.dashboard, `id="donnees-incompletes"`) ||
		o.rejectsWorkbookExists || !strings.Contains(o.brief, "Données complètes") {
		t.Errorf("exit %d; box in the brief %v; rejects workbook %v", o.code, strings.Contains(o.brief, "Données incomplètes"), o.rejectsWorkbookExists)
	}
}

var (
	baseOnce sync.Once
	base     outputs
)

// baseRun is the run on the demo as written, that the cases below compare with.
func baseRun(t *testing.T) outputs {
	t.Helper()
	baseOnce.Do(func() { // its outputs outlive the test that makes them: later tests read them
		out, err := os.MkdirTemp("", "trust-base-*")
		if err != nil {
			t.Fatal(err)
		}
		base = runCaseIn(t, trustDemo(t), out)
	})
	return base
}

// editFile rewrites a file of the exports through fn.
func editFile(t *testing.T, path string, fn func(string) string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(fn(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameLine checks that a line of the brief reads as in the base run.
func sameLine(t *testing.T, got outputs, label string) {
	t.Helper()
	if g, w := line(got.brief, label), line(baseRun(t).brief, label); g != w || g == "" {
		t.Errorf("the brief shows\n%q\nwant, as without the case,\n%q", g, w)
	}
}

// TestOverlappingFile: a second file of the same crèche and month holding rows already loaded
// counts them once: March stays as it was, the doubled rows are rejects naming the first file.
func TestOverlappingFile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	march := filepath.Join(data, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-03.csv")
	b, err := os.ReadFile(march)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\r\n")
	part := strings.Join(lines[:301], "") // the header and 300 rows of the first file
	if err := os.WriteFile(strings.Replace(march, "2025-03", "2025-03_partie2", 1), []byte(part), 0o644); err != nil {
		t.Fatal(err)
	}
	o := runCase(t, data)
	if o.code != exitOK {
		t.Errorf("exit %d: duplicates rejected leave the month complete\n%s", o.code, o.stdout)
	}
	sameLine(t, o, "Taux d'occupation réel des EAJE")
	if !strings.Contains(o.stdout, "300 ligne(s) rejetée(s), ligne 2 : doublon de eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv, ligne 2") {
		t.Errorf("stdout does not name the duplicates:\n%s", o.stdout)
	}
	if !o.rejectsWorkbookExists {
		t.Error("no rejects workbook")
	}
}

// TestExportDatedNames: monthly files named with their export date are twelve months, not
// corrections of one another: the figures are those of the demo.
func TestExportDatedNames(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	folder := filepath.Join(data, "eaje", "MA-LOUPS")
	for m := 1; m <= 12; m++ {
		from := filepath.Join(folder, fmt.Sprintf("eaje_presences_MA-LOUPS_2025-%02d.csv", m))
		to := filepath.Join(folder, "eaje_presences_MA-LOUPS_"+time.Date(2025, time.Month(m+1), 0, 0, 0, 0, 0, time.UTC).Format("20060102")+".csv")
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
	}
	o := runCase(t, data)
	if o.code != exitOK || strings.Contains(o.stdout, "remplacé") {
		t.Errorf("exit %d\n%s", o.code, o.stdout)
	}
	sameLine(t, o, "Taux d'occupation réel des EAJE")
	sameLine(t, o, "Heures d'accueil réalisées en EAJE")
}

// TestAbsurdValues: an AM with 10 000 places and a presence dated 1900 are rejects with their
// reason; no figure and no year of the documents moves.
func TestAbsurdValues(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	register := filepath.Join(data, "rpe", "am_registre_2025.xlsx")
	f, err := excelize.OpenFile(register)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	placesCol, headerRow := -1, 0
	for i, r := range rows {
		for j, c := range r {
			if strings.Contains(strings.ToLower(c), "places") {
				placesCol, headerRow = j, i
			}
		}
		if placesCol >= 0 {
			break
		}
	}
	cell, _ := excelize.CoordinatesToCellName(placesCol+1, headerRow+2)
	if err := f.SetCellValue(f.GetSheetList()[0], cell, 10000); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(register); err != nil {
		t.Fatal(err)
	}
	editFile(t, filepath.Join(data, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-05.csv"), func(s string) string {
		return strings.Replace(s, "/05/2025;", "/05/1900;", 1)
	})
	o := runCase(t, data)
	sameLine(t, o, "Places d'assistants maternels pour 100 enfants de moins")
	for _, want := range []string{"am_registre_2025.xlsx : 1 ligne(s) rejetée(s)", "eaje_presences_MA-LOUPS_2025-05.csv : 1 ligne(s) rejetée(s)"} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, o.stdout)
		}
	}
	ctg, _ := filepath.Glob(filepath.Join(o.out, "reports", "evaluation-ctg-*.pdf"))
	if len(ctg) != 1 || filepath.Base(ctg[0]) != "evaluation-ctg-2024-2025.pdf" {
		t.Errorf("CTG evaluations: %v", ctg)
	}
}

// TestUnknownStatuses: séjour registrations with statuses nobody knows are rejects; the fill
// rate computed from the rows left is marked partial, never shown as a fall.
func TestUnknownStatuses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	editFile(t, filepath.Join(data, "jeunesse", "sejours_inscriptions_2025.csv"), func(s string) string {
		return strings.ReplaceAll(s, ",present\n", ",venu_sur_place\n")
	})
	o := runCase(t, data)
	if o.code != exitIncomplete {
		t.Errorf("exit %d", o.code)
	}
	if l := line(o.brief, "Taux de remplissage des séjours"); !strings.Contains(l, "(partiel)") || strings.Contains(l, "▼") {
		t.Errorf("the brief shows %q", l)
	}
	if !strings.Contains(o.brief, "inscriptions aux séjours 2025 (partiel)") {
		t.Error("the brief's box does not name the partial registrations")
	}
}

// TestAgesInWholeYears: a child's age on a day is the years lived, not the calendar years crossed
// (born in June 2020, 4 years old in February 2025): every presence of the demo agrees with the
// years-and-months reckoning, and some of them are the children date_diff('year') made older.
func TestAgesInWholeYears(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	db, err := warehouse.OpenReadOnly(filepath.Join(baseRun(t).out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var wrong, older int
	err = db.QueryRow(`SELECT
		count(*) FILTER (WHERE s.age <> year(r.date) - year(r.date_naissance) - CASE WHEN month(r.date) < month(r.date_naissance) THEN 1 ELSE 0 END),
		count(*) FILTER (WHERE date_diff('year', r.date_naissance, r.date) > s.age)
		FROM staging.acm_presences AS s
		JOIN raw.acm_presences AS r USING (code_structure, date, enfant, plage)`).Scan(&wrong, &older)
	if err != nil || wrong != 0 || older == 0 {
		t.Errorf("%d presences with another age than the years lived, %d a calendar count makes older (%v)", wrong, older, err)
	}
}

// TestCoverageByYear: a crèche opened in 2025 adds its places to its commune's coverage from
// 2025 on, never to the years before.
func TestCoverageByYear(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on two years of the demo")
	}
	data := copyExports(t, trustDemo(t))
	editFile(t, filepath.Join(data, "service", "structures.csv"), func(s string) string {
		return regexp.MustCompile(`(?m)^(MA-LOUPS,[^\n]*?)2008-09-01`).ReplaceAllString(s, "${1}2025-01-01")
	})
	o := runCase(t, data)
	db, err := warehouse.OpenReadOnly(filepath.Join(o.out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var before, after float64
	err = db.QueryRow(`SELECT sum(places_eaje) FILTER (WHERE annee = 2024), sum(places_eaje) FILTER (WHERE annee = 2025)
		FROM marts.couverture_commune WHERE commune_insee = (SELECT commune_insee FROM marts.dim_structure WHERE code_structure = 'MA-LOUPS')`).Scan(&before, &after)
	if err != nil || before != 0 || after == 0 {
		t.Errorf("EAJE places of the crèche's commune: %v in 2024, %v in 2025 (%v)", before, after, err)
	}
}
