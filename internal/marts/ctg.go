package marts

import (
	"context"
	"database/sql"
)

// CTGTrack is a row of marts.ctg_suivi: a key indicator in a year of the Convention Territoriale
// Globale, against its baseline and its target.
type CTGTrack struct {
	Code, Libelle, Unite                 string
	Annee, Premiere, Derniere, AnneeBase int
	ValeurBase                           sql.NullFloat64
	DonneesBase                          string
	Cible, Valeur                        sql.NullFloat64
	Donnees                              string
	Attendue                             sql.NullFloat64
	Appreciation                         string
	EnBonneVoie                          sql.NullBool
}

// CTGTracks reads the CTG follow-up of every key indicator, year by year.
func (r *Reader) CTGTracks(ctx context.Context) ([]CTGTrack, error) {
	return collect(ctx, r.db, "ctg_suivi", func(rows *sql.Rows) (CTGTrack, error) {
		var c CTGTrack
		err := rows.Scan(&c.Code, &c.Libelle, &c.Unite, &c.Annee, &c.Premiere, &c.Derniere, &c.AnneeBase, &c.ValeurBase, &c.DonneesBase,
			&c.Cible, &c.Valeur, &c.Donnees, &c.Attendue, &c.Appreciation, &c.EnBonneVoie)
		return c, err
	})
}
