package ingest

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"enfance/internal/exports"
	"enfance/internal/golden"
	"enfance/internal/warehouse"
)

// TestEveryKind loads testdata/kinds, a few rows of each kind as the demo writes them (in their
// encodings, separators and the XLSX register), and compares each raw table with its golden
// copy: typed values, pseudonyms instead of names, birth dates cut to the month, lineage.
func TestEveryKind(t *testing.T) {
	db, sum := ingestDir(t, "testdata/kinds", nil)
	if rows, files := sum.Rejected(); rows+files > 0 {
		t.Fatalf("%d rows rejected, %d files refused: %+v", rows, files, sum.Files)
	}
	for _, k := range exports.Kinds {
		cols, lines := queryLines(t, db, "SELECT * FROM "+warehouse.Qualified("raw", k.Name)+" ORDER BY _fichier, _ligne")
		var b strings.Builder
		b.WriteString(strings.Join(cols, ";") + "\n")
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		n := len(lines)
		if n == 0 {
			t.Errorf("raw.%s is empty", k.Name)
		}
		golden.Check(t, "testdata/kinds.golden/"+k.Name+".csv", []byte(b.String()))
	}
}

// queryLines runs a query and gives its columns and its rows, each as its cells joined by ;.
func queryLines(t testing.TB, db *sql.DB, q string) (cols []string, lines []string) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, cells, err := warehouse.TextRows(rows, cellText)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		lines = append(lines, strings.Join(c, ";"))
	}
	return cols, lines
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case interface{ Format(string) string }:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}
