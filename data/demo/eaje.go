package demo

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Multi-accueil hours and its agrément modulé: fewer places at both ends of the day.
const (
	maOpen, maClose = 7.5, 18.5
	busOpen         = 9.0
	busClose        = 16.5
)

var busDays = []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}

// eaje writes, for each EAJE, its capacity slots, its closed days and a file of presences per
// month.
func (g *generator) eaje() error {
	for _, s := range append(g.t.of("eaje_multi_accueil"), g.t.of("eaje_itinerant")...) {
		folder := g.path("eaje", s.code)
		if err := g.out.csv(folder+"/eaje_capacites_"+s.code+".csv", g.capacities(s), frenchExcel); err != nil {
			return err
		}
		for y := g.o.From; y <= g.o.To; y++ {
			closed := closures(s, y)
			if err := g.out.csv(fmt.Sprintf("%s/eaje_fermetures_%s_%d.csv", folder, s.code, y), closed.table(s), frenchExcel); err != nil {
				return err
			}
			if err := g.presences(s, y, closed, folder); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *generator) capacities(s structure) *table {
	t := newTable("eaje_capacites")
	from := date(g.o.From, 1, 1)
	if s.kind == "eaje_multi_accueil" {
		week := "lun|mar|mer|jeu|ven"
		half := s.places / 2
		t.add(s.code, from, nil, week, "07:30", "08:30", half, nil)
		t.add(s.code, from, nil, week, "08:30", "17:30", s.places, nil)
		t.add(s.code, from, nil, week, "17:30", "18:30", half, nil)
		return t
	}
	for i, wd := range busDays {
		t.add(s.code, from, nil, weekdayCode(wd), "09:00", "16:30", s.places, s.stops[i])
	}
	return t
}

// closedDays are the days an EAJE does not open, with their reason.
type closedDays map[day]string

func (c closedDays) table(s structure) *table {
	t := newTable("eaje_fermetures")
	for _, d := range sortedDays(c) {
		t.add(s.code, d, c[d])
	}
	return t
}

// closures: public holidays, three weeks in August, the week of Christmas and a day of training
// in November, on the days the EAJE would otherwise open.
func closures(s structure, y int) closedDays {
	c := closedDays{}
	augustStart := date(y, 8, 1)
	for augustStart.Weekday() != time.Monday {
		augustStart = augustStart.AddDate(0, 0, 1)
	}
	training := date(y, 11, 1)
	for training.Weekday() != time.Monday || publicHoliday(training) {
		training = training.AddDate(0, 0, 1)
	}
	days(y, func(d day) {
		if !opensOn(s, d.Weekday()) {
			return
		}
		switch {
		case publicHoliday(d):
			c[d] = "jour férié"
		case !d.Before(augustStart) && d.Before(augustStart.AddDate(0, 0, 21)):
			c[d] = "fermeture estivale"
		case (d.Month() == 12 && d.Day() >= 24) || (d.Month() == 1 && d.Day() <= 1):
			c[d] = "fermeture de fin d'année"
		case d.Equal(training):
			c[d] = "journée pédagogique"
		}
	})
	return c
}

// openSpan is the hours an EAJE opens in a day.
func openSpan(s structure) float64 {
	if s.kind == "eaje_itinerant" {
		return busClose - busOpen
	}
	return maClose - maOpen
}

func opensOn(s structure, w time.Weekday) bool {
	if s.kind == "eaje_itinerant" {
		return busStop(s, w) != ""
	}
	return w >= time.Monday && w <= time.Friday
}

// busStop is the commune where a bus stands on a weekday, or "".
func busStop(s structure, w time.Weekday) string {
	for i, wd := range busDays {
		if wd == w && i < len(s.stops) {
			return s.stops[i]
		}
	}
	return ""
}

// enrolled is a child with a contract in an EAJE.
type enrolled struct {
	name       string
	birth      day
	insee      string
	regime     string
	weekdays   []time.Weekday
	arrive     float64
	leave      float64
	start, end day
}

func (e *enrolled) comes(w time.Weekday) bool {
	for _, d := range e.weekdays {
		if d == w {
			return true
		}
	}
	return false
}

// presences simulates every open day of year y and writes a file per month.
func (g *generator) presences(s structure, y int, closed closedDays, folder string) error {
	r := g.rand(fmt.Sprintf("presences-%s-%d", s.code, y))
	months := map[time.Month]*table{}
	var pool []*enrolled
	occasionals := g.occasionalPool(r, s, y)
	days(y, func(d day) {
		if !opensOn(s, d.Weekday()) || closed[d] != "" {
			return
		}
		pool = g.refill(r, s, d, pool)
		t := months[d.Month()]
		if t == nil {
			t = newTable("eaje_presences")
			months[d.Month()] = t
		}
		seen := map[string]bool{}
		for _, e := range pool {
			if e.comes(d.Weekday()) && !seen[e.name+e.birth.String()] {
				seen[e.name+e.birth.String()] = true
				regularDay(r, t, s, d, e)
			}
		}
		occasionalDays(r, t, s, d, occasionals, seen)
	})
	for m := time.January; m <= time.December; m++ {
		t := months[m]
		if t == nil {
			continue
		}
		f := frenchExcel
		if s.kind == "eaje_itinerant" {
			f = managementSoftware
		}
		if err := g.write(fmt.Sprintf("%s/eaje_presences_%s_%d-%02d.csv", folder, s.code, y, m), t, f); err != nil {
			return err
		}
	}
	return nil
}

// refill drops the children whose contract has ended and enrols new ones up to the structure's
// target: about 1,4 child per place in a multi-accueil, and a group per stop for a bus.
func (g *generator) refill(r *rand.Rand, s structure, d day, pool []*enrolled) []*enrolled {
	kept := pool[:0]
	for _, e := range pool {
		if e.end.After(d) {
			kept = append(kept, e)
		}
	}
	target := int(float64(s.places) * 1.4)
	if s.kind == "eaje_itinerant" {
		target = 4 * s.places * 3 / 4
	}
	for len(kept) < target {
		kept = append(kept, g.newChild(r, s, d))
	}
	return kept
}

func (g *generator) newChild(r *rand.Rand, s structure, d day) *enrolled {
	months := between(r, 3, 30)
	birth := d.AddDate(0, -months, -r.IntN(28))
	e := &enrolled{name: child(r), birth: birth, start: d, regime: pick(r, []string{"general", "general", "general", "general", "general", "general", "general", "msa", "autre"})}
	// Children leave at three, or at the rentrée of the school year they turn three.
	e.end = birth.AddDate(3, 0, 0)
	if sept := date(birth.AddDate(3, 0, 0).Year(), 9, 1); sept.Before(e.end) && birth.AddDate(2, 9, 0).Before(sept) {
		e.end = sept
	}
	e.end = minDay(e.end, d.AddDate(0, between(r, 6, 30), 0))
	if s.kind == "eaje_itinerant" {
		i := r.IntN(len(s.stops))
		e.insee, e.weekdays = s.stops[i], []time.Weekday{busDays[i]}
		e.arrive, e.leave = busOpen+0.25*float64(r.IntN(4)), busClose-0.25*float64(r.IntN(6))
		return e
	}
	e.insee = g.t.nearbyCommune(r, s.insee)
	all := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	e.weekdays = all[:between(r, 2, 5)]
	e.arrive = maOpen + 0.25*float64(r.IntN(8))
	e.leave = min(e.arrive+6+0.25*float64(r.IntN(16)), maClose)
	return e
}

func minDay(a, b day) day {
	if a.Before(b) {
		return a
	}
	return b
}

var deductible = []string{"maladie", "maladie", "hospitalisation", "éviction", "fermeture exceptionnelle"}

// regularDay writes one contracted day: contract, realised and billed hours, or an absence.
func regularDay(r *rand.Rand, t *table, s structure, d day, e *enrolled) {
	contract := e.leave - e.arrive
	realised, billed, absence := contract, contract, any(nil)
	switch {
	case chance(r, 0.05): // absence, deducted from the bill when justified
		realised = 0
		if chance(r, 0.6) {
			billed, absence = 0, pick(r, deductible)
		}
	default:
		realised = min(max(contract+0.25*float64(r.IntN(5)-3), 0.5), openSpan(s))
		if realised > contract { // a started half-hour beyond the contract is billed
			billed = contract + math.Ceil((realised-contract)*2)/2
		}
	}
	t.add(s.code, d, e.name, e.birth, e.insee, e.regime, "regulier", contract, realised, billed, absence)
}

// occasional is a child who comes now and then without a contract.
type occasional struct {
	name  string
	birth day
	insee string
}

// occasionalPool is the year's children who come without a contract: about one per place.
func (g *generator) occasionalPool(r *rand.Rand, s structure, y int) []occasional {
	pool := make([]occasional, s.places)
	for i := range pool {
		pool[i] = occasional{name: child(r), birth: date(y, 6, 1).AddDate(0, -between(r, 4, 34), -r.IntN(28)),
			insee: g.t.nearbyCommune(r, s.insee)}
		if len(s.stops) > 0 {
			pool[i].insee = s.stops[i%len(s.stops)]
		}
	}
	return pool
}

// occasionalDays adds a few children of the occasional pool, and now and then an emergency.
func occasionalDays(r *rand.Rand, t *table, s structure, d day, pool []occasional, seen map[string]bool) {
	for range r.IntN(3) {
		c := pool[r.IntN(len(pool))]
		if stop := busStop(s, d.Weekday()); stop != "" && c.insee != stop {
			continue // a bus takes the children of the commune where it stands
		}
		if seen[c.name+c.birth.String()] {
			continue
		}
		seen[c.name+c.birth.String()] = true
		kind, hours := "occasionnel", 2+0.5*float64(r.IntN(7))
		if chance(r, 0.04) {
			kind, hours = "urgence", min(8, openSpan(s))
		}
		t.add(s.code, d, c.name, c.birth, c.insee, "general", kind, nil, hours, hours, nil)
	}
}

// nearbyCommune is the structure's commune half the time, else one of its six neighbours.
func (t *territory) nearbyCommune(r *rand.Rand, insee string) string {
	if chance(r, 0.5) {
		return insee
	}
	return t.near(insee)[between(r, 1, 6)]
}

func sortedDays(m closedDays) []day {
	return slices.SortedFunc(maps.Keys(m), func(a, b day) int { return a.Compare(b) })
}
