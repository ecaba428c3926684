package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// ExportParquet writes every table of schema as dir/<table>.parquet, each through a temporary
// file and a rename, and returns the paths written in table order.
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
		stmt := "COPY " + Qualified(schema, t) + " TO " + Literal(tmp) + " (FORMAT parquet, COMPRESSION zstd)"
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
