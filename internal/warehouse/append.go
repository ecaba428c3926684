package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/duckdb/duckdb-go/v2"
)

// Append adds rows to schema.table through DuckDB's appender, the fast path for bulk loads.
// Each row holds one value per column of the table, in table order.
func Append(ctx context.Context, db *sql.DB, schema, table string, rows [][]driver.Value) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("entrepôt : ajout à %s.%s : %w", schema, table, err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), schema, table)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := a.AppendRow(r...); err != nil {
				_ = a.Close()
				return err
			}
		}
		return a.Close()
	})
	if err != nil {
		return fmt.Errorf("entrepôt : ajout à %s.%s : %w", schema, table, err)
	}
	return nil
}
