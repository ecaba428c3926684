package marts

import (
	"context"
	"database/sql"
	"time"
)

// The rows below mirror the marts the dashboards and reports read; each comes from one embedded
// query of queries/, named after it.

// EAJEMonth is a row of marts.eaje_occupation_mensuelle, with the structure's name. A month whose
// presences are missing or refused has no hours and no rates.
type EAJEMonth struct {
	Code, Nom                        string
	Annee, Mois                      int
	TauxReel, TauxFinancier          sql.NullFloat64
	HeuresRealisees, HeuresFacturees sql.NullFloat64
	Capacite                         float64
	Jours                            int
	TauxFacturation                  sql.NullFloat64
	Donnees                          string // complet, partiel, manquant or refuse (see [Completeness])
}

// EAJEMonths reads the monthly occupancy of every EAJE.
func (r *Reader) EAJEMonths(ctx context.Context) ([]EAJEMonth, error) {
	return collect(ctx, r.db, "eaje_mensuel", func(rows *sql.Rows) (EAJEMonth, error) {
		var m EAJEMonth
		err := rows.Scan(&m.Code, &m.Nom, &m.Annee, &m.Mois, &m.TauxReel, &m.TauxFinancier, &m.HeuresRealisees, &m.Capacite,
			&m.HeuresFacturees, &m.Jours, &m.TauxFacturation, &m.Donnees)
		return m, err
	})
}

// EAJEYear is a row of marts.eaje_occupation_annuelle.
type EAJEYear struct {
	Code, Nom                                  string
	Annee                                      int `col:"annee"`
	TauxReel, TauxFinancier, TauxFacturation   sql.NullFloat64
	Zone                                       string
	Enfants                                    int `col:"enfants_distincts"`
	Jours                                      int
	Capacite, HeuresRealisees, HeuresFacturees float64 // of the months received
	MoisSansDonnees                            int
	Donnees                                    string // complet, partiel or manquant
}

// EAJEYears reads the yearly occupancy of every EAJE.
func (r *Reader) EAJEYears(ctx context.Context) ([]EAJEYear, error) {
	return collect(ctx, r.db, "eaje_annuel", func(rows *sql.Rows) (EAJEYear, error) {
		var y EAJEYear
		err := rows.Scan(&y.Code, &y.Nom, &y.Annee, &y.TauxReel, &y.TauxFinancier, &y.TauxFacturation, &y.Zone, &y.Enfants,
			&y.Jours, &y.Capacite, &y.HeuresRealisees, &y.HeuresFacturees, &y.MoisSansDonnees, &y.Donnees)
		return y, err
	})
}

// ACMPeriod is a row of marts.acm_frequentation.
type ACMPeriod struct {
	Code, Nom              string
	Annee                  int `col:"annee"`
	Periode                string
	TauxRemplissage        sql.NullFloat64
	EnfantsJours, Capacite int
	Enfants                int       `col:"enfants_distincts"`
	Debut, Fin             time.Time // first and last days of the period
	Donnees                string    // state of the period's presences (see [Completeness])
	HeuresRealisees        float64   // hours of presence: the actes the CAF counts
}

// ACMPeriods reads the attendance of every ACM by declared period.
func (r *Reader) ACMPeriods(ctx context.Context) ([]ACMPeriod, error) {
	return collect(ctx, r.db, "acm", func(rows *sql.Rows) (ACMPeriod, error) {
		var p ACMPeriod
		err := rows.Scan(&p.Code, &p.Nom, &p.Annee, &p.Periode, &p.TauxRemplissage, &p.EnfantsJours, &p.Capacite, &p.Enfants, &p.Debut, &p.Fin, &p.Donnees, &p.HeuresRealisees)
		return p, err
	})
}

// Sejour is a row of marts.sejours_remplissage.
type Sejour struct {
	Code            string
	Annee           int `col:"annee"`
	Intitule        string
	Places          int
	Participants    int             `col:"participants"`
	ListeAttente    int             `col:"liste_attente"`
	TauxRemplissage sql.NullFloat64 `col:"taux_remplissage"`
	Donnees         string          // state of the year's registrations (see [Completeness])
}

