package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ExportParquet writes every table of schema as dir/<table>.parquet, each through a temporary
// file and a rename, and returns the paths written in table order. Each file carries the table's
// and its columns' comments as key-value metadata (see [comments]), so that a tool reading the
// Parquet alone still has the data dictionary.
func ExportParquet(ctx context.Context, db *sql.DB, schema, dir string) ([]string, error) {
	tables, err := Tables(ctx, db, schema)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	var paths []string
	for _, t := range tables {
		path := filepath.Join(dir, t+".parquet")
		tmp := path + ".tmp"
		kv, err := comments(ctx, db, schema, t)
		if err != nil {
			return nil, err
		}
		stmt := "COPY " + Qualified(schema, t) + " TO " + Literal(tmp) + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA " + kv + ")"
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			_ = os.Remove(tmp)
			return nil, fmt.Errorf("entrepôt : export de %s.%s : %w", schema, t, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			return nil, fmt.Errorf("entrepôt : export de %s.%s : %w", schema, t, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Tables lists the tables and views of a schema, by name.
func Tables(ctx context.Context, db *sql.DB, schema string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = ?
		UNION SELECT view_name FROM duckdb_views() WHERE schema_name = ? AND NOT internal
		ORDER BY 1`, schema, schema)
	if err != nil {
		return nil, fmt.Errorf("entrepôt : liste de %s : %w", schema, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("entrepôt : liste de %s : %w", schema, err)
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// comments are a table's comments as a DuckDB struct for KV_METADATA: enfance.table (schema and
// name), enfance.description (the table's comment) and enfance.colonne.<column> (each column's).
func comments(ctx context.Context, db *sql.DB, schema, table string) (string, error) {
	pairs := []string{Literal("enfance.table") + ": " + Literal(schema+"."+table)}
	rows, err := db.QueryContext(ctx, `SELECT '' AS col, coalesce(comment, '') FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?
		UNION ALL SELECT '', coalesce(comment, '') FROM duckdb_views() WHERE schema_name = ? AND view_name = ?
		UNION ALL SELECT column_name, coalesce(comment, '') FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?`,
		schema, table, schema, table, schema, table)
	if err != nil {
		return "", fmt.Errorf("entrepôt : commentaires de %s.%s : %w", schema, table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var column, comment string
		if err := rows.Scan(&column, &comment); err != nil {
			return "", fmt.Errorf("entrepôt : commentaires de %s.%s : %w", schema, table, err)
		}
		key := "enfance.description"
		if column != "" {
			key = "enfance.colonne." + column
		}
		if comment != "" {
			pairs = append(pairs, Literal(key)+": "+Literal(comment))
		}
	}
	return "{" + strings.Join(pairs, ", ") + "}", rows.Err()
}
