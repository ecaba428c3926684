package marts

import (
	"context"
	"database/sql"
)

// CNAFCoverage is a row of marts.couverture_cnaf_epci: the CNAF's taux de couverture global of an
// EPCI for a year, from a secondary source to verify.
type CNAFCoverage struct {
	Siren, Nom       string
	Annee            int
	Territoire       bool
	Global, EAJE, AM sql.NullFloat64
	Source           string
	Verifie          bool
}

// CNAFCoverages reads the CNAF's published coverage of the EPCI and its neighbours.
func (r *Reader) CNAFCoverages(ctx context.Context) ([]CNAFCoverage, error) {
	return collect(ctx, r.db, "couverture_cnaf", func(rows *sql.Rows) (CNAFCoverage, error) {
		var c CNAFCoverage
		err := rows.Scan(&c.Siren, &c.Nom, &c.Annee, &c.Territoire, &c.Global, &c.EAJE, &c.AM, &c.Source, &c.Verifie)
		return c, err
	})
}
