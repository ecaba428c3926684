package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The seed's figures for the AM of the last complete year, and the yearly flows before it: new
// agréments and cessations, counted back from the last year (offset 0). Cessations run about
// three times the new agréments in the last years: « 1 remplacement pour 3 départs ».
const (
	seedActiveAM = 453
	seedPlaces   = 1465
	seedMAM      = 10
)

var flows = []struct{ arrivals, departures int }{
	{17, 51}, {16, 48}, {15, 45}, {18, 40}, {22, 38}, {24, 36}, {25, 35}, {26, 33},
}

func flow(offset int) (arrivals, departures int) {
	f := flows[min(offset, len(flows)-1)]
	return f.arrivals, f.departures
}

var mams = []struct {
	name, insee string
	size        int
}{{"MAM Les P'tits Loups", "59663", 4}, {"MAM Bout'chou", "59309", 3}, {"MAM Les Lucioles", "59647", 3}}

// am is an invented assistant maternel.
type am struct {
	name      string
	birthYear int
	agreed    day
	places    int
	insee     string
	mam       string
	ceased    day // zero while active
	reason    string
}

func (a *am) activeAt(d day) bool {
	return !a.agreed.After(d) && (a.ceased.IsZero() || a.ceased.After(d))
}

// amRegister is every AM of the territory over the years.
type amRegister struct {
	all []*am
}

func (r *amRegister) activeAt(d day) []*am {
	var out []*am
	for _, a := range r.all {
		if a.activeAt(d) {
			out = append(out, a)
		}
	}
	return out
}

func (r *amRegister) placesActive(d day) int {
	n := 0
	for _, a := range r.activeAt(d) {
		n += a.places
	}
	return n
}

// simulateAM builds the AM population: a stock at the end of the year before the first, then
// each year's cessations (mostly retirements of the oldest) and new agréments, sized so that the
// last year ends with the seed's figures.
func simulateAM(g *generator) *amRegister {
	r := g.rand("am")
	reg := &amRegister{}
	names := map[string]bool{}
	newAM := func(birthYear int, agreed day) *am {
		a := &am{birthYear: birthYear, agreed: agreed, places: pick(r, []int{2, 3, 3, 3, 4, 4}),
			insee: g.t.weightedCommune(r, agreed.Year())}
		for a.name == "" || names[a.name] {
			a.name = person(r, women)
			if g.t.prefix != "" { // AM are identified by their name: keep each territory's apart
				a.name += " " + strings.TrimSuffix(g.t.prefix, "-")
			}
		}
		names[a.name] = true
		reg.all = append(reg.all, a)
		return a
	}
	stock := seedActiveAM
	for y := g.o.To; y >= g.o.From; y-- {
		in, out := flow(g.o.To - y)
		stock += out - in
	}
	start := g.o.From - 1
	for range stock {
		age := min(max(int(r.NormFloat64()*8+53), 24), 66)
		agreedAge := between(r, 24, min(age, 45))
		agreed := randomDay(r, start-(age-agreedAge))
		newAM(start-age, agreed)
	}
	for y := g.o.From; y <= g.o.To; y++ {
		in, out := flow(g.o.To - y)
		ceaseAM(r, reg.activeAt(date(y-1, 12, 31)), y, out)
		for range in {
			newAM(y-between(r, 26, 48), randomDay(r, y))
		}
	}
	end := reg.activeAt(date(g.o.To, 12, 31))
	settlePlaces(r, end)
	placeMAM(g, end)
	return reg
}

// ceaseAM ends n agréments in year y: about three in five are retirements, drawn among the AM of
// 60 and over with a weight that grows with age (some work on past 62); the others leave for
// other reasons at any age.
func ceaseAM(r *rand.Rand, active []*am, y, n int) {
	var older []*am
	for _, a := range active {
		if y-a.birthYear >= 60 {
			older = append(older, a)
		}
	}
	retire := 0
	for ; retire < n*3/5 && len(older) > 0; retire++ {
		total := 0.0
		for _, a := range older {
			total += retirementWeight(y - a.birthYear)
		}
		pickAt, i := r.Float64()*total, 0
		for ; i < len(older)-1; i++ {
			if pickAt -= retirementWeight(y - older[i].birthYear); pickAt < 0 {
				break
			}
		}
		older[i].ceased, older[i].reason = randomDay(r, y), "retraite"
		older = slices.Delete(older, i, i+1)
	}
	for left := n - retire; left > 0; {
		a := active[r.IntN(len(active))]
		if a.ceased.IsZero() {
			a.ceased, a.reason = randomDay(r, y), pick(r, []string{"reconversion", "reconversion", "demenagement", "non_renouvellement", "autre"})
			left--
		}
	}
}

