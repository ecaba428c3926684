package marts

import (
	"context"
	"database/sql"
)

// RPEContacts is a row of marts.rpe_contacts_motifs: the contacts of an antenne and year with one
// public, for one reason, through one channel.
type RPEContacts struct {
	Antenne              string
	Annee                int `col:"annee"`
	Public, Motif, Canal string
	Contacts             int
}

// RPEContactsByReason reads the relais' contacts by public, reason and channel.
func (r *Reader) RPEContactsByReason(ctx context.Context) ([]RPEContacts, error) {
	return collect(ctx, r.db, "rpe_contacts", func(rows *sql.Rows) (RPEContacts, error) {
		var c RPEContacts
		err := rows.Scan(&c.Antenne, &c.Annee, &c.Public, &c.Motif, &c.Canal, &c.Contacts)
		return c, err
	})
}

// Availability is a row of marts.am_disponibilites_annuelles: the AM in activity on 31 December
// and those whose monenfant.fr availability is up to date (declared from 1 July).
type Availability struct {
	Antenne, NomAntenne string          // « territoire », « Territoire » for the whole
	Annee               int             `col:"annee"`
	AMEnActivite        int             `col:"am_en_activite"`
	AMAJour             int             `col:"am_a_jour"`
	Part                sql.NullFloat64 `col:"part_a_jour"`
	PlacesDisponibles   int
}

// Availabilities reads the share of AM whose monenfant.fr availability is up to date.
func (r *Reader) Availabilities(ctx context.Context) ([]Availability, error) {
	return collect(ctx, r.db, "rpe_disponibilites", func(rows *sql.Rows) (Availability, error) {
		var a Availability
		err := rows.Scan(&a.Antenne, &a.NomAntenne, &a.Annee, &a.AMEnActivite, &a.AMAJour, &a.Part, &a.PlacesDisponibles)
		return a, err
	})
}

// HighlightYear is a row of marts.rpe_temps_forts_annuels: the relais' temps forts of an antenne
// (« intercommunal » when none organised it, « territoire » for the whole) and year.
type HighlightYear struct {
	Antenne, NomAntenne  string
	Annee                int `col:"annee"`
	TempsForts           int
	Parents, AM, Enfants int // attendances, not distinct persons
	SansEffectifs        int // events the export gives no attendance for
}

// Highlights reads the relais' temps forts by antenne and year.
func (r *Reader) Highlights(ctx context.Context) ([]HighlightYear, error) {
	return collect(ctx, r.db, "rpe_temps_forts", func(rows *sql.Rows) (HighlightYear, error) {
		var h HighlightYear
		err := rows.Scan(&h.Antenne, &h.NomAntenne, &h.Annee, &h.TempsForts, &h.Parents, &h.AM, &h.Enfants, &h.SansEffectifs)
		return h, err
	})
}
