package marts

import "context"

// DimStructure is a row of marts.dim_structure: where a structure is, for the pages that narrow
// their figures to an antenne or a commune.
type DimStructure struct {
	Code    string `col:"code_structure"`
	Nom     string `col:"nom_structure"`
	Type    string `col:"type_structure"`
	Commune string `col:"commune_insee"` // INSEE code of the commune it is in
	Antenne string `col:"antenne"`       // code of its relais antenne, "" when none
}

// DimStructure reads the structures of the service.
func (r *Reader) DimStructure(ctx context.Context) ([]DimStructure, error) {
	return collect[DimStructure](ctx, r.db, "dim_structure")
}
