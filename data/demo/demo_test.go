package demo

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"enfance/internal/exports"
)

// generate writes the demo once per option set, shared by the tests of this file.
var generated = map[Options]string{}

func generate(t *testing.T, o Options) string {
	t.Helper()
	if dir, ok := generated[o]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "demo-*")
	if err != nil {
		t.Fatal(err)
	}
	o.Dir = dir
	if _, err := Generate(o); err != nil {
		t.Fatal(err)
	}
	o.Dir = ""
	generated[o] = dir
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range generated {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

var standard = Options{From: 2019, To: 2025, Seed: 1, Scale: 1}

// readCSV reads a generated CSV file whatever its encoding and separator, as a header and rows.
func readCSV(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		b, _ = charmap.Windows1252.NewDecoder().Bytes(b)
	}
	r := csv.NewReader(bytes.NewReader(b))
	if first, _, _ := strings.Cut(string(b), "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
		r.Comma = ';'
	}
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return records[0], records[1:]
}

func column(t *testing.T, header []string, label string) int {
	t.Helper()
	for i, h := range header {
		if h == label {
			return i
		}
	}
	t.Fatalf("no column %q in %v", label, header)
	return -1
}

func number(s string) float64 {
	f, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return f
}

// register reads a year's AM register from its XLSX, below its title block.
func register(t *testing.T, dir string, year int) ([]string, [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(dir, "rpe", "am_registre_"+strconv.Itoa(year)+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Registre")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Identifiant AM" {
			return r, rows[i+1:]
		}
	}
	t.Fatal("no header row in the register")
	return nil, nil
}

func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the demo twice")
	}
	one := generate(t, standard)
	two := t.TempDir()
	o := standard
	o.Dir = two
	if _, err := Generate(o); err != nil {
		t.Fatal(err)
	}
	if a, b := tree(t, one), tree(t, two); a != b {
		t.Error("two runs with the same seed wrote different files")
	}
}

// tree hashes every file of a folder, with its path.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		b.WriteString(rel + "\n")
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSeedFigures(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		o := standard
		o.Seed = seed
		dir := generate(t, o)
		header, rows := register(t, dir, 2025)
		status, places, mam := column(t, header, "Statut"), column(t, header, "Places agréées"), column(t, header, "MAM")
		active, inMAM, total := 0, 0, 0
		for _, r := range rows {
			if r[status] == "active" {
				active++
				total += int(number(r[places]))
				if len(r) > mam && r[mam] != "" {
					inMAM++
				}
			}
		}
		if active != 453 || inMAM != 10 || total != 1465 {
			t.Errorf("seed %d: register 2025 has %d active AM, %d in a MAM, %d places; want 453, 10, 1465", seed, active, inMAM, total)
		}
		_, sejours := readCSV(t, filepath.Join(dir, "jeunesse", "sejours_2025.csv"))
		sum := 0
		for _, r := range sejours {
			sum += int(number(r[5]))
		}
		if sum != 200 {
			t.Errorf("seed %d: %d séjour places in 2025, want 200", seed, sum)
		}
	}
}

func TestTerritoryFigures(t *testing.T) {
	dir := generate(t, standard)
	header, antennes := readCSV(t, filepath.Join(dir, "service", "antennes_rpe.csv"))
	etp, bergues, covered := 0.0, false, 0
	for _, a := range antennes {
		etp += number(a[column(t, header, "ETP animation")])
		bergues = bergues || a[2] == "59067"
		covered += len(strings.Split(a[3], "|"))
	}
	if len(antennes) != 4 || !bergues || covered != 40 || etp < 5.99 || etp > 6.01 {
		t.Errorf("antennes: %d, one in Bergues %v, %d communes covered, %.2f ETP", len(antennes), bergues, covered, etp)
	}
	header, agents := readCSV(t, filepath.Join(dir, "service", "agents_2025.csv"))
	rpeAgents, rpeETP := 0, 0.0
	for _, a := range agents {
		if a[column(t, header, "Structure")] == "RPE" {
			rpeAgents++
			rpeETP += number(a[column(t, header, "ETP")])
		}
	}
	if rpeAgents != 7 || rpeETP < 5.99 || rpeETP > 6.01 {
		t.Errorf("RPE: %d agents for %.2f ETP, want 7 for 6", rpeAgents, rpeETP)
	}
	_, structures := readCSV(t, filepath.Join(dir, "service", "structures.csv"))
	if len(structures) != 18 {
		t.Errorf("%d structures, want 18", len(structures))
	}
}

