package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// service writes the lists kept by the service itself: structures, antennes and agents.
func (g *generator) service() error {
	s := newTable("structures")
	for _, st := range g.t.structures {
		s.add(st.code, st.name, st.kind, st.insee, st.antenne, date(2008, 9, 1), nil)
	}
	if err := g.out.csv(g.path("service", "structures.csv"), s, webExport); err != nil {
		return err
	}
	a := newTable("antennes_rpe")
	for _, an := range g.t.antennes {
		a.add(an.code, an.name, an.insee, strings.Join(an.communes, "|"), an.etp)
	}
	if err := g.out.csv(g.path("service", "antennes_rpe.csv"), a, frenchExcel); err != nil {
		return err
	}
	for y := g.o.From; y <= g.o.To; y++ {
		if err := g.out.csv(g.path("service", fmt.Sprintf("agents_%d.csv", y)), g.agents(y), frenchExcel); err != nil {
			return err
		}
	}
	return nil
}

// rpeETP are the contracts of the RPE's 7 agents: 6 ETP.
var rpeETP = []float64{1, 1, 1, 1, 0.8, 0.6, 0.6}

// agents are the year's contracts: 40 permanent agents of the Enfance-Jeunesse service (the
// RPE's 7 among them), 20 agents mis à disposition by the communes for the périscolaire, and 60
// seasonal contracts in the summer accueils de loisirs.
func (g *generator) agents(y int) *table {
	r := g.rand(fmt.Sprintf("agents-%d", y))
	t := newTable("agents")
	matricule := func(kind string, n int) string { return fmt.Sprintf("%s%s%04d", g.t.prefix, kind, n) }
	rpe := g.t.of("rpe")[0].code
	eaje, acm := append(g.t.of("eaje_multi_accueil"), g.t.of("eaje_itinerant")...), g.t.of("acm_extrascolaire")
	peri := g.t.of("acm_periscolaire")
	for i := range 40 {
		status, etp, where := "titulaire", 1.0, ""
		switch {
		case i < len(rpeETP):
			where, etp = rpe, rpeETP[i]
		case i < 22:
			where = eaje[i%len(eaje)].code
		default:
			where = acm[i%len(acm)].code
		}
		if i%10 >= 7 {
			status = "contractuel"
		}
		t.add(matricule("A", i+1), where, status, etp, date(2010+i%12, time.Month(1+i%12), 1), nil)
	}
	for i := range 20 {
		t.add(matricule("D", i+1), peri[i%len(peri)].code, "mis_a_disposition", 0.5, date(y, 1, 1), date(y, 12, 31))
	}
	for i := range 60 {
		start := date(y, 7, between(r, 6, 10))
		t.add(matricule("S", (y%100)*100+i+1), acm[i%len(acm)].code, "saisonnier", 1.0, start, date(y, 8, between(r, 14, 29)))
	}
	return t
}

// population writes population_age: estimates for every commune, year and age band, from the
// real legal populations. The under-3 share is set so that the places of the active AM cover
// 56,8 children under 3 in 100 in the year the CNAF published (2023), its published rate for
// the CCHF; the other bands take national shares. Every row says it is an estimate.
func (g *generator) population() error {
	const calibrationYear, amCoverage = 2023, 0.568
	year := min(max(calibrationYear, g.o.From), g.o.To)
	total := 0
	for _, c := range g.t.communes {
		total += c.pop(year)
	}
	under3 := float64(g.am.placesActive(date(year, 12, 31))) / amCoverage / float64(total)
	shares := []struct {
		band  string
		share float64
	}{{"0_2", under3}, {"3_5", 0.035}, {"6_11", 0.075}, {"12_17", 0.078}}
	t := newTable("population_age")
	source := "estimation démo (moins de 3 ans : part " + strconv.FormatFloat(under3*100, 'f', 2, 64) +
		" % calée sur la couverture AM publiée par la CNAF pour 2023)"
	for y := g.o.From; y <= g.o.To; y++ {
		for _, c := range g.t.communes {
			for _, s := range shares {
				t.add(c.insee, y, s.band, int(float64(c.pop(y))*s.share+0.5), source)
			}
		}
	}
	return g.out.csv(g.path("service", "population_age.csv"), t, plainUTF8)
}
