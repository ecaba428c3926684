package transform

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"enfance/internal/warehouse"
)

// rawDB is an in-memory warehouse whose raw.enfants holds a duplicate on purpose.
func rawDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := warehouse.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := warehouse.CreateSchemas(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE raw.enfants AS SELECT * FROM (VALUES ('a', 2), ('b', 3), ('b', 4)) t(code, age)`); err != nil {
		t.Fatal(err)
	}
	return db
}

var params = Params{Territoire: "Test", SirenEPCI: "200040954", AnneeReference: 2025,
	SecretStatistique: 5, AgeRetraite: 64, ConstruitLe: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}

const stagingEnfants = "-- depends: raw.enfants\n-- key: code\nSELECT code, age FROM raw.enfants"

const martAges = `-- description: Âges des enfants, l'un après l'autre.
-- depends: staging.enfants, staging.params
-- column code: Code de l'enfant.
-- column age: Âge en années.
-- column annee: Année de référence.
SELECT e.code, e.age, p.annee_reference AS annee FROM staging.enfants AS e, staging.params AS p`

func TestRunBuildsAndDocuments(t *testing.T) {
	db := rawDB(t)
	p, err := Load(files("models/staging/enfants.sql", stagingEnfants, "models/marts/ages.sql", martAges), "t")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), db, params, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	var comment, colComment string
	var rows int
	if err := db.QueryRow(`SELECT comment FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = 'ages'`).Scan(&comment); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT comment FROM duckdb_columns() WHERE table_name = 'ages' AND column_name = 'age'`).Scan(&colComment); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM marts.ages WHERE annee = 2025`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if comment != "Âges des enfants, l'un après l'autre." || colComment != "Âge en années." || rows != 3 {
		t.Errorf("comment %q, column comment %q, rows %d", comment, colComment, rows)
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name   string
		mart   string
		wantIs error
		want   string
	}{
		{"undocumented column", strings.Replace(martAges, "-- column annee: Année de référence.\n", "", 1),
			ErrUndocumented, "t/models/marts/ages.sql:5: column without a description: annee"},
		{"documented column missing", strings.Replace(martAges, "-- column age: Âge en années.", "-- column agee: Âge.", 1),
			ErrMissingColumn, "t/models/marts/ages.sql:4: documented column not in the result: agee"},
		{"sql error", strings.Replace(martAges, "e.age,", "e.nope,", 1),
			nil, "t/models/marts/ages.sql:6: Binder Error"},
		{"rate without its parts", strings.Replace(strings.Replace(martAges, "-- column age: Âge en années.", "-- column part_age: Âge sur 100.", 1), "e.age,", "e.age / 100 AS part_age,", 1),
			ErrContract, "t/models/marts/ages.sql:4: contract: part_age: a rate names its parts"},
		{"parts not in the mart", strings.Replace(strings.Replace(martAges, "-- column age: Âge en années.", "-- column part_age: Âge sur 100. [parts : age, cent]", 1), "e.age,", "e.age / 100 AS part_age,", 1),
			ErrContract, "t/models/marts/ages.sql:4: contract: part_age: [parts : …] names age, which is not a column"},
		{"ambiguous name", strings.Replace(strings.Replace(martAges, "-- column code: Code de l'enfant.", "-- column nom: Nom.", 1), "e.code,", "e.code AS nom,", 1),
			ErrContract, "t/models/marts/ages.sql:3: contract: nom: the name is ambiguous across marts"},
		{"timestamp without time zone", strings.NewReplacer("p.annee_reference AS annee", "p.annee_reference AS annee, TIMESTAMP '2025-01-01 10:00' AS vu_le",
			"-- column annee: Année de référence.", "-- column annee: Année de référence.\n-- column vu_le: Vu.").Replace(martAges),
			ErrContract, "t/models/marts/ages.sql:7: contract: vu_le: a date and time is a TIMESTAMPTZ"},
		{"missing raw table", strings.Replace(martAges, "staging.enfants,", "staging.enfants, staging.other,", 1) + " JOIN staging.other ON true",
			ErrUnknownDep, "t/models/staging/other.sql:1: depends: unknown model raw.absent: no such raw table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := files("models/staging/enfants.sql", stagingEnfants, "models/marts/ages.sql", tt.mart)
			if strings.Contains(tt.mart, "staging.other") {
				fsys["models/staging/other.sql"] = files("x", "-- depends: raw.absent\nSELECT 1 AS n FROM raw.absent")["x"]
			}
			p, err := Load(fsys, "t")
			if err != nil {
				t.Fatal(err)
			}
			err = p.Run(context.Background(), rawDB(t), params, slog.New(slog.DiscardHandler))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Run error =\n  %v\nwant prefix\n  %s", err, tt.want)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("Run error is not %v", tt.wantIs)
			}
		})
	}
}

func TestCheckReportsOffendingRows(t *testing.T) {
	db := rawDB(t)
	p, err := Load(files(
		"models/staging/enfants.sql", stagingEnfants,
		"models/marts/ages.sql", martAges,
		"tests/ages_positifs.sql", "-- description: un âge dépasse 3 ans\n-- depends: marts.ages\nSELECT code, age FROM marts.ages WHERE age > 3 ORDER BY code",
		"tests/vide.sql", "-- description: jamais\n-- depends: marts.ages\nSELECT * FROM marts.ages WHERE false",
	), "t")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), db, params, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	failures, err := p.Check(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	want := []Failure{
		{Test: "staging.enfants key", File: "t/models/staging/enfants.sql",
			Description: "la clé (code) de staging.enfants est unique et jamais vide",
			Columns:     []string{"code", "lignes"}, Rows: [][]string{{"b", "2"}}, Count: 1},
		{Test: "ages_positifs", File: "t/tests/ages_positifs.sql", Description: "un âge dépasse 3 ans",
			Columns: []string{"code", "age"}, Rows: [][]string{{"b", "4"}}, Count: 1},
	}
	if diff := cmp.Diff(want, failures); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

// One type per concept: a year is INTEGER whatever computed it, every other whole number BIGINT.
func TestRunNarrowsTypes(t *testing.T) {
	db := rawDB(t)
	mart := `-- description: Des nombres de types variés.
-- depends: staging.enfants
-- column annee: Année.
-- column annee_naissance: Année de naissance.
-- column enfants: Enfants.
-- column ages: Somme des âges.
-- column rang: Rang.
SELECT 2025::BIGINT AS annee, 2020::SMALLINT AS annee_naissance, count(*)::INTEGER AS enfants,
       sum(age::HUGEINT) AS ages, 1::TINYINT AS rang FROM staging.enfants`
	p, err := Load(files("models/staging/enfants.sql", stagingEnfants, "models/marts/nombres.sql", mart), "t")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), db, params, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := db.QueryRow(`SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) FROM duckdb_columns()
		WHERE schema_name = 'marts' AND table_name = 'nombres'`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "annee INTEGER, annee_naissance INTEGER, enfants BIGINT, ages BIGINT, rang BIGINT"; got != want {
		t.Errorf("types = %s\nwant    %s", got, want)
	}
}
