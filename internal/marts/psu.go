package marts

import (
	"context"
	"database/sql"
)

// EAJEDeclarationsPSU is a row of marts.eaje_declarations_psu, with the structure's name
// (marts.dim_structure): one of the four declarations of the prestation de service unique an
// EAJE makes to the CAF in year Annee (prévisionnel N, réel N-1, actualisé janvier–juin N,
// actualisé janvier–septembre N), cumulated over its months.
type EAJEDeclarationsPSU struct {
	Code             string          `col:"code_structure"`
	Nom              string          `col:"nom"`
	Annee            int             `col:"annee"`
	Declaration      string          `col:"declaration"`
	Libelle          string          `col:"libelle"`
	AnneeDonnees     int             `col:"annee_donnees"`
	MoisDebut        int             `col:"mois_debut"`
	MoisFin          int             `col:"mois_fin"`
	MoisOuverture    int             `col:"mois_ouverture"`
	MoisSansDonnees  int             `col:"mois_sans_donnees"`
	Jours            sql.NullInt64   `col:"jours_ouverture"`
	Capacite         sql.NullFloat64 `col:"capacite_theorique_heures"`
	HeuresRealisees  sql.NullFloat64 `col:"heures_realisees"`
	HeuresFacturees  sql.NullFloat64 `col:"heures_facturees"`
	RealiseesGeneral sql.NullFloat64 `col:"heures_realisees_regime_general"`
	RealiseesMSA     sql.NullFloat64 `col:"heures_realisees_msa"`
	RealiseesAutre   sql.NullFloat64 `col:"heures_realisees_autre_regime"`
	RealiseesNonRens sql.NullFloat64 `col:"heures_realisees_regime_non_renseigne"`
	FactureesGeneral sql.NullFloat64 `col:"heures_facturees_regime_general"`
	FactureesMSA     sql.NullFloat64 `col:"heures_facturees_msa"`
	FactureesAutre   sql.NullFloat64 `col:"heures_facturees_autre_regime"`
	FactureesNonRens sql.NullFloat64 `col:"heures_facturees_regime_non_renseigne"`
	PartGeneral      sql.NullFloat64 `col:"part_regime_general"`
	TauxReel         sql.NullFloat64 `col:"taux_occupation_reel"`
	TauxFinancier    sql.NullFloat64 `col:"taux_occupation_financier"`
	TauxFactura      sql.NullFloat64 `col:"taux_facturation"`
	Donnees          string          `col:"donnees"`
}

// Forecast says whether the row is the prévisionnel, which only repeats the réel N-1 for the
// structure to adjust.
func (d EAJEDeclarationsPSU) Forecast() bool { return d.Declaration == "previsionnel" }

// EAJEDeclarationsPSU reads the four PSU declarations of every EAJE and year.
func (r *Reader) EAJEDeclarationsPSU(ctx context.Context) ([]EAJEDeclarationsPSU, error) {
	return collect[EAJEDeclarationsPSU](ctx, r.db, "eaje_declarations_psu")
}
