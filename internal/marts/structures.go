package marts

import (
	"context"
	"database/sql"
)

// Structure is a row of marts.dim_structure: where a structure is, for the pages that narrow
// their figures to an antenne or a commune.
type Structure struct {
	Code, Nom, Type string
	Commune         string // INSEE code of the commune it is in
	Antenne         string // code of its relais antenne, "" when none
}

// Structures reads the structures of the service.
func (r *Reader) Structures(ctx context.Context) ([]Structure, error) {
	return collect(ctx, r.db, "structures", func(rows *sql.Rows) (Structure, error) {
		var s Structure
		err := rows.Scan(&s.Code, &s.Nom, &s.Type, &s.Commune, &s.Antenne)
		return s, err
	})
}