// Sejours reads every séjour.
func (r *Reader) Sejours(ctx context.Context) ([]Sejour, error) {
	return collect(ctx, r.db, "sejours", func(rows *sql.Rows) (Sejour, error) {
		var s Sejour
		err := rows.Scan(&s.Code, &s.Annee, &s.Intitule, &s.Places, &s.Participants, &s.ListeAttente, &s.TauxRemplissage, &s.Donnees)
		return s, err
	})
}

// RPEYear is a row of marts.rpe_activite_annuelle.
type RPEYear struct {
	NomAntenne                              string // the antenne's name, « Territoire » for the whole
	Antenne                                 string
	Annee                                   int `col:"annee"`
	AteliersRealises, AteliersAnnules       int
	AMDistinctes                            int             `col:"am_distinctes_ateliers"`
	AMActives                               int             `col:"am_actives_1er_janvier"`
	TauxFrequentation                       sql.NullFloat64 `col:"taux_frequentation_am"`
	ContactsParents, ContactsProfessionnels int
	AMParETP                                sql.NullFloat64 // AM active on 1 January for one ETP of animation (target: 70)
}

// RPEYears reads the relais' activity by antenne and year.
func (r *Reader) RPEYears(ctx context.Context) ([]RPEYear, error) {
	return collect(ctx, r.db, "rpe", func(rows *sql.Rows) (RPEYear, error) {
		var y RPEYear
		err := rows.Scan(&y.Antenne, &y.NomAntenne, &y.Annee, &y.AteliersRealises, &y.AteliersAnnules, &y.AMDistinctes, &y.AMActives,
			&y.TauxFrequentation, &y.ContactsParents, &y.ContactsProfessionnels, &y.AMParETP)
		return y, err
	})
}

// TrainingYear is a row of marts.formation_annuelle.
type TrainingYear struct {
	NomAntenne                                         string // the antenne's name, « Territoire » for the whole
	Antenne                                            string
	Annee                                              int             `col:"annee"`
	AMActives                                          int             `col:"am_actives_1er_janvier"`
	AMFormees                                          int             `col:"am_formees"`
	TauxDepart                                         sql.NullFloat64 `col:"taux_depart_formation"`
	SessionsProgrammees, SessionsAnnulees, SousMinimum int
	Heures                                             float64
}

// TrainingYears reads training uptake by antenne (and « territoire ») and year.
func (r *Reader) TrainingYears(ctx context.Context) ([]TrainingYear, error) {
	return collect(ctx, r.db, "formation", func(rows *sql.Rows) (TrainingYear, error) {
		var y TrainingYear
		err := rows.Scan(&y.Antenne, &y.NomAntenne, &y.Annee, &y.AMActives, &y.AMFormees, &y.TauxDepart, &y.SessionsProgrammees,
			&y.SessionsAnnulees, &y.SousMinimum, &y.Heures)
		return y, err
	})
}

// BrakeLever is a row of marts.freins_leviers.
type BrakeLever struct {
	Annee                 int `col:"annee"`
	Nature, Code, Libelle string
	Reponses              int             `col:"reponses"`
	Part                  sql.NullFloat64 `col:"part_repondants"`
	PartNonFormees        sql.NullFloat64 `col:"part_chez_non_formees"`
}

// BrakesLevers reads the survey's brakes and levers.
func (r *Reader) BrakesLevers(ctx context.Context) ([]BrakeLever, error) {
	return collect(ctx, r.db, "freins_leviers", func(rows *sql.Rows) (BrakeLever, error) {
		var b BrakeLever
		err := rows.Scan(&b.Annee, &b.Nature, &b.Code, &b.Libelle, &b.Reponses, &b.Part, &b.PartNonFormees)
		return b, err
	})
}

// AMYear is a territory row of marts.am_attractivite_annuelle.
type AMYear struct {
	Annee             int             `col:"annee"`
	Actives1erJanvier int             `col:"am_actives_1er_janvier"`
	Nouveaux          int             `col:"nouveaux_agrements"`
	Cessations        int             `col:"cessations"`
	Retraites         int             `col:"cessations_retraite"`
	Ratio             sql.NullFloat64 `col:"ratio_renouvellement"`
	Actives31Decembre int             `col:"am_actives_31_decembre"`
	Places            int
	AgeMoyen          sql.NullFloat64
	EnActivite        sql.NullInt64 `col:"am_en_activite"` // agréés the year's register says active
}

