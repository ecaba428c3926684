package marts_test

import (
	"bytes"
	"database/sql"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"enfance/data"
	"enfance/ingest"
	"enfance/internal/config"
	"enfance/internal/marts"
	"enfance/internal/warehouse"
	"enfance/transform"
)

// reader is a call of collect or one in the package: the function that makes it, the row type
// it fills and the query it runs.
type reader struct {
	fn, row, query string
}

// readers finds every call of collect[T](…, "query") and one[T](…, "query") in the package's
// source.
func readers(t *testing.T) []reader {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	var out []reader
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				out = append(out, readersIn(fn)...)
			}
		}
	}
	return out
}

func readersIn(fn *ast.FuncDecl) []reader {
	var out []reader
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 3 {
			return true
		}
		index, ok := call.Fun.(*ast.IndexExpr)
		if !ok {
			return true
		}
		callee, _ := index.X.(*ast.Ident)
		row, _ := index.Index.(*ast.Ident)
		lit, _ := call.Args[2].(*ast.BasicLit)
		if callee == nil || row == nil || lit == nil || (callee.Name != "collect" && callee.Name != "one") {
			return true
		}
		query, _ := strconv.Unquote(lit.Value)
		out = append(out, reader{fn: fn.Name.Name, row: row.Name, query: query})
		return true
	})
	return out
}

// queryFiles are the names of the embedded queries, without .sql.
func queryFiles(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("queries/*.sql")
	if err != nil || len(paths) == 0 {
		t.Fatalf("queries/*.sql: %v", err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".sql"))
	}
	return names
}

// TestEveryQueryHasOneReader: each query file is run by exactly one reader, and each reader runs
// a query file.
func TestEveryQueryHasOneReader(t *testing.T) {
	files := queryFiles(t)
	byQuery := map[string][]reader{}
	for _, r := range readers(t) {
		byQuery[r.query] = append(byQuery[r.query], r)
		if !slices.Contains(files, r.query) {
			t.Errorf("%s runs the query %q, which is not in queries/", r.fn, r.query)
		}
	}
	for _, q := range files {
		if n := len(byQuery[q]); n != 1 {
			t.Errorf("queries/%s.sql is run by %d readers, want 1: %v", q, n, byQuery[q])
		}
	}
}

// TestQueriesMatchTheirRows runs every query on the fixture's warehouse and checks that its
// columns and the `col` tags of the row type its reader fills are the same, both ways.
func TestQueriesMatchTheirRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture's warehouse")
	}
	db := buildFixture(t)
	for _, r := range readers(t) {
		typ, ok := marts.RowTypes[r.row]
		if !ok {
			t.Errorf("%s fills %s, missing from RowTypes (export_test.go)", r.fn, r.row)
			continue
		}
		tags, err := marts.ColumnTags(typ)
		if err != nil {
			t.Errorf("%s: %v", r.row, err)
			continue
		}
		cols := columnsOf(t, db, r.query)
		for _, c := range cols {
			if _, ok := tags[c]; !ok {
				t.Errorf("queries/%s.sql: the column %q has no field in %s", r.query, c, r.row)
			}
		}
		for c := range tags {
			if !slices.Contains(cols, c) {
				t.Errorf("%s: the field tagged col:%q has no column in queries/%s.sql", r.row, c, r.query)
			}
		}
	}
}

// columnsOf runs a query and gives the names of its result's columns.
func columnsOf(t *testing.T, db *sql.DB, name string) []string {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), marts.Query(name))
	if err != nil {
		t.Fatalf("queries/%s.sql: %v", name, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatalf("queries/%s.sql: %v", name, err)
	}
	return cols
}

// buildFixture loads the reference data and internal/cli's fixture territory into an in-memory
// warehouse and builds its marts, as enfance run does (internal/cli, which no test but main's may
// import).
func buildFixture(t *testing.T) *sql.DB {
	t.Helper()
	ctx, logger := t.Context(), slog.New(slog.DiscardHandler)
	db, err := warehouse.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := warehouse.CreateSchemas(ctx, db); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	loader, err := ingest.New(ctx, db, logger)
	if err != nil {
		t.Fatal(err)
	}
	if err := loader.Reference(ctx, data.Reference(), "data/reference", cfg.Territoire.SirenEPCI); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	opts := ingest.Options{Dir: "../cli/testdata/fixture", Secret: bytes.Repeat([]byte{7}, 32), Today: today, Workers: 1}
	if _, err := loader.Exports(ctx, opts); err != nil {
		t.Fatal(err)
	}
	project, err := transform.Load(transform.Files, transform.DisplayRoot)
	if err != nil {
		t.Fatal(err)
	}
	params := transform.Params{Territoire: cfg.Territoire.Nom, SirenEPCI: cfg.Territoire.SirenEPCI, AnneeReference: 2025,
		SecretStatistique: cfg.Seuils.SecretStatistique, AgeRetraite: cfg.Seuils.AgeRetraite, ConstruitLe: today}
	if err := project.Run(ctx, db, params, logger); err != nil {
		t.Fatal(err)
	}
	return db
}
