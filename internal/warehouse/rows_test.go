package warehouse

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTextRows: the columns, then each row's values in column order, NULL given to cell as nil.
func TestTextRows(t *testing.T) {
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT * FROM (VALUES (1, 'a', NULL), (2, NULL, 2.5)) AS t(n, s, x) ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, lines, err := TextRows(rows, func(v any) string {
		if v == nil {
			return "NULL"
		}
		return fmt.Sprint(v)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"1", "a", "NULL"}, {"2", "NULL", "2.5"}}
	if diff := cmp.Diff([]string{"n", "s", "x"}, cols); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
