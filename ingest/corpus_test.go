package ingest

import (
	"fmt"
	"strings"
	"testing"

	"enfance/internal/golden"
)

// TestCorpus loads testdata/corpus, a folder of broken and odd exports, and compares what
// happened to each file and each rejected row with the golden French messages.
func TestCorpus(t *testing.T) {
	columns := map[string]map[string]string{"rpe_contacts": {"Jour du contact": "date"}}
	db, sum := ingestDir(t, "testdata/corpus", columns)
	var b strings.Builder
	for _, f := range sum.Files {
		fmt.Fprintf(&b, "%s [%s] %s : lues %d, chargées %d, rejetées %d", f.Path, f.Kind, f.Status, f.Read, f.Loaded, f.Rejected)
		if f.Detail != "" {
			fmt.Fprintf(&b, " — %s", f.Detail)
		}
		b.WriteString("\n")
		for _, w := range f.Warnings {
			fmt.Fprintf(&b, "    avertissement : %s\n", w)
		}
	}
	b.WriteString("\nrejets :\n")
	rows, err := db.Query(`SELECT fichier, ligne, coalesce(colonne, '-'), coalesce(valeur, '-'), code_motif, motif FROM raw.rejets ORDER BY fichier, ligne, colonne NULLS FIRST`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var file, col, val, code, reason string
		var line int
		if err := rows.Scan(&file, &line, &col, &val, &code, &reason); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:%d %s=%q [%s] %s\n", file, line, col, val, code, reason)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM raw.chargements WHERE lignes_lues <> lignes_chargees + lignes_rejetees`); n != 0 {
		t.Errorf("%d files break read = loaded + rejected", n)
	}
	golden.Check(t, "testdata/corpus.golden", []byte(b.String()))
}