// AMYears reads the attractiveness of the profession for the territory.
func (r *Reader) AMYears(ctx context.Context) ([]AMYear, error) {
	return collect(ctx, r.db, "attractivite", func(rows *sql.Rows) (AMYear, error) {
		var y AMYear
		err := rows.Scan(&y.Annee, &y.Actives1erJanvier, &y.Nouveaux, &y.Cessations, &y.Retraites, &y.Ratio,
			&y.Actives31Decembre, &y.Places, &y.AgeMoyen, &y.EnActivite)
		return y, err
	})
}

// AgeBand is a row of marts.am_pyramide_ages.
type AgeBand struct {
	Annee   int `col:"annee"`
	Tranche string
	AM      int `col:"am"`
	Places  int
}

// AgeBands reads the age pyramid of the AM.
func (r *Reader) AgeBands(ctx context.Context) ([]AgeBand, error) {
	return collect(ctx, r.db, "pyramide", func(rows *sql.Rows) (AgeBand, error) {
		var b AgeBand
		err := rows.Scan(&b.Annee, &b.Tranche, &b.AM, &b.Places)
		return b, err
	})
}

// Projection is a row of marts.am_projection_departs.
type Projection struct {
	AnneeReference int
	Annee          int `col:"annee"`
	Departs        int `col:"departs_retraite_projetes"`
	Places         int
	PlacesCumulees int
}

// Projections reads the projected retirements.
func (r *Reader) Projections(ctx context.Context) ([]Projection, error) {
	return collect(ctx, r.db, "projection", func(rows *sql.Rows) (Projection, error) {
		var p Projection
		err := rows.Scan(&p.AnneeReference, &p.Annee, &p.Departs, &p.Places, &p.PlacesCumulees)
		return p, err
	})
}

// Coverage is a row of marts.couverture_commune, with the commune's name.
type Coverage struct {
	Insee, Nom string
	Annee      int `col:"annee"`
	AM         int `col:"am_actives_31_decembre"`
	PlacesAM   int
	PlacesEAJE float64
	Enfants    sql.NullInt64   `col:"enfants_moins_3_ans"`
	Taux       sql.NullFloat64 `col:"taux_couverture"`
	Estimation bool
}

// Coverages reads the coverage of every commune and year.
func (r *Reader) Coverages(ctx context.Context) ([]Coverage, error) {
	return collect(ctx, r.db, "couverture", func(rows *sql.Rows) (Coverage, error) {
		var c Coverage
		err := rows.Scan(&c.Insee, &c.Nom, &c.Annee, &c.AM, &c.PlacesAM, &c.PlacesEAJE, &c.Enfants, &c.Taux, &c.Estimation)
		return c, err
	})
}

// Boundary is a row of marts.carte_communes.
type Boundary struct {
	Insee, Nom, GeoJSON string
}

// Boundaries reads the communes' boundaries.
func (r *Reader) Boundaries(ctx context.Context) ([]Boundary, error) {
	return collect(ctx, r.db, "carte", func(rows *sql.Rows) (Boundary, error) {
		var b Boundary
		err := rows.Scan(&b.Insee, &b.Nom, &b.GeoJSON)
		return b, err
	})
}

// Indicator is a row of marts.indicateurs_cles.
type Indicator struct {
	Annee                int
	Theme, Code, Libelle string
	Valeur               sql.NullFloat64
	Unite                string // « personnes » for a count of persons (see [UnitPersons])
	ValeurN1             sql.NullFloat64
	Revele               []string // indicators of persons the value is computed from
	Donnees, DonneesN1   string   // complet, partiel or manquant: the state of the exports behind the value
}

