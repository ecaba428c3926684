package ingest

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"enfance/data"
)

// TestValuesAsWritten: structures by their code in any case, their name or the territory's
// mapping; communes by name, by the code a spreadsheet cut, or the mapping; a name two communes
// share, or none, is a reject that says where to declare it.
func TestValuesAsWritten(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"eaje_presences_MA-LOUPS_2025-03.csv": presenceHead +
			"ma-loups;03/03/2025;Rose RICHARD;24/02/2024;Wormhout;7,5;8\n" + // code in lower case, commune by name
			"Les Loups;04/03/2025;Rose RICHARD;24/02/2024;WORMHOUT;7,5;8\n" + // the structure's name
			"Crèche des Loups;05/03/2025;Rose RICHARD;24/02/2024;Wormhoudt;7,5;8\n" + // mapped name, mapped spelling
			"MA-LOUPS;06/03/2025;Rose RICHARD;24/02/2024;Paris;7,5;8\n", // no such commune
	}
	all := maps.Clone(service)
	maps.Copy(all, files)
	for name, content := range all {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, db := newLoader(t)
	ctx := context.Background()
	if err := l.Reference(ctx, data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	values := map[string]map[string]map[string]string{"eaje_presences": {
		"code_structure":    {"Crèche des Loups": "MA-LOUPS"},
		"commune_residence": {"Wormhoudt": "59663"},
	}}
	if _, err := l.Exports(ctx, Options{Dir: dir, Values: values, Secret: testSecret, Workers: 1, Today: testToday}); err != nil {
		t.Fatal(err)
	}
	_, got := queryLines(t, db, `SELECT code_structure || ' ' || strftime(date, '%d') || ' ' || commune_residence FROM raw.eaje_presences ORDER BY date`)
	want := []string{"MA-LOUPS 03 59663", "MA-LOUPS 04 59663", "MA-LOUPS 05 59663"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"5 commune_residence commune_inconnue"}, rejectsOf(t, db, "eaje_presences_MA-LOUPS_2025-03.csv")); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

// TestBoolAsWritten: a yes/no column reads oui and non as they are, and another writing through
// the territory's mapping only; a writing it does not declare is a reject.
func TestBoolAsWritten(t *testing.T) {
	dir := t.TempDir()
	all := maps.Clone(service)
	all["enquete_freins_leviers_2025.csv"] = "reponse;date;a_suivi_formation\n" +
		"R1;03/03/2025;Oui\nR2;04/03/2025;Formée\nR3;05/03/2025;peut-être\n"
	for name, content := range all {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, db := newLoader(t)
	ctx := context.Background()
	if err := l.Reference(ctx, data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	values := map[string]map[string]map[string]string{"enquete_freins_leviers": {"a_suivi_formation": {"Formée": "oui"}}}
	if _, err := l.Exports(ctx, Options{Dir: dir, Values: values, Secret: testSecret, Workers: 1, Today: testToday}); err != nil {
		t.Fatal(err)
	}
	_, got := queryLines(t, db, `SELECT reponse || ' ' || a_suivi_formation FROM raw.enquete_freins_leviers ORDER BY reponse`)
	if diff := cmp.Diff([]string{"R1 true", "R2 true"}, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"4 a_suivi_formation valeur_hors_liste"}, rejectsOf(t, db, "enquete_freins_leviers_2025.csv")); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}
