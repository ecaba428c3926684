package marts

import (
	"context"
	"database/sql"
)

// CTGSuivi is a row of marts.ctg_suivi: a key indicator in a year of the Convention Territoriale
// Globale, against its baseline and its target. The query orders the indicators as
// marts.indicateurs_cles does.
type CTGSuivi struct {
	Code         string          `col:"indicateur"`
	Libelle      string          `col:"libelle"`
	Unite        string          `col:"unite"`
	Annee        int             `col:"annee"`
	Premiere     int             `col:"premiere_annee"`
	Derniere     int             `col:"derniere_annee"`
	AnneeBase    int             `col:"annee_base"`
	ValeurBase   sql.NullFloat64 `col:"valeur_base"`
	DonneesBase  string          `col:"donnees_base"`
	Cible        sql.NullFloat64 `col:"cible"`
	Valeur       sql.NullFloat64 `col:"valeur"`
	Donnees      string          `col:"donnees"`
	Attendue     sql.NullFloat64 `col:"valeur_attendue"`
	Appreciation string          `col:"appreciation"`
	EnBonneVoie  sql.NullBool    `col:"en_bonne_voie"`
}

// CTGSuivi reads the CTG follow-up of every key indicator, year by year.
func (r *Reader) CTGSuivi(ctx context.Context) ([]CTGSuivi, error) {
	return collect[CTGSuivi](ctx, r.db, "ctg_suivi")
}