// TestShapes checks the realistic shapes the design asks for, recomputed from the files.
func TestShapes(t *testing.T) {
	dir := generate(t, standard)
	t.Run("AM departures about three times the new agréments", func(t *testing.T) {
		arrivals, departures := 0, 0
		for y := 2023; y <= 2025; y++ {
			header, rows := register(t, dir, y)
			for _, r := range rows {
				if strings.HasSuffix(r[column(t, header, "Date premier agrément")], strconv.Itoa(y%100)) {
					arrivals++
				}
				if r[column(t, header, "Statut")] == "cessation" {
					departures++
				}
			}
		}
		ratio := float64(departures) / float64(arrivals)
		t.Logf("2023–2025: %d departures for %d new agréments (%.2f)", departures, arrivals, ratio)
		if ratio < 2.5 || ratio > 3.5 {
			t.Errorf("2023–2025: %d departures for %d arrivals (%.2f)", departures, arrivals, ratio)
		}
	})
	t.Run("multi-accueil occupancy near 70 %", func(t *testing.T) {
		realised, days := 0.0, map[string]bool{}
		for m := 1; m <= 12; m++ {
			path := filepath.Join(dir, "eaje", "MA-LOUPS", "eaje_presences_MA-LOUPS_2025-"+twoDigits(m)+".csv")
			if _, err := os.Stat(path); err != nil {
				continue
			}
			header, rows := readCSV(t, path)
			for _, r := range rows {
				realised += number(r[column(t, header, "Heures réalisées")])
				days[r[1]] = true
			}
		}
		capacity := float64(len(days)) * (15*1 + 30*9 + 15*1)
		rate := realised / capacity
		t.Logf("multi-accueil 2025: %.0f hours realised for %.0f of capacity (%.3f)", realised, capacity, rate)
		if rate < 0.62 || rate > 0.8 {
			t.Errorf("occupancy %.3f over %d days", rate, len(days))
		}
	})
	t.Run("AM coverage of 2023 lands on the CNAF rate", func(t *testing.T) {
		header, rows := register(t, dir, 2023)
		places := 0
		for _, r := range rows {
			if r[column(t, header, "Statut")] != "cessation" {
				places += int(number(r[column(t, header, "Places agréées")]))
			}
		}
		_, pop := readCSV(t, filepath.Join(dir, "service", "population_age.csv"))
		children := 0
		for _, r := range pop {
			if r[1] == "2023" && r[2] == "0_2" {
				children += int(number(r[3]))
			}
		}
		rate := 100 * float64(places) / float64(children)
		t.Logf("AM coverage 2023: %d places for %d children under 3 (%.1f)", places, children, rate)
		if rate < 56.3 || rate > 57.3 {
			t.Errorf("AM coverage 2023 = %.1f (%d places, %d children under 3), want about 56.8", rate, places, children)
		}
	})
}

func twoDigits(n int) string { return strconv.Itoa(100 + n)[1:] }

