package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"enfance/data/demo"
	"enfance/internal/testtool"
	"enfance/internal/warehouse"
)

// namePattern finds « Prénom NOM » in a text, as the demo writes people.
var namePattern = regexp.MustCompile(`[\p{Lu}][\p{L}-]+ [\p{Lu}'’-]{2,}`)

// TestNoNameInAnyOutput runs the pipeline on the demo's last year and looks for the name of any
// person the demo can invent in every output: the warehouse (every text column of every
// schema), the Parquet copies, the PDFs' text, the workbook's cells and the dashboard.
func TestNoNameInAnyOutput(t *testing.T) {
	data, out := filepath.Join(t.TempDir(), "exports"), t.TempDir()
	if r := enfance(t, "demo", "--out", data, "--from", "2025", "--to", "2025", "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := enfance(t, "run", "--data", data, "--out", out, "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	names := map[string]bool{}
	for _, n := range demo.PossibleNames() {
		names[n] = true
	}
	for _, m := range namePattern.FindAllString(outputsText(t, out), -1) {
		if names[m] {
			t.Errorf("an output shows the name %q", m)
			break
		}
	}
	checkNoKey(t, out, outputsText(t, out))
}

// checkNoKey looks for the key of the pseudonyms, whole or its first half, in every byte of the
// outputs and in text.
func checkNoKey(t *testing.T, out, text string) {
	t.Helper()
	key, err := os.ReadFile(os.Getenv("ENFANCE_SECRET"))
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.TrimSpace(string(key))
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if strings.Contains(string(b), secret[:16]) {
			t.Errorf("%s holds the key of the pseudonyms", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, secret[:16]) {
		t.Error("the outputs hold the key of the pseudonyms")
	}
}

// outputsText is every text of the outputs: the warehouse (every text column of every schema)
// and its Parquet copies, the PDFs' text, the workbooks' cells and the dashboard.
func outputsText(t *testing.T, out string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".pdf":
			b.WriteString(testtool.Run(t, "pdftotext", p, "-"))
		case ".html":
			html, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.Write(html)
		case ".xlsx":
			b.WriteString(workbookText(t, p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString(warehouseText(t, out))
	return b.String()
}

func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

// warehouseText is every text value of the warehouse and of the Parquet copies.
func warehouseText(t *testing.T, out string) string {
	t.Helper()
	db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE data_type = 'VARCHAR' AND schema_name IN ('raw', 'staging', 'marts')`)
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for rows.Next() {
		var s, tb, c string
		if err := rows.Scan(&s, &tb, &c); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, "SELECT DISTINCT "+warehouse.Ident(c)+"::VARCHAR AS v FROM "+warehouse.Qualified(s, tb))
	}
	rows.Close()
	parquets, _ := filepath.Glob(filepath.Join(out, "parquet", "*.parquet"))
	for _, p := range parquets {
		sources = append(sources, "SELECT DISTINCT COLUMNS(*)::VARCHAR FROM read_parquet("+warehouse.Literal(p)+")")
	}
	var b strings.Builder
	for _, q := range sources {
		r, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		err = warehouse.EachRow(r, func(vals []any) error {
			for _, v := range vals {
				if s, ok := v.(string); ok {
					b.WriteString(s + "\n")
				}
			}
			return nil
		})
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}
