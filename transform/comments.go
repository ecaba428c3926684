package transform

import (
	"context"
	"database/sql"
	"strings"

	"enfance/internal/warehouse"
)

// comment writes the description of a relation (kind TABLE or VIEW) and of its columns as
// COMMENT ON statements, sent in one batch.
func comment(ctx context.Context, db *sql.DB, kind, target, description string, cols []Column) error {
	var b strings.Builder
	b.WriteString("COMMENT ON " + kind + " " + target + " IS " + warehouse.Literal(description) + ";\n")
	for _, c := range cols {
		b.WriteString("COMMENT ON COLUMN " + target + "." + warehouse.Ident(c.Name) + " IS " + warehouse.Literal(c.Description) + ";\n")
	}
	_, err := db.ExecContext(ctx, b.String())
	return err
}
