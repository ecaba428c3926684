package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// The five themes of the ateliers d'éveil, from the seed.
var themes = []string{"Bébé bouquine", "Les sens en éveil", "Pirouettes et galipettes", "A vous de jouer !", "Patouille et compagnie"}

var atelierDays = []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}

// rpe writes the ateliers d'éveil (4 days a week in each antenne) and the AM who came, the temps
// forts and the contacts of each year.
func (g *generator) rpe() error {
	for y := g.o.From; y <= g.o.To; y++ {
		ateliers, participations := g.ateliers(y)
		if err := g.out.csv(g.path("rpe", fmt.Sprintf("rpe_ateliers_%d.csv", y)), ateliers, frenchExcel); err != nil {
			return err
		}
		if err := g.out.csv(g.path("rpe", fmt.Sprintf("rpe_participations_%d.csv", y)), participations, frenchExcel); err != nil {
			return err
		}
		if err := g.out.csv(g.path("rpe", fmt.Sprintf("rpe_temps_forts_%d.csv", y)), g.tempsForts(y), plainUTF8); err != nil {
			return err
		}
		if err := g.write(g.path("rpe", fmt.Sprintf("rpe_contacts_%d.csv", y)), g.contacts(y), managementSoftware); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) ateliers(y int) (*table, *table) {
	r := g.rand(fmt.Sprintf("ateliers-%d", y))
	ateliers, participations := newTable("rpe_ateliers"), newTable("rpe_participations")
	for _, a := range g.t.antennes {
		// About half of the antenne's AM come to ateliers; the others never do.
		var regulars []*am
		for _, m := range g.am.activeAt(date(y, 1, 1)) {
			if g.t.antenneOf(m.insee) == a.code && chance(r, 0.5) {
				regulars = append(regulars, m)
			}
		}
		n := 0
		days(y, func(d day) {
			if !atelierDay(d) {
				return
			}
			n++
			code := fmt.Sprintf("%s-%s", a.code, d.Format("20060102"))
			place := a.communes[r.IntN(len(a.communes))]
			if chance(r, 0.06) || len(regulars) == 0 {
				ateliers.add(code, a.code, d, themes[n%len(themes)], place, 10, "annule", pick(r, []string{"animatrice absente", "intempéries", "trop peu d'inscrits"}))
				return
			}
			ateliers.add(code, a.code, d, themes[n%len(themes)], place, 10, "realise", nil)
			for _, i := range r.Perm(len(regulars))[:min(between(r, 3, 7), len(regulars))] {
				participations.add(code, regulars[i].name, between(r, 1, 3), chance(r, 0.05))
			}
		})
	}
	return ateliers, participations
}

// atelierDay: Monday, Tuesday, Thursday and Friday, outside August, Christmas and public holidays.
func atelierDay(d day) bool {
	for _, w := range atelierDays {
		if d.Weekday() == w {
			return d.Month() != time.August && holiday(d) != "noel" && !publicHoliday(d)
		}
	}
	return false
}

func (g *generator) tempsForts(y int) *table {
	r := g.rand(fmt.Sprintf("temps-forts-%d", y))
	t := newTable("rpe_temps_forts")
	for _, a := range g.t.antennes {
		t.add(date(y, 12, between(r, 8, 16)), "Spectacle de fin d'année", a.code, between(r, 20, 45), between(r, 12, 25), between(r, 35, 70))
	}
	t.add(date(y, 6, between(r, 14, 25)), "Fête de l'été du Relais", nil, between(r, 40, 80), between(r, 30, 50), between(r, 60, 110))
	t.add(date(y, 3, between(r, 10, 20)), "Conférence : le sommeil du jeune enfant", nil, between(r, 25, 50), between(r, 10, 25), 0)
	return t
}

// contacts: about 2 400 a year, parents looking for care first.
func (g *generator) contacts(y int) *table {
	r := g.rand(fmt.Sprintf("contacts-%d", y))
	t := newTable("rpe_contacts")
	days(y, func(d day) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || publicHoliday(d) {
			return
		}
		for range between(r, 4, 14) {
			public, reason := contactFor(r)
			t.add(d, pick(r, g.t.antennes).code, public, pick(r, []string{"telephone", "telephone", "accueil", "mail", "rdv"}), reason)
		}
	})
	return t
}

func contactFor(r *rand.Rand) (public, reason string) {
	switch n := r.IntN(100); {
	case n < 55:
		return "parent", pick(r, []string{"recherche_mode_accueil", "recherche_mode_accueil", "contrat_employeur", "autre"})
	case n < 85:
		return "am", pick(r, []string{"contrat_employeur", "formation", "formation", "agrement", "autre"})
	case n < 90:
		return "candidat", "agrement"
	case n < 93:
		return "garde_domicile", "contrat_employeur"
	}
	return "partenaire", "autre"
}
