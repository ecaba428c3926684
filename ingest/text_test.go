package ingest

import (
	"slices"
	"strings"
	"testing"
)

// TestFreeTextOnSeveralLines: a survey comment written on several lines, or with a tab, loads on
// one line, counted in the file's warnings; the rest of the answer is kept.
func TestFreeTextOnSeveralLines(t *testing.T) {
	file := "enquete_freins_leviers_2025.csv"
	db, sum := loadFiles(t, map[string]string{file: "reponse;date;a_suivi_formation;freins;commentaire\n" +
		"R1;03/03/2025;oui;temps_personnel;\"Trop loin.\r\nPas le samedi\tsurtout.\"\n" +
		"R2;04/03/2025;non;;Rien à signaler\n"})
	f := fileSummary(t, sum, file)
	if f.Loaded != 2 || f.Rejected != 0 {
		t.Fatalf("loaded %d, rejected %d: %s", f.Loaded, f.Rejected, f.FirstReason)
	}
	if !slices.ContainsFunc(f.Warnings, func(w string) bool { return strings.HasPrefix(w, "1 texte(s) libre(s) sur plusieurs lignes") }) {
		t.Errorf("warnings %v", f.Warnings)
	}
	var comment string
	if err := db.QueryRow(`SELECT commentaire FROM raw.enquete_freins_leviers WHERE reponse = 'R1'`).Scan(&comment); err != nil {
		t.Fatal(err)
	}
	if comment != "Trop loin. Pas le samedi surtout." {
		t.Errorf("comment %q", comment)
	}
}
