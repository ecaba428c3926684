package ingest

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"enfance/data"
)

// TestReferenceCNAF: the CNAF's coverage file of the embedded folder loads, a folder without it
// loads without it, and a rate that is not a number is refused at its line and column.
func TestReferenceCNAF(t *testing.T) {
	l, db := newLoader(t)
	if err := l.Reference(context.Background(), data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	var n int
	var cchf float64
	if err := db.QueryRow(`SELECT count(*), max(taux_couverture_global) FILTER (WHERE epci_siren = '200040954') FROM raw.reference_cnaf_couverture`).Scan(&n, &cchf); err != nil || n != 5 || cchf != 79.5 {
		t.Errorf("raw.reference_cnaf_couverture: %d rows, CCHF %v (%v); want 5 and 79,5", n, cchf, err)
	}

	without := fstest.MapFS{}
	with := fstest.MapFS{}
	for _, name := range []string{CommunesFile, ContoursFile} {
		b, err := fs.ReadFile(data.Reference(), name)
		if err != nil {
			t.Fatal(err)
		}
		without[name] = &fstest.MapFile{Data: b}
		with[name] = &fstest.MapFile{Data: b}
	}
	l2, db2 := newLoader(t)
	if err := l2.Reference(context.Background(), without, "ref", "200040954"); err != nil {
		t.Fatalf("a reference folder without the CNAF file: %v", err)
	}
	if err := db2.QueryRow(`SELECT count(*) FROM raw.reference_cnaf_couverture`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d CNAF rows without the file (%v)", n, err)
	}

	with[CNAFCoverageFile] = &fstest.MapFile{Data: []byte("epci_siren,epci_name,year,txcouv_global,txcouv_eaje,txcouv_am_ind,status\n" +
		"200040954,CC des Hauts de Flandre,2023,79.5,9.0,56.8,secondary_unverified\n200040947,CA Coeur de Flandre,2023,beaucoup,11.3,49.7,x\n")}
	l3, _ := newLoader(t)
	err := l3.Reference(context.Background(), with, "ref", "200040954")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "ref/"+CNAFCoverageFile+", ligne 3, colonne 4 (txcouv_global)") || !strings.Contains(err.Error(), "« beaucoup » n'est pas un taux de couverture") {
		t.Errorf("a bad rate: %v", err)
	}
}
