package marts

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"enfance/internal/warehouse"
)

// The rows below mirror the marts the dashboards and reports read; each comes from one embedded
// query of queries/, named after it, and each type and reader is named after its mart.

// EAJEOccupationMensuelle is a row of marts.eaje_occupation_mensuelle, with the structure's name
// (marts.dim_structure). A month whose presences are missing or refused has no hours and no rates.
type EAJEOccupationMensuelle struct {
	Code            string          `col:"code_structure"`
	Nom             string          `col:"nom"`
	Annee           int             `col:"annee"`
	Mois            int             `col:"mois"`
	TauxReel        sql.NullFloat64 `col:"taux_occupation_reel"`
	TauxFinancier   sql.NullFloat64 `col:"taux_occupation_financier"`
	HeuresRealisees sql.NullFloat64 `col:"heures_realisees"`
	HeuresFacturees sql.NullFloat64 `col:"heures_facturees"`
	Capacite        float64         `col:"capacite_theorique_heures"`
	Jours           int             `col:"jours_ouverture"`
	TauxFacturation sql.NullFloat64 `col:"taux_facturation"`
	Donnees         string          `col:"donnees"` // complet, partiel, manquant or refuse (see [Completude])
}

// EAJEOccupationMensuelle reads the monthly occupancy of every EAJE.
func (r *Reader) EAJEOccupationMensuelle(ctx context.Context) ([]EAJEOccupationMensuelle, error) {
	return collect[EAJEOccupationMensuelle](ctx, r.db, "eaje_occupation_mensuelle")
}

// EAJEOccupationAnnuelle is a row of marts.eaje_occupation_annuelle, with the structure's name
// (marts.dim_structure).
type EAJEOccupationAnnuelle struct {
	Code            string          `col:"code_structure"`
	Nom             string          `col:"nom"`
	Annee           int             `col:"annee"`
	TauxReel        sql.NullFloat64 `col:"taux_occupation_reel"`
	TauxFinancier   sql.NullFloat64 `col:"taux_occupation_financier"`
	TauxFacturation sql.NullFloat64 `col:"taux_facturation"`
	Zone            string          `col:"zone_facturation"`
	Enfants         int             `col:"enfants_distincts"`
	Jours           int             `col:"jours_ouverture"`
	// Enfants, Capacite, HeuresRealisees and HeuresFacturees are of the months received: 0 for a
	// year none was (Donnees manquant), where the mart leaves them empty.
	Capacite        float64 `col:"capacite_theorique_heures"`
	HeuresRealisees float64 `col:"heures_realisees"`
	HeuresFacturees float64 `col:"heures_facturees"`
	MoisSansDonnees int     `col:"mois_sans_donnees"`
	Donnees         string  `col:"donnees"` // complet, partiel or manquant
}

// EAJEOccupationAnnuelle reads the yearly occupancy of every EAJE.
func (r *Reader) EAJEOccupationAnnuelle(ctx context.Context) ([]EAJEOccupationAnnuelle, error) {
	return collect[EAJEOccupationAnnuelle](ctx, r.db, "eaje_occupation_annuelle")
}

// ACMFrequentation is a row of marts.acm_frequentation, with the structure's name
// (marts.dim_structure).
type ACMFrequentation struct {
	Code            string          `col:"code_structure"`
	Nom             string          `col:"nom"`
	Annee           int             `col:"annee"`
	Periode         string          `col:"periode"`
	TauxRemplissage sql.NullFloat64 `col:"taux_remplissage"`
	EnfantsJours    int             `col:"presences_enfants_jours"`
	Capacite        int             `col:"capacite_places_jours"`
	Enfants         int             `col:"enfants_distincts"`
	Debut           time.Time       `col:"date_debut"`       // first day of the period
	Fin             time.Time       `col:"date_fin"`         // last day of the period
	Donnees         string          `col:"donnees"`          // state of the period's presences (see [Completude])
	HeuresRealisees float64         `col:"heures_realisees"` // hours of presence: the actes the CAF counts
}

// ACMFrequentation reads the attendance of every ACM by declared period.
func (r *Reader) ACMFrequentation(ctx context.Context) ([]ACMFrequentation, error) {
	return collect[ACMFrequentation](ctx, r.db, "acm_frequentation")
}

