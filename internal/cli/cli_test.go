package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"enfance/internal/golden"
	"enfance/internal/testtool"
	"enfance/internal/warehouse"
)

var clock = func() time.Time { return time.Date(2026, 11, 29, 8, 30, 0, 0, time.UTC) }

// TestMain keeps the key of the pseudonyms out of the user's configuration folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "enfance-secret-*")
	if err != nil {
		panic(err)
	}
	os.Setenv("ENFANCE_SECRET", filepath.Join(dir, "secret"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// enfance runs the command line in process, with the test clock.
func enfance(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr, clock)
	return result{code, stdout.String(), stderr.String()}
}

// runOnce runs the whole pipeline on the reference data into a new folder.
func runOnce(t *testing.T) string {
	t.Helper()
	out, data := t.TempDir(), t.TempDir()
	r := enfance(t, "run", "--data", data, "--out", out, "-q")
	if r.code != 0 {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	golden.Check(t, "testdata/run.stdout.golden", []byte(strings.ReplaceAll(strings.ReplaceAll(r.stdout, out, "OUT"), data, "DATA")))
	return out
}

func TestRunEndToEnd(t *testing.T) {
	out := runOnce(t)

	t.Run("warehouse", func(t *testing.T) {
		db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n, total int
		var comment string
		if err := db.QueryRow(`SELECT count(*), sum(population) FROM marts.dim_commune`).Scan(&n, &total); err != nil {
			t.Fatal(err)
		}
		if n != 40 || total != 53437 {
			t.Errorf("marts.dim_commune: %d communes, %d inhabitants; want 40 and 53437", n, total)
		}
		if err := db.QueryRow(`SELECT comment FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = 'dim_commune'`).Scan(&comment); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(comment, "Les communes membres du territoire") {
			t.Errorf("comment on marts.dim_commune = %q", comment)
		}
		var raw int
		if err := db.QueryRow(`SELECT count(*) FROM raw.chargements WHERE lignes_lues = lignes_chargees + lignes_rejetees`).Scan(&raw); err != nil || raw != 3 { // communes, boundaries, CNAF coverage
			t.Errorf("raw.chargements: %d balanced loads (%v), want 3", raw, err)
		}
	})

	t.Run("parquet", func(t *testing.T) {
		r := enfance(t, "query", "--out", out, "SELECT count(*) AS marts FROM duckdb_tables() WHERE schema_name = 'marts'")
		files, _ := filepath.Glob(filepath.Join(out, "parquet", "*.parquet"))
		if want := "marts\n" + strconv.Itoa(len(files)) + "\n(1 ligne)\n"; r.stdout != want || len(files) < 5 {
			t.Errorf("parquet files %v for marts:\n%s", files, r.stdout)
		}
		if !slices.Contains(files, filepath.Join(out, "parquet", "dim_commune.parquet")) {
			t.Errorf("no dim_commune.parquet among %v", files)
		}
	})

	t.Run("pdf", func(t *testing.T) {
		pdf := filepath.Join(out, "reports", "communes.pdf")
		// pdftotext writes the narrow no-break space as a plain one.
		text := testtool.Run(t, "pdftotext", "-layout", pdf, "-")
		for _, want := range []string{
			"Les communes du territoire",
			"Quaëdypre",
			"Rexpoëde",
			"53 437", // the total, with its thousands separated
			"5 584",  // Wormhout
			"page 1 sur 1",
			"Communauté de Communes des Hauts de Flandre",
			"édité le 29 novembre 2026",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
		if pages := testtool.Run(t, "pdfinfo", pdf); !regexp.MustCompile(`Pages:\s+1\n`).MatchString(pages) {
			t.Errorf("pdfinfo:\n%s", pages)
		}
		for _, line := range strings.Split(strings.TrimSpace(testtool.Run(t, "pdffonts", pdf)), "\n")[2:] {
			if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", line)
			}
		}
		testtool.Run(t, "qpdf", "--check", pdf)
	})

	t.Run("html", func(t *testing.T) {
		html, err := os.ReadFile(filepath.Join(out, "dashboards", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(html, []byte("<script src")) {
			t.Error("the page loads a script from elsewhere")
		}
		if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?https?:`).Find(html); m != nil {
			t.Errorf("the page names an external URL: %s", m)
		}
		if !bytes.Contains(html, []byte("echarts.init(")) || len(html) < 1_000_000 {
			t.Errorf("ECharts is not inlined (%d bytes)", len(html))
		}
	})

	t.Run("schema", func(t *testing.T) {
		r := enfance(t, "schema", "--out", out)
		if r.code != 0 {
			t.Fatalf("schema: exit %d\n%s", r.code, r.stderr)
		}
		// docs/schema.md is this output: a change of a mart's documentation must regenerate it.
		golden.Check(t, "../../docs/schema.md", []byte(r.stdout))
	})
}

// TestStagesOneByOne also runs without an exports folder: the reference data alone must carry
// every stage, with empty raw tables for the exports.
func TestStagesOneByOne(t *testing.T) {
	out, data := t.TempDir(), filepath.Join(t.TempDir(), "absent")
	steps := []struct {
		args   []string
		stdout string
		lines  []string // lines stdout holds, when it is not given whole
	}{
		{[]string{"ingest"}, "exports : dossier absent, DATA\nentrepôt : OUT/warehouse.duckdb\n(couche raw seulement : lancez « enfance transform »)\n", nil},
		{[]string{"transform"}, "entrepôt : OUT/warehouse.duckdb\n", nil},
		{[]string{"transform"}, "entrepôt : OUT/warehouse.duckdb\n", nil}, // twice: it starts again from raw
		{args: []string{"check"}, lines: []string{"réussi                 marts.dim_commune key — la clé (commune_insee) de marts.dim_commune est unique et jamais vide",
			"réussi                 taux_dans_leurs_bornes — chaque taux reste dans ses bornes", "tests de données : tous réussis ("}},
		{[]string{"report"}, "rapport : OUT/reports/communes.pdf\nrapport : OUT/reports/brief-elus-2025.pdf\nrapport : OUT/reports/bilan-caf-2025.pdf\nrapport : OUT/reports/indicateurs-2025.xlsx\nfiches communes : 40 dans OUT/reports/communes\n", nil},
		{[]string{"dashboard"}, "tableau de bord : OUT/dashboards/index.html\n", nil},
		{[]string{"query", "SELECT nom_commune, population, population_millesime FROM marts.dim_commune ORDER BY population DESC LIMIT 3"},
			"nom_commune  population  population_millesime\nWormhout     5584        2023\nHondschoote  3957        2023\nBergues      3525        2023\n(3 lignes)\n", nil},
		{[]string{"query", "SELECT territoire, annee_reference, construit_le FROM marts.infos_entrepot"},
			"territoire                                   annee_reference  construit_le\nCommunauté de Communes des Hauts de Flandre  2025             2026-11-29 08:30:00\n(1 ligne)\n", nil},
		{[]string{"query", "--year", "2024", "SELECT 1 AS un"}, "un\n1\n(1 ligne)\n", nil},
		{[]string{"query", "--format", "csv", "SELECT nom_commune, population, NULL AS rien FROM marts.dim_commune ORDER BY population DESC LIMIT 2"},
			"nom_commune,population,rien\nWormhout,5584,\nHondschoote,3957,\n", nil},
		{[]string{"query", "--format", "json", "SELECT nom_commune, population, NULL AS rien, DATE '2025-03-01' AS mois FROM marts.dim_commune ORDER BY population DESC LIMIT 2"},
			"[\n  {\"nom_commune\": \"Wormhout\", \"population\": 5584, \"rien\": null, \"mois\": \"2025-03-01\"},\n  {\"nom_commune\": \"Hondschoote\", \"population\": 3957, \"rien\": null, \"mois\": \"2025-03-01\"}\n]\n", nil},
		{[]string{"query", "--format", "json", "SELECT 1 AS un WHERE false"}, "[]\n", nil},
		// Every mart has its key as a PRIMARY KEY, each column of it NOT NULL.
		{[]string{"query", `SELECT count(*) AS sans_cle FROM duckdb_tables() AS t WHERE schema_name = 'marts' AND NOT EXISTS (
			SELECT 1 FROM duckdb_constraints() AS c WHERE c.schema_name = 'marts' AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')`},
			"sans_cle\n0\n(1 ligne)\n", nil},
		// A year is an INTEGER in every mart, whatever computed it.
		{[]string{"query", `SELECT count(*) AS annees_non_entieres FROM duckdb_columns() WHERE schema_name = 'marts'
			AND (column_name IN ('annee', 'millesime') OR starts_with(column_name, 'annee_') OR ends_with(column_name, '_annee')) AND data_type <> 'INTEGER'`},
			"annees_non_entieres\n0\n(1 ligne)\n", nil},
		// Every other whole number is a BIGINT, and a date and time carries its time zone.
		{[]string{"query", `SELECT count(*) AS types_hors_contrat FROM duckdb_columns() WHERE schema_name = 'marts'
			AND NOT (column_name IN ('annee', 'millesime') OR starts_with(column_name, 'annee_') OR ends_with(column_name, '_annee'))
			AND data_type IN ('TINYINT', 'SMALLINT', 'INTEGER', 'HUGEINT', 'TIMESTAMP')`},
			"types_hors_contrat\n0\n(1 ligne)\n", nil},
		// Every mart states its grain, and every rate names its parts, columns of the same mart.
		{[]string{"query", `SELECT count(*) AS sans_grain FROM duckdb_tables() WHERE schema_name = 'marts' AND coalesce(comment, '') = ''`},
			"sans_grain\n0\n(1 ligne)\n", nil},
		{[]string{"query", `SELECT count(*) AS taux_sans_parts FROM duckdb_columns() AS c
			WHERE schema_name = 'marts' AND regexp_matches(column_name, '^(taux|part|ratio)_|_par_|^evolution$') AND NOT contains(comment, '[publié]')
			AND (NOT regexp_matches(comment, '\[parts : [a-z0-9_]+, [a-z0-9_]+\]') OR EXISTS (
				SELECT 1 FROM unnest(string_split(regexp_extract(comment, '\[parts : ([a-z0-9_]+, [a-z0-9_]+)\]', 1), ', ')) AS p(part)
				WHERE p.part NOT IN (SELECT column_name FROM duckdb_columns() AS o WHERE o.schema_name = 'marts' AND o.table_name = c.table_name)))`},
			"taux_sans_parts\n0\n(1 ligne)\n", nil},
		// publics holds every mart but the private ones, with the rows' masked columns.
		{[]string{"query", `SELECT count(*) AS publiques, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM duckdb_columns() AS c
			WHERE c.schema_name = 'publics' AND c.table_name = t.table_name AND c.column_name = 'colonnes_masquees')) AS sans_colonne
			FROM duckdb_tables() AS t WHERE schema_name = 'publics'`},
			"publiques  sans_colonne\n32         0\n(1 ligne)\n", nil},
		// The catalogue says of each model its layer, key, tests and the queries of the outputs that read it.
		{[]string{"query", "--format", "csv", `SELECT couche, cle, tests, lu_par FROM marts.catalogue WHERE modele = 'marts.couverture_commune'`},
			"couche,cle,tests,lu_par\nmarts,\"commune_insee, annee\",\"marts.couverture_commune key, taux_dans_leurs_bornes\",queries/couverture_commune.sql\n", nil},
	}
	for _, s := range steps {
		r := enfance(t, append(s.args, "--out", out, "--data", data, "-q")...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", s.args, r.code, r.stderr)
		}
		got := strings.ReplaceAll(strings.ReplaceAll(r.stdout, out, "OUT"), data, "DATA")
		for _, l := range s.lines {
			if !strings.Contains(got, l) {
				t.Errorf("%v: stdout lacks %q:\n%s", s.args, l, got)
			}
		}
		if s.lines == nil && got != s.stdout {
			t.Errorf("%v: stdout\n%s\nwant\n%s", s.args, got, s.stdout)
		}
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	empty, withFile, out := t.TempDir(), t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(withFile, "eaje_presences_2025-01.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	badConfig := filepath.Join(t.TempDir(), "t.toml")
	if err := os.WriteFile(badConfig, []byte("[seuils]\nage_retrait = 62\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outsideConfig := filepath.Join(t.TempDir(), "t.toml")
	if err := os.WriteFile(outsideConfig, []byte("[chemins]\nsortie = \"../../etc\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"reprot"}, exitUsage, "commande inconnue « reprot » ; vouliez-vous dire « report » ?"},
		{"unknown flag", []string{"run", "--annee", "2024"}, exitUsage, "option invalide : unknown flag: --annee"},
		{"bad year", []string{"run", "--year", "1900", "--out", out}, exitUsage, "territoire.annee_reference 1900 est hors de 2000 à 2100"},
		{"extra argument", []string{"check", "maintenant"}, exitUsage, "« enfance check » ne prend pas d'argument (reçu : [\"maintenant\"])"},
		{"quiet and verbose", []string{"version", "-q", "-v"}, exitUsage, "--quiet et --verbose s'excluent"},
		{"unknown config key", []string{"run", "--config", badConfig}, exitUsage, "clé inconnue « seuils.age_retrait »"},
		{"missing config", []string{"run", "--config", "/nonexistent/t.toml"}, exitUsage, "fichier de territoire illisible"},
		{"config path outside", []string{"run", "--config", outsideConfig}, exitUsage, "chemins.sortie « ../../etc » sort du dossier du fichier de territoire"},
		{"no warehouse yet", []string{"query", "SELECT 1", "--out", out}, exitFailure, "entrepôt introuvable : " + out},
		{"refused file under --strict", []string{"run", "--data", withFile, "--out", out, "--strict", "-q"}, exitRejected,
			"0 ligne(s) rejetée(s) et 1 fichier(s) refusé(s)"},
		{"bad sql", []string{"query", "SELEC 1", "--out", out, "--data", empty}, exitFailure, "entrepôt introuvable"},
		{"unknown query format", []string{"query", "--format", "xml", "SELECT 1", "--out", out}, exitUsage, "--format \"xml\" : table, csv ou json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := enfance(t, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", r.code, r.stderr, tt.code, tt.stderr)
			}
			if r.stdout != "" && tt.code == exitUsage {
				t.Errorf("stdout holds %q on failure", r.stdout)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, warehouse.FileName)); err == nil {
		t.Error("a failed run published a warehouse")
	}
}

// TestFailedDataTestKeepsThePublishedWarehouse runs a territory whose reference data break a
// data test: the run fails, prints the offending rows, and the last good warehouse stays.
func TestFailedDataTestKeepsThePublishedWarehouse(t *testing.T) {
	out := runOnce(t)
	r := enfance(t, "run", "--config", "testdata/reference-incoherente/territoire.toml", "--out", out, "--data", t.TempDir(), "-q")
	if r.code != exitFailure {
		t.Fatalf("exit %d, want %d\n%s", r.code, exitFailure, r.stderr)
	}
	for _, want := range []string{
		"test de données en échec : chaque commune a une population municipale positive",
		"transform/tests/communes_populations_positives.sql",
		"commune_insee | nom_commune | population | population_totale",
		"59067 | Bergues | 3525 | 3500",
		"1 test(s) de données en échec : l'entrepôt n'a pas été publié",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	q := enfance(t, "query", "SELECT count(*) AS communes FROM marts.dim_commune", "--out", out)
	if q.stdout != "communes\n40\n(1 ligne)\n" {
		t.Errorf("published warehouse after the failed run:\n%s%s", q.stdout, q.stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".build-") {
			t.Errorf("the failed run left %s", e.Name())
		}
	}
}

func TestVersion(t *testing.T) {
	r := enfance(t, "version")
	if r.code != 0 || !strings.Contains(r.stdout, "DuckDB v1.5.6") || !strings.Contains(r.stdout, "enfance ") {
		t.Errorf("version: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports")
	args := []string{"demo", "--out", dir, "--from", "2025", "--to", "2025", "--with-errors", "-q"}
	r := enfance(t, args...)
	if r.code != 0 {
		t.Fatalf("demo: exit %d\n%s", r.code, r.stderr)
	}
	want := regexp.MustCompile(`^exports de démonstration : DIR \(84 fichiers, 1[34]\d\x{202f}\d{3} lignes, 2025 à 2025\)\nrejets attendus : DIR/rejets-attendus.csv\npour la traiter : enfance run --data DIR\n$`)
	if got := strings.ReplaceAll(r.stdout, dir, "DIR"); !want.MatchString(got) {
		t.Errorf("stdout:\n%q\nwant it to match\n%s", got, want)
	}
	// A second run over its own output replaces it.
	if r := enfance(t, args...); r.code != 0 {
		t.Fatalf("demo over an earlier demo: exit %d\n%s", r.code, r.stderr)
	}
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "mes-exports.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = enfance(t, "demo", "--out", other)
	if r.code != exitUsage || !strings.Contains(r.stderr, "n'est pas vide et ne contient pas d'exports de démonstration") {
		t.Errorf("demo into a folder of real files: exit %d\n%s", r.code, r.stderr)
	}
	if r := enfance(t, "demo", "--out", t.TempDir(), "--from", "2010"); r.code != exitFailure || !strings.Contains(r.stderr, "le calendrier scolaire connu va de 2019 à 2025") {
		t.Errorf("demo from 2010: exit %d\n%s", r.code, r.stderr)
	}
}

// TestLogInFrench: warnings read as French for the person at the terminal, without a timestamp
// unless --verbose.
func TestLogInFrench(t *testing.T) {
	out, data := t.TempDir(), filepath.Join(t.TempDir(), "absent")
	r := enfance(t, "ingest", "--data", data, "--out", out)
	want := `niveau=attention message="dossier des exports absent : seules les données de référence sont chargées" dossier=` + data
	if r.code != 0 || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "time=") || strings.Contains(r.stderr, "heure=") {
		t.Errorf("exit %d, stderr:\n%s\nwant a line with %q and no time", r.code, r.stderr, want)
	}
	if r := enfance(t, "ingest", "--data", data, "--out", out, "-v"); !strings.Contains(r.stderr, "heure=") {
		t.Errorf("--verbose: no time in\n%s", r.stderr)
	}
}
