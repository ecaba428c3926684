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
	leak := func(where, text string) {
		for _, m := range namePattern.FindAllString(text, -1) {
			if names[m] {
				t.Errorf("%s shows the name %q", where, m)
				return
			}
		}
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".pdf":
			leak(p, testtool.Run(t, "pdftotext", p, "-"))
		case ".html":
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			leak(p, string(b))
		case ".xlsx":
			leak(p, workbookText(t, p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	leak("warehouse and Parquet", warehouseText(t, out))
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
		if strings.Contains(string(b), secret) || strings.Contains(string(b), secret[:16]) {
			t.Errorf("%s holds the key of the pseudonyms", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(warehouseText(t, out), secret[:16]) {
		t.Error("the warehouse holds the key of the pseudonyms")
	}
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
		cols, _ := r.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if s, ok := v.(string); ok {
					b.WriteString(s + "\n")
				}
			}
		}
		r.Close()
	}
	return b.String()
}