// SejoursRemplissage is a row of marts.sejours_remplissage.
type SejoursRemplissage struct {
	Code            string          `col:"code_sejour"`
	Annee           int             `col:"annee"`
	Intitule        string          `col:"intitule"`
	Places          int             `col:"places_ouvertes"`
	Participants    int             `col:"participants"`
	ListeAttente    int             `col:"liste_attente"`
	TauxRemplissage sql.NullFloat64 `col:"taux_remplissage"`
	Donnees         string          `col:"donnees"` // state of the year's registrations (see [Completude])
}

// SejoursRemplissage reads every séjour.
func (r *Reader) SejoursRemplissage(ctx context.Context) ([]SejoursRemplissage, error) {
	return collect[SejoursRemplissage](ctx, r.db, "sejours_remplissage")
}

// RPEActiviteAnnuelle is a row of marts.rpe_activite_annuelle, with the antenne's name
// (marts.dim_antenne).
type RPEActiviteAnnuelle struct {
	NomAntenne             string          `col:"nom_antenne"` // the antenne's name, « Territoire » for the whole
	Antenne                string          `col:"antenne"`
	Annee                  int             `col:"annee"`
	AteliersRealises       int             `col:"ateliers_realises"`
	AteliersAnnules        int             `col:"ateliers_annules"`
	AMDistinctes           int             `col:"am_distinctes_ateliers"`
	AMActives              int             `col:"am_actives_1er_janvier"`
	TauxFrequentation      sql.NullFloat64 `col:"taux_frequentation_am"`
	ContactsParents        int             `col:"contacts_parents"`
	ContactsProfessionnels int             `col:"contacts_professionnels"`
	AMParETP               sql.NullFloat64 `col:"am_par_etp"` // AM active on 1 January for one ETP of animation (target: 70)
}

// RPEActiviteAnnuelle reads the relais' activity by antenne and year.
func (r *Reader) RPEActiviteAnnuelle(ctx context.Context) ([]RPEActiviteAnnuelle, error) {
	return collect[RPEActiviteAnnuelle](ctx, r.db, "rpe_activite_annuelle")
}

// FormationAnnuelle is a row of marts.formation_annuelle, with the antenne's name
// (marts.dim_antenne).
type FormationAnnuelle struct {
	NomAntenne          string          `col:"nom_antenne"` // the antenne's name, « Territoire » for the whole
	Antenne             string          `col:"antenne"`
	Annee               int             `col:"annee"`
	AMActives           int             `col:"am_actives_1er_janvier"`
	AMFormees           int             `col:"am_formees"`
	TauxDepart          sql.NullFloat64 `col:"taux_depart_formation"`
	SessionsProgrammees int             `col:"sessions_programmees"`
	SessionsAnnulees    int             `col:"sessions_annulees"`
	SousMinimum         int             `col:"sessions_sous_minimum"`
	Heures              float64         `col:"heures_formation"`
}

// FormationAnnuelle reads training uptake by antenne (and « territoire ») and year.
func (r *Reader) FormationAnnuelle(ctx context.Context) ([]FormationAnnuelle, error) {
	return collect[FormationAnnuelle](ctx, r.db, "formation_annuelle")
}

// FreinsLeviers is a row of marts.freins_leviers.
type FreinsLeviers struct {
	Annee          int             `col:"annee"`
	Nature         string          `col:"nature"`
	Code           string          `col:"code"`
	Libelle        string          `col:"libelle"`
	Reponses       int             `col:"reponses"`
	Part           sql.NullFloat64 `col:"part_repondants"`
	PartNonFormees sql.NullFloat64 `col:"part_chez_non_formees"`
}

// FreinsLeviers reads the survey's brakes and levers.
func (r *Reader) FreinsLeviers(ctx context.Context) ([]FreinsLeviers, error) {
	return collect[FreinsLeviers](ctx, r.db, "freins_leviers")
}

// AMAttractiviteAnnuelle is a territory row of marts.am_attractivite_annuelle, for the years
// whose register was received (marts.completude).
type AMAttractiviteAnnuelle struct {
	Annee             int             `col:"annee"`
	Actives1erJanvier int             `col:"am_actives_1er_janvier"`
	Nouveaux          int             `col:"nouveaux_agrements"`
	Cessations        int             `col:"cessations"`
	Retraites         int             `col:"cessations_retraite"`
	Ratio             sql.NullFloat64 `col:"ratio_renouvellement"`
	Actives31Decembre int             `col:"am_actives_31_decembre"`
	Places            int             `col:"places_agreees"`
	AgeMoyen          sql.NullFloat64 `col:"age_moyen"`
	EnActivite        sql.NullInt64   `col:"am_en_activite"` // agréés the year's register says active
}

