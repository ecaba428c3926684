package marts

import (
	"context"
	"database/sql"
)

// PSUDeclaration is a row of marts.eaje_declarations_psu: one of the four declarations of the
// prestation de service unique an EAJE makes to the CAF in year Annee (prévisionnel N, réel N-1,
// actualisé janvier–juin N, actualisé janvier–septembre N), cumulated over its months.
type PSUDeclaration struct {
	Code, Nom                            string
	Annee                                int
	Declaration, Libelle                 string
	AnneeDonnees, MoisDebut, MoisFin     int
	MoisOuverture, MoisSansDonnees       int
	Jours                                sql.NullInt64
	Capacite                             sql.NullFloat64
	HeuresRealisees, HeuresFacturees     sql.NullFloat64
	RealiseesGeneral, RealiseesMSA       sql.NullFloat64
	RealiseesAutre, RealiseesNonRens     sql.NullFloat64
	FactureesGeneral, FactureesMSA       sql.NullFloat64
	FactureesAutre, FactureesNonRens     sql.NullFloat64
	PartGeneral                          sql.NullFloat64
	TauxReel, TauxFinancier, TauxFactura sql.NullFloat64
	Donnees                              string
}

// Forecast says whether the row is the prévisionnel, which only repeats the réel N-1 for the
// structure to adjust.
func (d PSUDeclaration) Forecast() bool { return d.Declaration == "previsionnel" }

// PSUDeclarations reads the four PSU declarations of every EAJE and year.
func (r *Reader) PSUDeclarations(ctx context.Context) ([]PSUDeclaration, error) {
	return collect(ctx, r.db, "eaje_declarations_psu", func(rows *sql.Rows) (PSUDeclaration, error) {
		var d PSUDeclaration
		err := rows.Scan(&d.Code, &d.Nom, &d.Annee, &d.Declaration, &d.Libelle, &d.AnneeDonnees, &d.MoisDebut, &d.MoisFin,
			&d.MoisOuverture, &d.MoisSansDonnees, &d.Jours, &d.Capacite, &d.HeuresRealisees, &d.HeuresFacturees,
			&d.RealiseesGeneral, &d.RealiseesMSA, &d.RealiseesAutre, &d.RealiseesNonRens,
			&d.FactureesGeneral, &d.FactureesMSA, &d.FactureesAutre, &d.FactureesNonRens,
			&d.PartGeneral, &d.TauxReel, &d.TauxFinancier, &d.TauxFactura, &d.Donnees)
		return d, err
	})
}
