package transform

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantIs  error
		wantMsg string
	}{
		{"misnamed file", files("models/marts/Dim-Commune.sql", "SELECT 1"),
			ErrMisnamed, "t/models/marts/Dim-Commune.sql: misnamed file"},
		{"unknown layer", files("models/gold/x.sql", "SELECT 1"),
			ErrMisnamed, "t/models/gold/x.sql: misnamed file"},
		{"not sql", files("models/marts/x.txt", "SELECT 1"),
			ErrMisnamed, "t/models/marts/x.txt: misnamed file"},
		{"ddl", files("models/marts/x.sql", "-- description: x\n\nCREATE TABLE marts.x AS SELECT 1"),
			ErrDDL, "t/models/marts/x.sql:3: DDL in a model"},
		{"two statements", files("models/marts/x.sql", "SELECT 1;\nDROP TABLE raw.y"),
			ErrNotSelect, "t/models/marts/x.sql:1: a model is one SELECT statement: a second statement"},
		{"unknown dependency", files("models/marts/x.sql", "-- description: x\n-- depends: staging.foo\nSELECT * FROM staging.foo"),
			ErrUnknownDep, "t/models/marts/x.sql:2: depends: unknown model staging.foo"},
		{"undeclared reference", files("models/staging/a.sql", "SELECT 1", "models/marts/x.sql", "-- depends:\nSELECT *\nFROM staging.a"),
			ErrUndeclared, "t/models/marts/x.sql:3: reference not declared in depends: staging.a"},
		{"declared but unused", files("models/staging/a.sql", "SELECT 1", "models/marts/x.sql", "-- depends: staging.a\nSELECT 1"),
			ErrUnused, "t/models/marts/x.sql:1: depends: declared but never referenced: staging.a"},
		{"mart reading raw", files("models/marts/x.sql", "-- depends: raw.a\nSELECT * FROM raw.a"),
			ErrLayer, "t/models/marts/x.sql:1: depends: layer not allowed: marts may read only staging and marts, not raw.a"},
		{"self reference", files("models/staging/a.sql", "-- depends: staging.a\nSELECT * FROM staging.a"),
			ErrCycle, "t/models/staging/a.sql:1: dependency cycle: staging.a → staging.a"},
		{"whole cycle", files(
			"models/staging/a.sql", "-- depends: staging.c\nSELECT * FROM staging.c",
			"models/staging/b.sql", "-- depends: staging.a\nSELECT * FROM staging.a",
			"models/staging/c.sql", "-- description: c\n-- depends: staging.b\nSELECT * FROM staging.b"),
			ErrCycle, "t/models/staging/a.sql:1: dependency cycle: staging.a → staging.c → staging.b → staging.a"},
		{"bad header", files("models/staging/a.sql", "-- description x\nSELECT 1"),
			ErrHeader, "t/models/staging/a.sql:1: header: want « -- key: value »"},
		{"unknown header key", files("models/staging/a.sql", "-- dependson: raw.x\nSELECT 1"),
			ErrHeader, `t/models/staging/a.sql:1: header: unknown key "dependson"`},
		{"empty model", files("models/staging/a.sql", "-- description: rien\n"),
			ErrNotSelect, "t/models/staging/a.sql:2: a model is one SELECT statement: the file has no SQL"},
		{"test with unknown dependency", files("tests/t1.sql", "-- depends: marts.nope\nSELECT * FROM marts.nope"),
			ErrUnknownDep, "t/tests/t1.sql:1: depends: unknown model marts.nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys, "t")
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("Load error = %v, want errors.Is %v", err, tt.wantIs)
			}
			var me *ModelError
			if !errors.As(err, &me) {
				t.Fatalf("Load error %T is not a *ModelError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("Load error =\n  %s\nwant prefix\n  %s", err, tt.wantMsg)
			}
		})
	}
}

func TestOrderIsDeterministic(t *testing.T) {
	fsys := files(
		"models/marts/z.sql", "-- depends: staging.b, marts.y\nSELECT * FROM staging.b, marts.y",
		"models/marts/y.sql", "-- depends: staging.a\nSELECT * FROM staging.a",
		"models/marts/a.sql", "-- depends: staging.c\nSELECT * FROM staging.c",
		"models/staging/c.sql", "-- depends: raw.t\nSELECT * FROM raw.t",
		"models/staging/b.sql", "-- depends: staging.c\nSELECT * FROM staging.c",
		"models/staging/a.sql", "SELECT 1 AS 'raw.not_a_reference' -- staging.nor_this",
	)
	// Among the ready models, the first by name runs first.
	want := []string{"staging.a", "marts.y", "staging.c", "marts.a", "staging.b", "marts.z"}
	for range 20 { // map order changes from run to run: the result must not
		p, err := Load(fsys, "t")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range p.Models {
			got = append(got, m.Name())
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("order (-want +got):\n%s", diff)
		}
	}
}

func TestHeader(t *testing.T) {
	p, err := Load(files("models/marts/x.sql", `-- description: Une table
--   sur deux lignes.
-- depends: staging.a, staging.b
-- key: k1, k2
-- column k1: Premier
--    morceau de clé.
-- column k2: Second.
SELECT * FROM staging.a JOIN staging.b USING (k1)`,
		"models/staging/a.sql", "SELECT 1 AS k1", "models/staging/b.sql", "SELECT 1 AS k1, 2 AS k2"), "t")
	if err != nil {
		t.Fatal(err)
	}
	m := p.Model("marts.x")
	got := struct {
		Description string
		Depends     []Dep
		Key         []string
		Columns     []Column
		SQL         string
	}{m.Description, m.Depends, m.Key, m.Columns, m.SQL}
	want := struct {
		Description string
		Depends     []Dep
		Key         []string
		Columns     []Column
		SQL         string
	}{
		"Une table sur deux lignes.",
		[]Dep{{"staging.a", 3}, {"staging.b", 3}},
		[]string{"k1", "k2"},
		[]Column{{"k1", "Premier morceau de clé.", 5}, {"k2", "Second.", 7}},
		"SELECT * FROM staging.a JOIN staging.b USING (k1)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
}

func TestEmbeddedProjectLoads(t *testing.T) {
	p, err := Load(Files, DisplayRoot)
	if err != nil {
		t.Fatal(err)
	}
	if p.Model("marts.dim_commune") == nil {
		t.Error("marts.dim_commune is not a model")
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add("-- description: x\n-- depends: raw.a\nSELECT * FROM raw.a")
	f.Add("-- column a: b\n--   c\nWITH x AS (SELECT 1) SELECT * FROM x;")
	f.Add("SELECT '--', /* ; */ 1;")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := parseFile("f.sql", "staging", "f", text)
		if (m == nil) == (err == nil) {
			t.Fatalf("parseFile gave model %v and error %v: want exactly one", m, err)
		}
	})
}