// AMAttractiviteAnnuelle reads the attractiveness of the profession for the territory.
func (r *Reader) AMAttractiviteAnnuelle(ctx context.Context) ([]AMAttractiviteAnnuelle, error) {
	return collect[AMAttractiviteAnnuelle](ctx, r.db, "am_attractivite_annuelle")
}

// AMPyramideAges is a row of marts.am_pyramide_ages, for the years whose register was received
// (marts.completude).
type AMPyramideAges struct {
	Annee   int    `col:"annee"`
	Tranche string `col:"tranche_age"`
	AM      int    `col:"am"`
	Places  int    `col:"places_agreees"`
}

// AMPyramideAges reads the age pyramid of the AM.
func (r *Reader) AMPyramideAges(ctx context.Context) ([]AMPyramideAges, error) {
	return collect[AMPyramideAges](ctx, r.db, "am_pyramide_ages")
}

// AMProjectionDeparts is a row of marts.am_projection_departs, for the reference years whose
// register was received (marts.completude).
type AMProjectionDeparts struct {
	AnneeReference int `col:"annee_reference"`
	Annee          int `col:"annee"`
	Departs        int `col:"departs_retraite_projetes"`
	Places         int `col:"places_perdues_projetees"`
	PlacesCumulees int `col:"places_perdues_cumulees"`
}

// AMProjectionDeparts reads the projected retirements.
func (r *Reader) AMProjectionDeparts(ctx context.Context) ([]AMProjectionDeparts, error) {
	return collect[AMProjectionDeparts](ctx, r.db, "am_projection_departs")
}

// CouvertureCommune is a row of marts.couverture_commune, with the commune's name
// (marts.dim_commune), for the years whose register was received (marts.completude).
type CouvertureCommune struct {
	Insee      string          `col:"commune_insee"`
	Nom        string          `col:"nom_commune"`
	Annee      int             `col:"annee"`
	AM         int             `col:"am_actives_31_decembre"`
	PlacesAM   int             `col:"places_am"`
	PlacesEAJE float64         `col:"places_eaje"`
	Enfants    sql.NullInt64   `col:"enfants_moins_3_ans"`
	Taux       sql.NullFloat64 `col:"taux_couverture"`
	Estimation bool            `col:"estimation"`
}

// CouvertureCommune reads the coverage of every commune and year.
func (r *Reader) CouvertureCommune(ctx context.Context) ([]CouvertureCommune, error) {
	return collect[CouvertureCommune](ctx, r.db, "couverture_commune")
}

// CarteCommunes is a row of marts.carte_communes: a commune's boundary.
type CarteCommunes struct {
	Insee   string `col:"commune_insee"`
	Nom     string `col:"nom_commune"`
	GeoJSON string `col:"geometrie_geojson"`
}

// CarteCommunes reads the communes' boundaries.
func (r *Reader) CarteCommunes(ctx context.Context) ([]CarteCommunes, error) {
	return collect[CarteCommunes](ctx, r.db, "carte_communes")
}

// IndicateursCles is a row of marts.indicateurs_cles.
type IndicateursCles struct {
	Annee     int             `col:"annee"`
	Theme     string          `col:"theme"`
	Code      string          `col:"indicateur"`
	Libelle   string          `col:"libelle"`
	Valeur    sql.NullFloat64 `col:"valeur"`
	Unite     string          `col:"unite"` // « personnes » for a count of persons (see [UnitPersons])
	ValeurN1  sql.NullFloat64 `col:"valeur_n_1"`
	Revele    NameList        `col:"revele"`      // indicators of persons the value is computed from
	Donnees   string          `col:"donnees"`     // complet, partiel or manquant: the state of the exports behind the value
	DonneesN1 string          `col:"donnees_n_1"` // the same for ValeurN1
}

// IndicateursCles reads the key indicators.
func (r *Reader) IndicateursCles(ctx context.Context) ([]IndicateursCles, error) {
	return collect[IndicateursCles](ctx, r.db, "indicateurs_cles")
}

