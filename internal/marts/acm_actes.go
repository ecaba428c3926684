package marts

import (
	"context"
	"database/sql"
)

// ACMActes is a row of marts.acm_actes, with the structure's name (marts.dim_structure): the
// actes of the prestation de service ALSH of an accueil for a declared period, or for its year
// when Periode is « annee ».
type ACMActes struct {
	Code               string          `col:"code_structure"`
	Nom                string          `col:"nom"`
	Annee              int             `col:"annee"`
	Periode            string          `col:"periode"`
	Debut              sql.NullTime    `col:"date_debut"`
	Fin                sql.NullTime    `col:"date_fin"`
	HeuresRealisees    sql.NullFloat64 `col:"heures_realisees"` // empty for a period whose presences are missing
	HeuresFacturees    sql.NullFloat64 `col:"heures_facturees"`
	MercredisPlafonnes sql.NullInt64   `col:"mercredis_plafonnes"`
	HeuresEcretees     sql.NullFloat64 `col:"heures_ecretees"`
	Actes              sql.NullFloat64 `col:"actes_heures"`
	PlafondJournee     sql.NullFloat64 `col:"plafond_mercredi_journee"`
	PlafondDemiJourn   sql.NullFloat64 `col:"plafond_mercredi_demi_journee"`
	Donnees            string          `col:"donnees"`
}

// YearTotal says whether the row is the accueil's year.
func (a ACMActes) YearTotal() bool { return a.Periode == "annee" }

// ACMActes reads the ACM's actes in hours, Wednesdays capped, by period and year.
func (r *Reader) ACMActes(ctx context.Context) ([]ACMActes, error) {
	return collect[ACMActes](ctx, r.db, "acm_actes")
}
