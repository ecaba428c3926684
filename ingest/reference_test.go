package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"testing/fstest"

	"enfance/data"
	"enfance/internal/warehouse"
)

func newLoader(t testing.TB) (*Loader, *sql.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := warehouse.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := warehouse.CreateSchemas(ctx, db); err != nil {
		t.Fatal(err)
	}
	l, err := New(ctx, db, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return l, db
}

func TestReferenceLoadsTheTerritory(t *testing.T) {
	l, db := newLoader(t)
	if err := l.Reference(context.Background(), data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		query string
		want  int
	}{
		{"SELECT count(*) FROM raw.reference_communes", 40},
		{"SELECT sum(population) FROM raw.reference_communes", 53437},
		{"SELECT count(*) FROM raw.reference_populations", 200}, // 40 communes × millésimes 2019 to 2023
		{"SELECT sum(population) FROM raw.reference_populations WHERE annee = 2020", 53616},
		{"SELECT count(*) FROM raw.reference_contours", 40},
		{"SELECT count(*) FROM raw.chargements WHERE lignes_lues = lignes_chargees + lignes_rejetees AND lignes_lues = 40", 2},
		{"SELECT count(*) FROM raw.reference_communes WHERE _fichier = 'data/reference/communes.csv' AND _ligne BETWEEN 2 AND 41", 40},
		{"SELECT _ligne FROM raw.reference_communes WHERE nom = 'Quaëdypre'", 27},
	}
	for _, c := range checks {
		var got int
		if err := db.QueryRow(c.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if got != c.want {
			t.Errorf("%s = %d, want %d", c.query, got, c.want)
		}
	}
}

const header = "insee_code,name,population,population_year,population_totale,epci_siren,epci_name,commune_siren,departement,arrondissement,canton,pmun_2022\n"

func TestReferenceErrors(t *testing.T) {
	row := func(fields string) string {
		return header + "59046,Bambecque,845,2023,847,200040954,CCHF,215900465,59,594,5941,842\n" + fields
	}
	geo := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"59046","nom":"Bambecque"},"geometry":{"type":"Point","coordinates":[2.5,50.9]}}]}`
	tests := []struct {
		name, csv, geojson, want string
	}{
		{"missing column", strings.Replace(row(""), ",canton", "", 1), geo,
			"ref/communes.csv, ligne 1 : colonne(s) absente(s) de l'en-tête : canton"},
		{"not a number", row("59067,Bergues,abc,2023,3565,200040954,CCHF,215900671,59,594,5912,3543\n"), geo,
			"ref/communes.csv, ligne 3, colonne 3 (population) : « abc » n'est pas un nombre entier positif"},
		{"negative in an older year", row("59067,Bergues,3525,2023,3565,200040954,CCHF,215900671,59,594,5912,-3\n"), geo,
			"ref/communes.csv, ligne 3, colonne 12 (pmun_2022) : « -3 » n'est pas un nombre entier positif"},
		{"bad insee code", row("5906,Bergues,3525,2023,3565,200040954,CCHF,215900671,59,594,5912,3543\n"), geo,
			"ref/communes.csv, ligne 3, colonne 1 (insee_code) : « 5906 » n'est pas un code INSEE de commune (5 caractères)"},
		{"duplicate commune", row("59046,Bambecque,845,2023,847,200040954,CCHF,215900465,59,594,5941,842\n"), geo,
			"ref/communes.csv, ligne 3, colonne 1 (insee_code) : la commune 59046 figure déjà ligne 2"},
		{"another epci", row("59067,Bergues,3525,2023,3565,245900428,CUD,215900671,59,594,5912,3543\n"), geo,
			"ref/communes.csv, ligne 3, colonne 6 (epci_siren) : la commune appartient à l'EPCI 245900428, or le territoire configuré est l'EPCI 200040954"},
		{"broken quote", row("59067,\"Bergues,3525\n"), geo,
			"ref/communes.csv, ligne 3 : ligne CSV illisible au caractère 21 : guillemet (\") manquant ou en trop dans un champ entre guillemets"},
		{"no commune", header, geo, "ref/communes.csv : aucune commune dans le fichier"},
		{"empty file", "", geo, "ref/communes.csv, ligne 1 : en-tête illisible : EOF"},
		{"geojson not json", row(""), "<html>", "ref/communes.geojson : ce n'est pas une FeatureCollection GeoJSON lisible"},
		{"geojson of another commune", row(""), strings.Replace(geo, "59046", "59999", 1),
			"ref/communes.geojson : l'entité n° 1 a le code « 59999 », qui n'est pas une commune de communes.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := newLoader(t)
			fsys := fstest.MapFS{
				CommunesFile: {Data: []byte(tt.csv)},
				ContoursFile: {Data: []byte(tt.geojson)},
			}
			err := l.Reference(context.Background(), fsys, "ref", "200040954")
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v (%T), want an *InputError", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", err, tt.want)
			}
		})
	}
}

func TestReferenceMissingFile(t *testing.T) {
	l, _ := newLoader(t)
	err := l.Reference(context.Background(), fstest.MapFS{}, "ref", "200040954")
	if err == nil || !strings.HasPrefix(err.Error(), "ref/communes.csv : fichier de référence illisible") {
		t.Errorf("error = %v", err)
	}
}

func FuzzReferenceCommunes(f *testing.F) {
	f.Add([]byte(header + "59046,Bambecque,845,2023,847,200040954,CCHF,215900465,59,594,5941,842\n"))
	f.Add([]byte("\ufeff" + header + "59046,\"Bam\"\"becque\",845,2023,847,200040954,,,,,,\n"))
	f.Add([]byte("a,b\n\"\n"))
	f.Fuzz(func(t *testing.T, csv []byte) {
		f := &file{name: "f.csv", data: csv, out: map[string][][]driver.Value{}}
		err := f.communes("200040954")
		var ie *InputError
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("error %v is not an *InputError", err)
		}
		if err == nil && f.rows != len(f.out["reference_communes"]) {
			t.Fatalf("%d rows read, %d kept", f.rows, len(f.out["reference_communes"]))
		}
	})
}

// TestRawTablesDocumented: every table of the raw layer, and every column of an export kind's,
// says what it holds.
func TestRawTablesDocumented(t *testing.T) {
	_, db := newLoader(t)
	var tables, columns int
	if err := db.QueryRow(`SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' AND coalesce(comment, '') = ''`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM duckdb_columns() AS c JOIN duckdb_tables() AS t USING (schema_name, table_name)
		WHERE schema_name = 'raw' AND NOT starts_with(t.table_name, 'reference_') AND t.table_name NOT IN ('chargements', 'rejets')
		AND coalesce(c.comment, '') = ''`).Scan(&columns); err != nil {
		t.Fatal(err)
	}
	if tables+columns > 0 {
		t.Errorf("%d raw tables and %d columns of export kinds have no comment", tables, columns)
	}
}
