package transform

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"enfance/internal/warehouse"
)

// shownRows is how many offending rows a failed test keeps for its message.
const shownRows = 5

// Failure is a data test that returned rows.
type Failure struct {
	Test        string // tests/<name> or <model>: unique key
	File        string
	Description string
	Columns     []string
	Rows        [][]string // the first offending rows, as text
	Count       int        // all offending rows
}

// Check runs every data test: the unique and not-null test of each model key, then the files of
// tests/. It returns the failed ones; the error is for tests that could not run at all.
func (p *Project) Check(ctx context.Context, db *sql.DB) ([]Failure, error) {
	all, err := p.Outcomes(ctx, db)
	if err != nil {
		return nil, err
	}
	var failures []Failure
	for _, f := range all {
		if f.Count > 0 {
			failures = append(failures, f)
		}
	}
	return failures, nil
}

// Outcomes runs every data test, as Check does, and returns each one's outcome in order: a test
// whose Count is 0 passed.
func (p *Project) Outcomes(ctx context.Context, db *sql.DB) ([]Failure, error) {
	var out []Failure
	for _, t := range p.allTests() {
		f, err := runTest(ctx, db, t)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// allTests turns each model key into a test, followed by the test files.
func (p *Project) allTests() []*Model {
	var tests []*Model
	for _, m := range p.Models {
		if len(m.Key) == 0 {
			continue
		}
		keys := make([]string, len(m.Key))
		var nulls []string
		for i, k := range m.Key {
			keys[i] = warehouse.Ident(k)
			nulls = append(nulls, keys[i]+" IS NULL")
		}
		list := strings.Join(keys, ", ")
		tests = append(tests, &Model{
			Schema: "tests", Table: m.Name() + " key", File: m.File,
			Description: "la clé (" + strings.Join(m.Key, ", ") + ") de " + m.Name() + " est unique et jamais vide",
			SQL: "SELECT " + list + ", count(*) AS lignes FROM " + warehouse.Qualified(m.Schema, m.Table) +
				" GROUP BY " + list + " HAVING count(*) > 1 OR " + strings.Join(nulls, " OR ") + " ORDER BY " + list,
		})
	}
	return append(tests, p.Tests...)
}

func runTest(ctx context.Context, db *sql.DB, t *Model) (Failure, error) {
	f := Failure{Test: t.Table, File: t.File, Description: t.Description}
	rows, err := db.QueryContext(ctx, t.SQL)
	if err != nil {
		return f, t.errorf(t.sqlLine, "%w", err)
	}
	defer rows.Close()
	if f.Columns, err = rows.Columns(); err != nil {
		return f, t.errorf(t.sqlLine, "%w", err)
	}
	err = warehouse.EachRow(rows, func(vals []any) error {
		if f.Count++; f.Count <= shownRows {
			f.Rows = append(f.Rows, warehouse.Cells(vals, failureCell))
		}
		return nil
	})
	if err != nil {
		return f, t.errorf(t.sqlLine, "%w", err)
	}
	return f, nil
}

// failureCell writes a value of an offending row: NULL as « NULL ».
func failureCell(v any) string {
	if v == nil {
		return "NULL"
	}
	return fmt.Sprint(v)
}

// Constrain declares each mart's key as its PRIMARY KEY (its columns NOT NULL with it), once the
// data tests have passed: an analyst finds the keys in duckdb_constraints(), and no later write
// can break them. A key the data breaks is caught by its test first, with its offending rows.
func (p *Project) Constrain(ctx context.Context, db *sql.DB) error {
	for _, m := range p.Models {
		if m.Schema != "marts" || len(m.Key) == 0 {
			continue
		}
		keys := make([]string, len(m.Key))
		for i, k := range m.Key {
			keys[i] = warehouse.Ident(k)
		}
		stmt := "ALTER TABLE " + warehouse.Qualified(m.Schema, m.Table) + " ADD PRIMARY KEY (" + strings.Join(keys, ", ") + ")"
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return m.errorf(0, "clé primaire : %w", err)
		}
	}
	return nil
}
