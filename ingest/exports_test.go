package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"enfance/data"
	"enfance/data/demo"
	"enfance/internal/exports"
	"enfance/internal/warehouse"
)

var testSecret = []byte("0123456789abcdef0123456789abcdef")

// testToday is the day of the run in tests, so that bounds and messages do not move with the clock.
var testToday = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

// ingestDir loads the reference data and the exports of dir into a new in-memory warehouse.
func ingestDir(t testing.TB, dir string, columns map[string]map[string]string) (*sql.DB, *Summary) {
	t.Helper()
	l, db := newLoader(t)
	ctx := context.Background()
	if err := l.Reference(ctx, data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	sum, err := l.Exports(ctx, Options{Dir: dir, Columns: columns, Secret: testSecret, Workers: 2, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	return db, sum
}

var demos = map[bool]string{}

// demoDir writes the demo of the last year once per test binary, with or without its errors.
func demoDir(t *testing.T, withErrors bool) string {
	t.Helper()
	if dir, ok := demos[withErrors]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "demo-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {}) // removed by TestMain
	if _, err := demo.Generate(demo.Options{Dir: dir, From: 2025, To: 2025, Seed: 7, Scale: 1, WithErrors: withErrors}); err != nil {
		t.Fatal(err)
	}
	demos[withErrors] = dir
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range demos {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

func queryInt(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestDemoLoadsWithoutRejects(t *testing.T) {
	db, sum := ingestDir(t, demoDir(t, false), nil)
	rows, files := sum.Rejected()
	if rows != 0 || files != 0 {
		t.Errorf("%d rows rejected and %d files refused in the demo", rows, files)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM raw.chargements WHERE lignes_lues <> lignes_chargees + lignes_rejetees`); n != 0 {
		t.Errorf("%d files break read = loaded + rejected", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM raw.chargements WHERE type_export NOT LIKE 'reference%' AND NOT demonstration`); n != 0 {
		t.Errorf("%d demo files not marked as demonstration data", n)
	}
	for _, k := range exports.Kinds {
		if k.Name == "eaje_heures_mensuelles" {
			continue // the demo's EAJE send daily presences; monthly statements are their alternative
		}
		if n := queryInt(t, db, "SELECT count(*) FROM "+warehouse.Qualified("raw", k.Name)); n == 0 {
			t.Errorf("raw.%s is empty", k.Name)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM raw.am_registre WHERE statut = 'active'`); n != 453 {
		t.Errorf("%d active AM loaded, want 453", n)
	}
}

// TestDemoErrorsGiveTheAnnouncedRejects: the rows --with-errors spoils are rejected, exactly.
func TestDemoErrorsGiveTheAnnouncedRejects(t *testing.T) {
	dir := demoDir(t, true)
	db, _ := ingestDir(t, dir, nil)
	f, err := os.Open(filepath.Join(dir, demo.RejectsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	want, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT fichier, ligne::VARCHAR, coalesce(colonne, ''), coalesce(valeur, ''), code_motif
		FROM raw.rejets ORDER BY fichier, ligne, colonne NULLS FIRST`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := [][]string{want[0]}
	for rows.Next() {
		rec := make([]string, 5)
		if err := rows.Scan(&rec[0], &rec[1], &rec[2], &rec[3], &rec[4]); err != nil {
			t.Fatal(err)
		}
		got = append(got, rec)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rejects (-announced +got):\n%s", diff)
	}
}

// TestNoNameReachesTheWarehouse reads every name of the exports and looks for it in every text
// column of the raw layer.
func TestNoNameReachesTheWarehouse(t *testing.T) {
	dir := demoDir(t, true)
	db, _ := ingestDir(t, dir, nil)
	names := personNames(t, dir)
	if len(names) < 1000 {
		t.Fatalf("only %d names read from the exports", len(names))
	}
	rows := make([][]driver.Value, 0, len(names))
	for _, n := range names {
		rows = append(rows, []driver.Value{n})
	}
	if _, err := db.Exec(`CREATE TABLE main.noms (nom VARCHAR)`); err != nil {
		t.Fatal(err)
	}
	if err := warehouse.Append(context.Background(), db, "main", "noms", rows); err != nil {
		t.Fatal(err)
	}
	cols, err := db.Query(`SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'raw' AND data_type = 'VARCHAR'`)
	if err != nil {
		t.Fatal(err)
	}
	var targets [][2]string
	for cols.Next() {
		var tbl, col string
		if err := cols.Scan(&tbl, &col); err != nil {
			t.Fatal(err)
		}
		targets = append(targets, [2]string{tbl, col})
	}
	cols.Close()
	for _, tc := range targets {
		// Whole cells everywhere; inside the text of the rejects and loads, whose messages quote values.
		match := "t." + warehouse.Ident(tc[1]) + " = n.nom"
		if tc[0] == "rejets" || tc[0] == "chargements" {
			match = "strpos(t." + warehouse.Ident(tc[1]) + ", n.nom) > 0"
		}
		q := "SELECT count(*) FROM " + warehouse.Qualified("raw", tc[0]) + " t JOIN main.noms n ON " + match
		if n := queryInt(t, db, q); n > 0 {
			t.Errorf("raw.%s.%s holds %d names", tc[0], tc[1], n)
		}
	}
}

// personNames reads the names in the person columns of every CSV export of dir.
func personNames(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		k, ok := exports.ForFile(d.Name())
		if err != nil || d.IsDir() || !ok || !strings.HasSuffix(p, ".csv") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		g, err := decodeCSV(b, nil)
		if err != nil {
			return err
		}
		cols, _, err := matchHeader(k, g.header, nil)
		if err != nil {
			return err
		}
		for i, c := range k.Columns {
			if c.Type != exports.Person || cols.at[i] < 0 {
				continue
			}
			for _, r := range g.records {
				seen[cols.field(r.fields, i)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(func(yield func(string) bool) {
		for n := range seen {
			if n != "" && !yield(n) {
				return
			}
		}
	})
}

func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	return to
}

func TestCopyCountsOnceAndCorrectionReplaces(t *testing.T) {
	base := demoDir(t, false)
	db, _ := ingestDir(t, base, nil)
	presences := queryInt(t, db, `SELECT count(*) FROM raw.eaje_presences`)
	march := queryInt(t, db, `SELECT count(*) FROM raw.eaje_presences WHERE code_structure = 'MA-LOUPS' AND month(date) = 3`)

	dir := copyTree(t, base)
	orig := filepath.Join(dir, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-03.csv")
	b, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "doublons"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "doublons", "eaje_presences_MA-LOUPS_2025-03 (2).csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	db2, sum := ingestDir(t, dir, nil)
	if got := queryInt(t, db2, `SELECT count(*) FROM raw.eaje_presences`); got != presences {
		t.Errorf("with a copy: %d presences, want %d", got, presences)
	}
	if i := slices.IndexFunc(sum.Files, func(f FileSummary) bool { return f.Status == StatusDuplicate }); i < 0 ||
		sum.Files[i].Detail != "même contenu que eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv : compté une fois" {
		t.Errorf("the copy is not reported as a duplicate: %+v", sum.Files)
	}

	// A corrected export of the same month, stamped later, without its last five lines.
	lines := strings.SplitAfter(string(b), "\r\n")
	corrected := strings.Join(lines[:len(lines)-6], "")
	if err := os.WriteFile(filepath.Join(dir, "eaje_presences_MA-LOUPS_2025-03_2026-01-15.csv"), []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	db3, sum := ingestDir(t, dir, nil)
	if got := queryInt(t, db3, `SELECT count(*) FROM raw.eaje_presences WHERE code_structure = 'MA-LOUPS' AND month(date) = 3`); got != march-5 {
		t.Errorf("after the correction: %d presences in March, want %d", got, march-5)
	}
	replaced := 0
	for _, f := range sum.Files {
		if f.Status == StatusReplaced && f.Detail == "remplacé par eaje_presences_MA-LOUPS_2025-03_2026-01-15.csv, plus récent" {
			replaced++
		}
	}
	if replaced != 1 {
		t.Errorf("%d files reported replaced by the correction, want the original (its copy is a duplicate)", replaced)
	}
}

func TestIngestIsDeterministic(t *testing.T) {
	dir := demoDir(t, true)
	digest := func() string {
		db, _ := ingestDir(t, dir, nil)
		var s string
		q := `SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY _chargement, _ligne)) FROM raw.acm_presences t`
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if a, b := digest(), digest(); a != b {
		t.Error("two loads of the same folder differ")
	}
}

// Of two identical files, the one kept is the one whose name says which export it is, whatever
// their order by path: « copie_mars.csv » sorts first, yet the month's own file is kept.
func TestDuplicateKeepsTheNameThatSaysItsPeriod(t *testing.T) {
	dir := copyTree(t, demoDir(t, false))
	orig := filepath.Join(dir, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-03.csv")
	b, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "copie_mars.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, sum := ingestDir(t, dir, nil)
	i := slices.IndexFunc(sum.Files, func(f FileSummary) bool { return f.Status == StatusDuplicate })
	if i < 0 || sum.Files[i].Path != "copie_mars.csv" ||
		sum.Files[i].Detail != "même contenu que eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv : compté une fois" {
		t.Errorf("the copy is not the duplicate: %+v", sum.Files[max(i, 0)])
	}
}