// NameList is a list of names the warehouse writes as one text, « a, b » (NULL: none).
type NameList []string

// Scan reads a NameList from a text or NULL (database/sql.Scanner).
func (l *NameList) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*l = nil
	case string:
		*l = warehouse.SplitNames(v)
	case []byte:
		*l = warehouse.SplitNames(string(v))
	default:
		return fmt.Errorf("liste de noms : type %T inattendu", src)
	}
	return nil
}

// QualiteDonnees is a row of marts.qualite_donnees.
type QualiteDonnees struct {
	Fichier      string         `col:"fichier"`
	Type         string         `col:"type_export"`
	Statut       string         `col:"statut"`
	Lues         int            `col:"lignes_lues"`
	Chargees     int            `col:"lignes_chargees"`
	Rejetees     int            `col:"lignes_rejetees"`
	PremierMotif sql.NullString `col:"premier_motif"`
	Detail       sql.NullString `col:"detail"`
	Code         string         `col:"code_structure"` // the structure the file's name announces, if any
}

// QualiteDonnees reads what happened to every file loaded.
func (r *Reader) QualiteDonnees(ctx context.Context) ([]QualiteDonnees, error) {
	return collect[QualiteDonnees](ctx, r.db, "qualite_donnees")
}

// AccueilParCommune is a row of marts.accueil_par_commune.
type AccueilParCommune struct {
	Insee   string `col:"commune_insee"`
	Annee   int    `col:"annee"`
	Code    string `col:"code_structure"`
	Nom     string `col:"nom_structure"`
	Type    string `col:"type_structure"`
	Enfants int    `col:"enfants"`
}

// AccueilParCommune reads how many children of each commune each structure received.
func (r *Reader) AccueilParCommune(ctx context.Context) ([]AccueilParCommune, error) {
	return collect[AccueilParCommune](ctx, r.db, "accueil_par_commune")
}

// Completude is a row of marts.completude, with the structure's name (marts.dim_structure): an
// export a structure owes for a period, and what was received of it.
type Completude struct {
	Code            string         `col:"code_structure"`
	Nom             string         `col:"nom"`
	Type            string         `col:"type_export"`
	Periode         string         `col:"periode"`
	Annee           int            `col:"annee"`
	Statut          string         `col:"statut"` // complet, partiel, manquant or refuse
	Fichiers        int            `col:"fichiers"`
	FichiersRefuses int            `col:"fichiers_refuses"`
	LignesChargees  int            `col:"lignes_chargees"`
	LignesRejetees  int            `col:"lignes_rejetees"`
	Motif           sql.NullString `col:"motif"`
}

// Completude reads what was expected and received, structure by structure.
func (r *Reader) Completude(ctx context.Context) ([]Completude, error) {
	return collect[Completude](ctx, r.db, "completude")
}

// LignesRejetees is a row of marts.lignes_rejetees: one failing column of a rejected line.
type LignesRejetees struct {
	Fichier   string         `col:"fichier"`
	Code      string         `col:"code_structure"`
	Ligne     int            `col:"ligne"`
	Colonne   sql.NullString `col:"colonne"`
	Valeur    sql.NullString `col:"valeur"`
	Motif     string         `col:"motif"`
	CodeMotif string         `col:"code_motif"`
}

// LignesRejetees reads every rejected line, file by file.
func (r *Reader) LignesRejetees(ctx context.Context) ([]LignesRejetees, error) {
	return collect[LignesRejetees](ctx, r.db, "lignes_rejetees")
}

// EAJEHeuresRegime is a row of marts.eaje_heures_regime: an EAJE's hours of a year for the
// families of one régime.
type EAJEHeuresRegime struct {
	Code            string          `col:"code_structure"`
	Annee           int             `col:"annee"`
	Regime          string          `col:"regime"`
	HeuresRealisees float64         `col:"heures_realisees"`
	HeuresFacturees float64         `col:"heures_facturees"`
	Part            sql.NullFloat64 `col:"part_heures_facturees"`
}

// EAJEHeuresRegime reads the hours of every EAJE by year and régime.
func (r *Reader) EAJEHeuresRegime(ctx context.Context) ([]EAJEHeuresRegime, error) {
	return collect[EAJEHeuresRegime](ctx, r.db, "eaje_heures_regime")
}
