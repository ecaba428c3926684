package marts

import (
	"context"
	"slices"
)

// Bundle is every mart the reports and the dashboard show, read once. A field tagged with its
// mart is protected by the secrecy that mart declares.
type Bundle struct {
	Infos        Infos
	Communes     []Commune
	Structures   []Structure
	Indicators   []Indicator
	Years        []YearCount
	EAJEMonths   []EAJEMonth
	EAJEYears    []EAJEYear     `mart:"eaje_occupation_annuelle"`
	ACM          []ACMPeriod    `mart:"acm_frequentation"`
	Sejours      []Sejour       `mart:"sejours_remplissage"`
	RPE          []RPEYear      `mart:"rpe_activite_annuelle"`
	Training     []TrainingYear `mart:"formation_annuelle"`
	BrakesLevers []BrakeLever   `mart:"freins_leviers"`
	AM           []AMYear       `mart:"am_attractivite_annuelle"`
	Ages         []AgeBand      `mart:"am_pyramide_ages"`
	Projections  []Projection   `mart:"am_projection_departs"`
	Coverage     []Coverage     `mart:"couverture_commune"`
	Boundaries   []Boundary
	Quality      []FileQuality
	Care         []CommuneCare `mart:"accueil_par_commune"`
	Completude   []Completeness
	Rejets       []Rejected
	Regimes      []RegimeHours
	Contacts     []RPEContacts
	Dispos       []Availability `mart:"am_disponibilites_annuelles"`
	TempsForts   []HighlightYear
	ACMActs      []ACMActs
	PSU          []PSUDeclaration
	CTG          []CTGTrack
	CNAF         []CNAFCoverage
}

// ReadAll reads every mart of the bundle, with the statistical secrecy applied (see [Masked]).
func (r *Reader) ReadAll(ctx context.Context) (*Bundle, error) {
	d := &Bundle{}
	var err error
	steps := []func(){
		func() { d.Infos, err = r.Infos(ctx) },
		func() { d.Communes, err = r.Communes(ctx) },
		func() { d.Structures, err = r.Structures(ctx) },
		func() { d.Indicators, err = r.Indicators(ctx) },
		func() { d.Years, err = r.PopulationTerritoire(ctx) },
		func() { d.EAJEMonths, err = r.EAJEMonths(ctx) },
		func() { d.EAJEYears, err = r.EAJEYears(ctx) },
		func() { d.ACM, err = r.ACMPeriods(ctx) },
		func() { d.Sejours, err = r.Sejours(ctx) },
		func() { d.RPE, err = r.RPEYears(ctx) },
		func() { d.Training, err = r.TrainingYears(ctx) },
		func() { d.BrakesLevers, err = r.BrakesLevers(ctx) },
		func() { d.AM, err = r.AMYears(ctx) },
		func() { d.Ages, err = r.AgeBands(ctx) },
		func() { d.Projections, err = r.Projections(ctx) },
		func() { d.Coverage, err = r.Coverages(ctx) },
		func() { d.Boundaries, err = r.Boundaries(ctx) },
		func() { d.Quality, err = r.Quality(ctx) },
		func() { d.Care, err = r.CommuneCares(ctx) },
		func() { d.Completude, err = r.Completenesses(ctx) },
		func() { d.Rejets, err = r.RejectedLines(ctx) },
		func() { d.Regimes, err = r.RegimeHoursByEAJE(ctx) },
		func() { d.Contacts, err = r.RPEContactsByReason(ctx) },
		func() { d.Dispos, err = r.Availabilities(ctx) },
		func() { d.TempsForts, err = r.Highlights(ctx) },
		func() { d.ACMActs, err = r.ACMActsByPeriod(ctx) },
		func() { d.PSU, err = r.PSUDeclarations(ctx) },
		func() { d.CTG, err = r.CTGTracks(ctx) },
		func() { d.CNAF, err = r.CNAFCoverages(ctx) },
	}
	for _, step := range steps {
		if step(); err != nil {
			return nil, err
		}
	}
	return d, r.protect(ctx, d)
}

// IndicatorYears are the years the key indicators cover, oldest first: the years a report or a
// page can describe.
func (b *Bundle) IndicatorYears() []int {
	var years []int
	for _, i := range b.Indicators {
		years = append(years, i.Annee)
	}
	slices.Sort(years)
	return slices.Compact(years)
}

// ReportYear is the year the documents describe: year when given, else the reference year when
// the key indicators have it, else the last year they have.
func (b *Bundle) ReportYear(year int) int {
	if year != 0 {
		return year
	}
	years := b.IndicatorYears()
	if len(years) == 0 || slices.Contains(years, b.Infos.AnneeReference) {
		return b.Infos.AnneeReference
	}
	return years[len(years)-1]
}