// TestFormats checks that every kind is written, and in the encodings real software uses.
func TestFormats(t *testing.T) {
	dir := generate(t, standard)
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	kinds, formats := map[string]bool{}, map[string]bool{}
	for _, f := range m.Files {
		kinds[f.Kind], formats[f.Format] = true, true
		data, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		switch f.Format {
		case "csv-windows-1252":
			if utf8.Valid(data) && bytes.ContainsFunc(data, func(r rune) bool { return r > 127 }) {
				t.Errorf("%s is announced as Windows-1252 but is UTF-8", f.Path)
			}
		case "csv-utf-8-bom":
			if !bytes.HasPrefix(data, []byte("\ufeff")) || !utf8.Valid(data) {
				t.Errorf("%s is announced as UTF-8 with a BOM", f.Path)
			}
		case "xlsx":
			if !bytes.HasPrefix(data, []byte("PK")) {
				t.Errorf("%s is not a zip", f.Path)
			}
		}
	}
	for _, k := range exports.Kinds {
		// A month's statement replaces its daily presences: the demo sends presences, the
		// statements are tried in internal/cli/statements_test.go and ingest's variants.
		if !kinds[k.Name] && k.Name != "eaje_heures_mensuelles" {
			t.Errorf("no %s file", k.Name)
		}
	}
	for _, f := range []string{"csv-windows-1252", "csv-utf-8-bom", "csv-utf-8", "xlsx"} {
		if !formats[f] {
			t.Errorf("no file in format %s", f)
		}
	}
	if m.RowCount < 900_000 || !m.Demo {
		t.Errorf("%d rows, demo %v: want about a million rows marked as demo", m.RowCount, m.Demo)
	}
}

// TestWithErrors checks that --with-errors spoils exactly the rows it lists, at the line and
// column it gives.
func TestWithErrors(t *testing.T) {
	dir := generate(t, Options{From: 2025, To: 2025, Seed: 1, Scale: 1, WithErrors: true})
	header, rejects := readCSV(t, filepath.Join(dir, RejectsFile))
	if strings.Join(header, ";") != "fichier;ligne;colonne;valeur;motif" {
		t.Fatalf("header %v", header)
	}
	reasons := map[string]bool{}
	for _, r := range rejects {
		reasons[r[4]] = true
		_, rows := readCSV(t, filepath.Join(dir, r[0]))
		line, _ := strconv.Atoi(r[1])
		row := rows[line-2]
		switch {
		case r[4] == DuplicatedRow:
			if strings.Join(row, ";") != strings.Join(rows[line-3], ";") {
				t.Errorf("%s:%d is not a copy of the line above", r[0], line)
			}
		case !containsField(row, r[3]):
			t.Errorf("%s:%d holds %v, not the announced %q", r[0], line, row, r[3])
		}
	}
	for _, want := range []string{BadDate, NegativeHours, UnknownStruct, UnknownCommune, MissingRequired, DuplicatedRow, BadEnum} {
		if !reasons[want] {
			t.Errorf("no reject for %s", want)
		}
	}
	if len(rejects) != 7 {
		t.Errorf("%d rejects, want 7", len(rejects))
	}
	clean := generate(t, Options{From: 2025, To: 2025, Seed: 1, Scale: 1})
	if _, err := os.Stat(filepath.Join(clean, RejectsFile)); err == nil {
		t.Error("a demo without errors lists rejects")
	}
}

func containsField(row []string, value string) bool {
	for _, f := range row {
		if f == value {
			return true
		}
	}
	return false
}

// TestLabelsMatchTheRegistry: a header the demo writes must be recognised by the ingest, which
// compares headers without case, accents or punctuation.
func TestLabelsMatchTheRegistry(t *testing.T) {
	for _, k := range exports.Kinds {
		for _, c := range k.Columns {
			got := fold(label(c.Name))
			ok := got == c.Name
			for _, a := range c.Aliases {
				ok = ok || got == a
			}
			if !ok {
				t.Errorf("%s.%s: label %q folds to %q, neither its name nor an alias", k.Name, c.Name, label(c.Name), got)
			}
		}
	}
}

// fold lowers a header, drops its accents and turns everything else into underscores.
func fold(s string) string {
	r := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "à", "a", "â", "a", "ç", "c", "ô", "o", "î", "i", "ï", "i", "û", "u", "ù", "u", "ë", "e")
	s = r.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