// Indicators reads the key indicators.
func (r *Reader) Indicators(ctx context.Context) ([]Indicator, error) {
	return collect(ctx, r.db, "indicateurs", func(rows *sql.Rows) (Indicator, error) {
		var i Indicator
		var revele sql.NullString
		err := rows.Scan(&i.Annee, &i.Theme, &i.Code, &i.Libelle, &i.Valeur, &i.Unite, &i.ValeurN1, &revele, &i.Donnees, &i.DonneesN1)
		i.Revele = splitNames(revele.String)
		return i, err
	})
}

// FileQuality is a row of marts.qualite_donnees.
type FileQuality struct {
	Fichier, Type, Statut    string
	Lues, Chargees, Rejetees int
	PremierMotif, Detail     sql.NullString
	Code                     string // the structure the file's name announces, if any
}

// Quality reads what happened to every file loaded.
func (r *Reader) Quality(ctx context.Context) ([]FileQuality, error) {
	return collect(ctx, r.db, "qualite", func(rows *sql.Rows) (FileQuality, error) {
		var q FileQuality
		err := rows.Scan(&q.Fichier, &q.Type, &q.Statut, &q.Lues, &q.Chargees, &q.Rejetees, &q.PremierMotif, &q.Detail, &q.Code)
		return q, err
	})
}

// CommuneCare is a row of marts.accueil_par_commune.
type CommuneCare struct {
	Insee           string
	Annee           int `col:"annee"`
	Code, Nom, Type string
	Enfants         int `col:"enfants"`
}

// CommuneCares reads how many children of each commune each structure received.
func (r *Reader) CommuneCares(ctx context.Context) ([]CommuneCare, error) {
	return collect(ctx, r.db, "accueil_commune", func(rows *sql.Rows) (CommuneCare, error) {
		var c CommuneCare
		err := rows.Scan(&c.Insee, &c.Annee, &c.Code, &c.Nom, &c.Type, &c.Enfants)
		return c, err
	})
}

// Completeness is a row of marts.completude: an export a structure owes for a period, and what
// was received of it.
type Completeness struct {
	Code, Nom, Type, Periode       string
	Annee                          int
	Statut                         string // complet, partiel, manquant or refuse
	Fichiers, FichiersRefuses      int
	LignesChargees, LignesRejetees int
	Motif                          sql.NullString
}

// Completenesses reads what was expected and received, structure by structure.
func (r *Reader) Completenesses(ctx context.Context) ([]Completeness, error) {
	return collect(ctx, r.db, "completude", func(rows *sql.Rows) (Completeness, error) {
		var c Completeness
		err := rows.Scan(&c.Code, &c.Nom, &c.Type, &c.Periode, &c.Annee, &c.Statut, &c.Fichiers, &c.FichiersRefuses,
			&c.LignesChargees, &c.LignesRejetees, &c.Motif)
		return c, err
	})
}

// Rejected is a row of marts.lignes_rejetees: one failing column of a rejected line.
type Rejected struct {
	Fichier, Code    string
	Ligne            int
	Colonne, Valeur  sql.NullString
	Motif, CodeMotif string
}

// RejectedLines reads every rejected line, file by file.
func (r *Reader) RejectedLines(ctx context.Context) ([]Rejected, error) {
	return collect(ctx, r.db, "lignes_rejetees", func(rows *sql.Rows) (Rejected, error) {
		var x Rejected
		err := rows.Scan(&x.Fichier, &x.Code, &x.Ligne, &x.Colonne, &x.Valeur, &x.Motif, &x.CodeMotif)
		return x, err
	})
}

// RegimeHours is a row of marts.eaje_heures_regime: an EAJE's hours of a year for the families
// of one régime.
type RegimeHours struct {
	Code                             string
	Annee                            int
	Regime                           string
	HeuresRealisees, HeuresFacturees float64
	Part                             sql.NullFloat64
}

// RegimeHoursByEAJE reads the hours of every EAJE by year and régime.
func (r *Reader) RegimeHoursByEAJE(ctx context.Context) ([]RegimeHours, error) {
	return collect(ctx, r.db, "eaje_regimes", func(rows *sql.Rows) (RegimeHours, error) {
		var h RegimeHours
		err := rows.Scan(&h.Code, &h.Annee, &h.Regime, &h.HeuresRealisees, &h.HeuresFacturees, &h.Part)
		return h, err
	})
}
