package marts

import (
	"context"
	"slices"
)

// Bundle is every mart the reports and the dashboard show, read once.
type Bundle struct {
	Infos        Infos
	Communes     []Commune
	Indicators   []Indicator
	Years        []YearCount
	EAJEMonths   []EAJEMonth
	EAJEYears    []EAJEYear
	ACM          []ACMPeriod
	Sejours      []Sejour
	RPE          []RPEYear
	Training     []TrainingYear
	BrakesLevers []BrakeLever
	AM           []AMYear
	Ages         []AgeBand
	Projections  []Projection
	Coverage     []Coverage
	Boundaries   []Boundary
	Quality      []FileQuality
	Care         []CommuneCare
}

// ReadAll reads every mart of the bundle.
func (r *Reader) ReadAll(ctx context.Context) (*Bundle, error) {
	d := &Bundle{}
	var err error
	steps := []func(){
		func() { d.Infos, err = r.Infos(ctx) },
		func() { d.Communes, err = r.Communes(ctx) },
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
	}
	for _, step := range steps {
		if step(); err != nil {
			return nil, err
		}
	}
	return d, nil
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