func retirementWeight(age int) float64 {
	d := float64(age - 59)
	return d * d * d
}

// settlePlaces adjusts places one at a time until the active AM hold exactly the seed's places.
func settlePlaces(r *rand.Rand, active []*am) {
	total := 0
	for _, a := range active {
		total += a.places
	}
	for total != seedPlaces {
		a := active[r.IntN(len(active))]
		switch {
		case total < seedPlaces && a.places < 4:
			a.places++
			total++
		case total > seedPlaces && a.places > 1:
			a.places--
			total--
		}
	}
}

// placeMAM puts the seed's 10 AM in MAM: among the younger AM of the last year.
func placeMAM(g *generator, active []*am) {
	young := slices.Clone(active)
	slices.SortStableFunc(young, func(a, b *am) int { return cmp.Compare(b.birthYear, a.birthYear) })
	i := 0
	for _, m := range mams {
		for range m.size {
			young[i].mam, young[i].insee = m.name, m.insee
			i++
		}
	}
}

// randomDay is a day of year y.
func randomDay(r *rand.Rand, y int) day {
	return date(y, 1, 1).AddDate(0, 0, r.IntN(365))
}

// weightedCommune draws a commune with a probability proportional to its population.
func (t *territory) weightedCommune(r *rand.Rand, y int) string {
	total := 0
	for _, c := range t.communes {
		total += c.pop(y)
	}
	n := r.IntN(total)
	for _, c := range t.communes {
		if n -= c.pop(y); n < 0 {
			return c.insee
		}
	}
	return t.communes[len(t.communes)-1].insee
}

// amFiles writes the register of each year (XLSX, as the RPE keeps it) and the monenfant.fr
// declarations.
func (g *generator) amFiles() error {
	for y := g.o.From; y <= g.o.To; y++ {
		if err := g.register(y); err != nil {
			return err
		}
	}
	return g.availabilities()
}

// register is the year's register at 31 December: the AM then agréés, and those whose agrément
// ended during the year.
func (g *generator) register(y int) error {
	r := g.rand(fmt.Sprintf("registre-%d", y))
	end := date(y, 12, 31)
	t := newTable("am_registre")
	for _, a := range g.am.all {
		ceasedThisYear := !a.ceased.IsZero() && a.ceased.Year() == y
		if !a.activeAt(end) && !ceasedThisYear {
			continue
		}
		status, ceased, reason := "active", any(nil), any(nil)
		switch {
		case ceasedThisYear:
			status, ceased, reason = "cessation", a.ceased, a.reason
		case y < g.o.To && chance(r, 0.03):
			status = "sans_accueil"
		case y < g.o.To && chance(r, 0.005):
			status = "suspendue"
		}
		var mam any
		if a.mam != "" {
			mam = a.mam
		}
		t.add(a.name, g.t.antenneOf(a.insee), a.insee, a.birthYear, a.agreed, a.places, mam, status, ceased, reason)
	}
	title := []string{"Registre des assistants maternels — Relais Petite Enfance des Hauts de Flandre",
		"Arrêté au " + end.Format("02/01/2006") + " — données de démonstration"}
	return g.out.xlsx(g.path("rpe", fmt.Sprintf("am_registre_%d.xlsx", y)), t, "Registre", title)
}

// availabilities are the monenfant.fr declarations, compulsory since September 2021: before
// 1 June and 1 December, for the next six months; about six AM in ten declare.
func (g *generator) availabilities() error {
	r := g.rand("disponibilites")
	t := newTable("am_disponibilites")
	for y := max(g.o.From, 2021); y <= g.o.To; y++ {
		for _, start := range []day{date(y, 6, 1), date(y, 12, 1)} {
			if start.Before(date(2021, 9, 1)) {
				continue
			}
			for _, a := range g.am.activeAt(start) {
				if !chance(r, 0.5+0.05*float64(y-2021)) {
					continue
				}
				free := 0
				if chance(r, 0.45) {
					free = between(r, 1, a.places)
				}
				declared := start.AddDate(0, 0, -between(r, 1, 25))
				t.add(a.name, declared, start, start.AddDate(0, 6, -1), free)
			}
		}
	}
	return g.out.csv(g.path("rpe", "am_disponibilites.csv"), t, webExport)
}
