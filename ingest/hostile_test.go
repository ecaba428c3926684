package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileFiles feeds files too big to commit: a 100 Mo single line and a zip bomb posing
// as a workbook. Each is refused with a message, in bounded memory, and the folder's other
// files still load.
func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 Mo")
	}
	dir := t.TempDir()
	line := append(bytes.Repeat([]byte("a"), 100<<20), '\n')
	if err := os.WriteFile(filepath.Join(dir, "rpe_contacts_2020.csv"), line, 0o644); err != nil {
		t.Fatal(err)
	}
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for range 300 { // 300 Mo of zeros, a few hundred kilobytes once compressed
		if _, err := w.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "am_registre_2023.xlsx"), bomb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	good := "date;antenne;public\n02/01/2021;ANT-BERGUES;parent\n"
	if err := os.WriteFile(filepath.Join(dir, "rpe_contacts_2021.csv"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "antennes_rpe.csv"), []byte("code_antenne;nom;commune_insee\nANT-BERGUES;Bergues;59067\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, sum := ingestDir(t, dir, nil)
	want := map[string]string{
		"rpe_contacts_2020.csv": "colonne(s) obligatoire(s) absente(s) de l'en-tête",
		"am_registre_2023.xlsx": "classeur illisible",
	}
	for _, f := range sum.Files {
		if msg, ok := want[f.Path]; ok && (f.Status != StatusRefused || !strings.Contains(f.Detail, msg) || len(f.Detail) > 500) {
			t.Errorf("%s: %s, %.200s", f.Path, f.Status, f.Detail)
		}
		if f.Path == "rpe_contacts_2021.csv" && f.Loaded != 1 {
			t.Errorf("the good file loaded %d rows", f.Loaded)
		}
	}
}
