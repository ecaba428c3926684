package marts

import (
	"context"
	"database/sql"
)

// ACMActs is a row of marts.acm_actes: the actes of the prestation de service ALSH of an accueil
// for a declared period, or for its year when Periode is « annee ».
type ACMActs struct {
	Code, Nom                        string
	Annee                            int
	Periode                          string
	Debut, Fin                       sql.NullTime
	HeuresRealisees                  float64
	HeuresFacturees                  sql.NullFloat64
	MercredisPlafonnes               int
	HeuresEcretees, Actes            float64
	PlafondJournee, PlafondDemiJourn sql.NullFloat64
	Donnees                          string
}

// YearTotal says whether the row is the accueil's year.
func (a ACMActs) YearTotal() bool { return a.Periode == "annee" }

// ACMActsByPeriod reads the ACM's actes in hours, Wednesdays capped, by period and year.
func (r *Reader) ACMActsByPeriod(ctx context.Context) ([]ACMActs, error) {
	return collect(ctx, r.db, "acm_actes", func(rows *sql.Rows) (ACMActs, error) {
		var a ACMActs
		err := rows.Scan(&a.Code, &a.Nom, &a.Annee, &a.Periode, &a.Debut, &a.Fin, &a.HeuresRealisees, &a.HeuresFacturees,
			&a.MercredisPlafonnes, &a.HeuresEcretees, &a.Actes, &a.PlafondJournee, &a.PlafondDemiJourn, &a.Donnees)
		return a, err
	})
}
