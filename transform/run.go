package transform

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"

	"enfance/internal/warehouse"
)

// paramsTable is the one-row table of run parameters that models may read.
const paramsTable = "staging.params"

// Params are the settings of a run that models read from staging.params.
type Params struct {
	Territoire        string
	SirenEPCI         string
	AnneeReference    int
	SecretStatistique int
	AgeRetraite       int
	// PlafondMercrediJournee and PlafondMercrediDemiJournee cap a child's hours on a Wednesday of a
	// school week in the ACM's actes (with and without the meal); 0 means no cap.
	PlafondMercrediJournee, PlafondMercrediDemiJournee float64
	ConstruitLe                                        time.Time
	EmpreinteCle                                       string // fingerprint of the key of the pseudonyms; empty when no export was read
	// CTG is the territory's Convention Territoriale Globale: its years (0 when none) go into
	// staging.params, its targets into staging.ctg_cibles.
	CTG CTGParams
}

// CTGParams are the years of a CTG and its targets by indicator code.
type CTGParams struct {
	PremiereAnnee, DerniereAnnee int
	Cibles                       map[string]float64
}

// ciblesTable holds the CTG's targets, one row per indicator, written by the runner.
const ciblesTable = "staging.ctg_cibles"

// Run writes staging.params, then builds every model in order, with its comments, and checks
// that the columns it produced are exactly the documented ones.
func (p *Project) Run(ctx context.Context, db *sql.DB, params Params, logger *slog.Logger) error {
	if err := p.checkRaw(ctx, db); err != nil {
		return err
	}
	if err := writeParams(ctx, db, params); err != nil {
		return err
	}
	for _, m := range p.Models {
		start := time.Now()
		if err := build(ctx, db, m); err != nil {
			return err
		}
		logger.Debug("modèle construit", "modèle", m.Name(), "durée", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// checkRaw makes sure every raw table a model reads exists before anything is built.
func (p *Project) checkRaw(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'raw'`)
	if err != nil {
		return fmt.Errorf("transformations : liste des tables brutes : %w", err)
	}
	defer rows.Close()
	raw := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("transformations : liste des tables brutes : %w", err)
		}
		raw["raw."+name] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("transformations : liste des tables brutes : %w", err)
	}
	for _, m := range slices.Concat(p.Models, p.Tests) {
		for _, d := range m.Depends {
			if strings.HasPrefix(d.Name, "raw.") && !raw[d.Name] {
				return m.errorf(d.Line, "%w %s: no such raw table", ErrUnknownDep, d.Name)
			}
		}
	}
	return nil
}

func writeParams(ctx context.Context, db *sql.DB, p Params) error {
	_, err := db.ExecContext(ctx, `CREATE OR REPLACE TABLE staging.params AS SELECT
		?::VARCHAR AS territoire, ?::VARCHAR AS siren_epci, ?::INTEGER AS annee_reference,
		?::INTEGER AS secret_statistique, ?::INTEGER AS age_retraite, ?::TIMESTAMPTZ AS construit_le,
		nullif(?::VARCHAR, '') AS empreinte_cle, nullif(?::DOUBLE, 0) AS plafond_mercredi_journee,
		nullif(?::DOUBLE, 0) AS plafond_mercredi_demi_journee, nullif(?::INTEGER, 0) AS ctg_premiere_annee,
		nullif(?::INTEGER, 0) AS ctg_derniere_annee`,
		p.Territoire, p.SirenEPCI, p.AnneeReference, p.SecretStatistique, p.AgeRetraite, p.ConstruitLe.UTC(), p.EmpreinteCle,
		p.PlafondMercrediJournee, p.PlafondMercrediDemiJournee, p.CTG.PremiereAnnee, p.CTG.DerniereAnnee)
	if err != nil {
		return fmt.Errorf("transformations : écriture de %s : %w", paramsTable, err)
	}
	if _, err := db.ExecContext(ctx, `CREATE OR REPLACE TABLE staging.ctg_cibles (indicateur VARCHAR PRIMARY KEY, cible DOUBLE NOT NULL)`); err != nil {
		return fmt.Errorf("transformations : écriture de %s : %w", ciblesTable, err)
	}
	for _, code := range slices.Sorted(maps.Keys(p.CTG.Cibles)) {
		if _, err := db.ExecContext(ctx, `INSERT INTO staging.ctg_cibles VALUES (?, ?)`, code, p.CTG.Cibles[code]); err != nil {
			return fmt.Errorf("transformations : écriture de %s : %w", ciblesTable, err)
		}
	}
	return nil
}

// build materialises one model: a view for staging, a table for marts.
func build(ctx context.Context, db *sql.DB, m *Model) error {
	kind := "VIEW"
	if m.Schema == "marts" {
		kind = "TABLE"
	}
	target := warehouse.Qualified(m.Schema, m.Table)
	if _, err := db.ExecContext(ctx, "CREATE OR REPLACE "+kind+" "+target+" AS\n"+m.SQL); err != nil {
		return m.errorf(m.sqlLine, "%w", err)
	}
	if err := checkColumns(ctx, db, m); err != nil {
		return err
	}
	if m.Schema == "marts" {
		if err := narrowTypes(ctx, db, m); err != nil {
			return err
		}
		if err := checkContract(ctx, db, m); err != nil {
			return err
		}
	}
	if err := comment(ctx, db, kind, target, m.Description, m.Columns); err != nil {
		return m.errorf(0, "comment: %w", err)
	}
	return nil
}

// narrowTypes gives a mart's columns one type per concept: a year (annee, annee_…, …_annee,
// millesime) held in any whole-number type becomes INTEGER, so that years join across marts
// whatever computed them, and every other whole number (a count, an age, a rank) becomes BIGINT:
// HUGEINT, which DuckDB gives to sums, is read as a plain 64-bit integer by Parquet readers,
// spreadsheets and R, and a count of INTEGER in one mart and BIGINT in another would not.
func narrowTypes(ctx context.Context, db *sql.DB, m *Model) error {
	rows, err := db.QueryContext(ctx, `WITH c AS (
			SELECT column_name, column_index, data_type,
			       CASE WHEN column_name IN ('annee', 'millesime') OR starts_with(column_name, 'annee_')
			                 OR ends_with(column_name, '_annee') THEN 'INTEGER' ELSE 'BIGINT' END AS wanted
			FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?
			  AND data_type IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER'))
		SELECT column_name, wanted FROM c WHERE data_type <> wanted ORDER BY column_index`, m.Schema, m.Table)
	if err != nil {
		return m.errorf(0, "%w", err)
	}
	var cols, types []string
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			rows.Close()
			return m.errorf(0, "%w", err)
		}
		cols, types = append(cols, c), append(types, t)
	}
	rows.Close()
	for i, c := range cols {
		stmt := "ALTER TABLE " + warehouse.Qualified(m.Schema, m.Table) + " ALTER " + warehouse.Ident(c) + " TYPE " + types[i]
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return m.errorf(0, "narrow %s to %s: %w", c, types[i], err)
		}
	}
	return nil
}

// checkColumns compares the columns the model produced with its header: every documented column
// must exist, and every column of a mart must be documented.
func checkColumns(ctx context.Context, db *sql.DB, m *Model) error {
	got, err := Columns(ctx, db, m.Schema, m.Table)
	if err != nil {
		return m.errorf(0, "%w", err)
	}
	for _, c := range m.Columns {
		if !slices.Contains(got, c.Name) {
			return m.errorf(c.Line, "%w: %s", ErrMissingColumn, c.Name)
		}
	}
	if m.Schema != "marts" {
		return nil
	}
	for _, name := range got {
		if !slices.ContainsFunc(m.Columns, func(c Column) bool { return c.Name == name }) {
			return m.errorf(m.sqlLine, "%w: %s (add « -- column %s: … » to the header)", ErrUndocumented, name, name)
		}
	}
	if m.Description == "" {
		return m.errorf(1, "%w: the mart has no « -- description: »", ErrUndocumented)
	}
	return nil
}

// Columns lists the columns of a relation in order.
func Columns(ctx context.Context, db *sql.DB, schema, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT column_name FROM duckdb_columns()
		WHERE schema_name = ? AND table_name = ? ORDER BY column_index`, schema, table)
	if err != nil {
		return nil, fmt.Errorf("list columns of %s.%s: %w", schema, table, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}
