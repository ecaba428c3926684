package marts

import (
	"context"
	"database/sql"
)

// CouvertureCNAFEPCI is a row of marts.couverture_cnaf_epci: the CNAF's taux de couverture global
// of an EPCI for a year, from a secondary source to verify.
type CouvertureCNAFEPCI struct {
	Siren      string          `col:"epci_siren"`
	Nom        string          `col:"epci_nom"`
	Annee      int             `col:"annee"`
	Territoire bool            `col:"territoire"`
	Global     sql.NullFloat64 `col:"taux_couverture_global"`
	EAJE       sql.NullFloat64 `col:"taux_couverture_eaje"`
	AM         sql.NullFloat64 `col:"taux_couverture_am"`
	Source     string          `col:"source"`
	Verifie    bool            `col:"verifie"`
}

// CouvertureCNAFEPCI reads the CNAF's published coverage of the EPCI and its neighbours.
func (r *Reader) CouvertureCNAFEPCI(ctx context.Context) ([]CouvertureCNAFEPCI, error) {
	return collect[CouvertureCNAFEPCI](ctx, r.db, "couverture_cnaf_epci")
}
