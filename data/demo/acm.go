package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// period is a period declared for an ACM (TAM), within one calendar year.
type period struct {
	code       string
	start, end day
	open       func(day) bool
}

// periods are the year's declared periods of an ACM: Wednesdays and holidays for the
// extrascolaire (closed at Christmas), school days for the périscolaire, each school year cut at
// 31 December.
func periods(s structure, y int) []period {
	inYear := func(d day) bool { return d.Year() == y }
	if s.kind == "acm_periscolaire" {
		return []period{
			{fmt.Sprintf("periscolaire-%d-1", y), date(y, 1, 1), date(y, 7, 10), func(d day) bool { return inYear(d) && schoolDay(d) }},
			{fmt.Sprintf("periscolaire-%d-2", y), date(y, 8, 25), date(y, 12, 31), func(d day) bool { return inYear(d) && schoolDay(d) }},
		}
	}
	wednesday := func(d day) bool { return d.Weekday() == time.Wednesday && holiday(d) == "" && !publicHoliday(d) }
	out := []period{
		{fmt.Sprintf("mercredis-%d-1", y), date(y, 1, 1), date(y, 7, 10), wednesday},
		{fmt.Sprintf("mercredis-%d-2", y), date(y, 8, 25), date(y, 12, 31), wednesday},
	}
	for _, h := range holidays {
		if h.name == "noel" || h.start.Year() != y {
			continue
		}
		end := h.end.AddDate(0, 0, -1)
		if h.name == "ete" { // open from the first weekday of July to mid-August
			end = date(y, 8, 14)
		}
		name := h.name
		out = append(out, period{fmt.Sprintf("%s-%d", name, y), h.start, end, func(d day) bool {
			return holiday(d) == name && d.Weekday() >= time.Monday && d.Weekday() <= time.Friday && !publicHoliday(d)
		}})
	}
	return out
}

// acm writes, for each ACM and year, the declared periods and the presences.
func (g *generator) acm() error {
	for _, s := range append(g.t.of("acm_extrascolaire"), g.t.of("acm_periscolaire")...) {
		folder := g.path("acm", s.code)
		for y := g.o.From; y <= g.o.To; y++ {
			ps := periods(s, y)
			decl := newTable("acm_periodes")
			amplitude := 10.0
			if s.kind == "acm_periscolaire" {
				amplitude = 3.5
			}
			for _, p := range ps {
				under6 := s.places * 3 / 10
				decl.add(s.code, p.code, p.start, p.end, under6, s.places-under6, amplitude)
			}
			if err := g.out.csv(fmt.Sprintf("%s/acm_periodes_%s_%d.csv", folder, s.code, y), decl, frenchExcel); err != nil {
				return err
			}
			f := managementSoftware
			if s.kind == "acm_extrascolaire" {
				f = frenchExcel
			}
			if err := g.write(fmt.Sprintf("%s/acm_presences_%s_%d.csv", folder, s.code, y), g.acmPresences(s, y, ps), f); err != nil {
				return err
			}
		}
	}
	return nil
}

// pupil is a child who may come to an ACM.
type pupil struct {
	name  string
	birth day
	insee string
}

func (g *generator) acmPresences(s structure, y int, ps []period) *table {
	r := g.rand(fmt.Sprintf("acm-%s-%d", s.code, y))
	pool := make([]pupil, 3*s.places)
	for i := range pool {
		pool[i] = pupil{name: child(r), birth: date(y-between(r, 3, 11), time.Month(between(r, 1, 12)), between(r, 1, 28)),
			insee: g.t.nearbyCommune(r, s.insee)}
	}
	t := newTable("acm_presences")
	for _, p := range ps {
		for d := p.start; !d.After(p.end); d = d.AddDate(0, 0, 1) {
			if !p.open(d) {
				continue
			}
			if s.kind == "acm_periscolaire" {
				periscolaireDay(r, t, s, d, pool)
			} else {
				extrascolaireDay(r, t, s, d, pool, p.code)
			}
		}
	}
	return t
}

// periscolaireDay: morning, lunch break and evening, each with its own children.
func periscolaireDay(r *rand.Rand, t *table, s structure, d day, pool []pupil) {
	for _, slot := range []struct {
		plage string
		fill  float64
		hours float64
	}{{"matin", 0.38, 1.5}, {"midi", 0.85, 2}, {"soir", 0.52, 2}} {
		for _, i := range r.Perm(len(pool))[:attendance(r, s.places, slot.fill)] {
			c := pool[i]
			hours := slot.hours - 0.25*float64(r.IntN(3))
			t.add(s.code, d, c.name, c.birth, c.insee, slot.plage, hours, hours)
		}
	}
}

// extrascolaireDay: whole or half days; summers are fuller than Wednesdays.
func extrascolaireDay(r *rand.Rand, t *table, s structure, d day, pool []pupil, period string) {
	fill := 0.6
	switch {
	case d.Month() == time.July:
		fill = 0.8
	case d.Weekday() == time.Wednesday && holiday(d) == "":
		fill = 0.66
	}
	for _, i := range r.Perm(len(pool))[:attendance(r, s.places, fill)] {
		c := pool[i]
		plage, hours := "journee", 8+0.5*float64(r.IntN(4))
		if chance(r, 0.3) {
			plage, hours = "demi_journee", 4
		}
		t.add(s.code, d, c.name, c.birth, c.insee, plage, hours, hours)
	}
}

// attendance draws a day's number of children around fill × places, never above the places.
func attendance(r *rand.Rand, places int, fill float64) int {
	n := int(float64(places)*fill + r.NormFloat64()*float64(places)*0.06)
	return min(max(n, 0), places)
}
