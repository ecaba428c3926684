package marts

import (
	"context"
	"database/sql"
)

// RPEContactsMotifs is a row of marts.rpe_contacts_motifs: the contacts of an antenne and year
// with one public, for one reason, through one channel.
type RPEContactsMotifs struct {
	Antenne  string `col:"antenne"`
	Annee    int    `col:"annee"`
	Public   string `col:"public"`
	Motif    string `col:"motif"`
	Canal    string `col:"canal"`
	Contacts int    `col:"contacts"`
}

// RPEContactsMotifs reads the relais' contacts by public, reason and channel.
func (r *Reader) RPEContactsMotifs(ctx context.Context) ([]RPEContactsMotifs, error) {
	return collect[RPEContactsMotifs](ctx, r.db, "rpe_contacts_motifs")
}

// AMDisponibilitesAnnuelles is a row of marts.am_disponibilites_annuelles, with the antenne's
// name (marts.dim_antenne): the AM in activity on 31 December and those whose monenfant.fr
// availability is up to date (declared from 1 July).
type AMDisponibilitesAnnuelles struct {
	Antenne           string          `col:"antenne"`     // « territoire » for the whole
	NomAntenne        string          `col:"nom_antenne"` // « Territoire » for the whole
	Annee             int             `col:"annee"`
	AMEnActivite      int             `col:"am_en_activite"`
	AMAJour           int             `col:"am_a_jour"`
	Part              sql.NullFloat64 `col:"part_a_jour"`
	PlacesDisponibles int             `col:"places_disponibles"`
}

// AMDisponibilitesAnnuelles reads the share of AM whose monenfant.fr availability is up to date.
func (r *Reader) AMDisponibilitesAnnuelles(ctx context.Context) ([]AMDisponibilitesAnnuelles, error) {
	return collect[AMDisponibilitesAnnuelles](ctx, r.db, "am_disponibilites_annuelles")
}

// RPETempsFortsAnnuels is a row of marts.rpe_temps_forts_annuels, with the antenne's name
// (marts.dim_antenne): the relais' temps forts of an antenne (« intercommunal » when none
// organised it, « territoire » for the whole) and year.
type RPETempsFortsAnnuels struct {
	Antenne       string `col:"antenne"`
	NomAntenne    string `col:"nom_antenne"`
	Annee         int    `col:"annee"`
	TempsForts    int    `col:"temps_forts"`
	Parents       int    `col:"parents"` // attendances, not distinct persons
	AM            int    `col:"am"`
	Enfants       int    `col:"enfants"`
	SansEffectifs int    `col:"temps_forts_sans_effectifs"` // events the export gives no attendance for
}

// RPETempsFortsAnnuels reads the relais' temps forts by antenne and year.
func (r *Reader) RPETempsFortsAnnuels(ctx context.Context) ([]RPETempsFortsAnnuels, error) {
	return collect[RPETempsFortsAnnuels](ctx, r.db, "rpe_temps_forts_annuels")
}
