package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
)

var trainings = []struct {
	title string
	hours float64
}{
	{"Sauveteur secouriste du travail", 14}, {"Éveil musical du jeune enfant", 14},
	{"Parler avec un mot et un signe", 21}, {"Accompagner la séparation", 7},
	{"Alimentation et repas du jeune enfant", 14}, {"Prévenir l'épuisement professionnel", 7},
	{"Contes et comptines", 14}, {"Droit du travail de l'assistant maternel", 7},
	{"Le sommeil du jeune enfant", 7}, {"Activités d'éveil sensoriel", 14},
	{"Accueillir un enfant en situation de handicap", 21}, {"Gestes et postures", 7},
}

var organismes = []string{"Forma'Flandre", "Institut Petite Enfance du Nord", "Form'Accueil Hauts-de-France"}

// formation writes the year's training sessions and registrations. A session whose
// registrations stay under its minimum is cancelled (« groupe insuffisant »); distance learning
// grows over the years. About one AM in six trains in a year.
func (g *generator) formation() error {
	for y := g.o.From; y <= g.o.To; y++ {
		r := g.rand(fmt.Sprintf("formation-%d", y))
		sessions, regs := newTable("formation_sessions"), newTable("formation_inscriptions")
		active := g.am.activeAt(date(y, 1, 1))
		var keen []*am // the AM who register at all this year
		for _, a := range active {
			if chance(r, 0.22) {
				keen = append(keen, a)
			}
		}
		for i := range 24 {
			tr := trainings[(i+y)%len(trainings)]
			code := fmt.Sprintf("%sF%d-%02d", g.t.prefix, y, i+1)
			start := date(y, time.Month(1+i/2%11), 1+14*(i%2)+r.IntN(10))
			mode := "presentiel"
			if chance(r, 0.15+0.05*float64(y-2019)) {
				mode = "distanciel"
			}
			n := min(max(int(r.NormFloat64()*3+7.5), 0), 12, len(keen))
			status, reason := "realisee", any(nil)
			switch {
			case n < 6:
				status, reason = "annulee", "groupe_insuffisant"
			case chance(r, 0.03):
				status, reason = "annulee", "formateur"
			}
			sessions.add(code, tr.title, pick(r, organismes), mode, pick(r, g.t.antennes).code, start,
				start.AddDate(0, 0, int(tr.hours/7)-1), tr.hours, 6, 12, status, reason)
			for _, j := range r.Perm(len(keen))[:n] {
				regs.add(registration(r, code, keen[j].name, tr.hours, status == "realisee")...)
			}
		}
		if err := g.out.csv(g.path("rpe", fmt.Sprintf("formation_sessions_%d.csv", y)), sessions, webExport); err != nil {
			return err
		}
		if err := g.write(g.path("rpe", fmt.Sprintf("formation_inscriptions_%d.csv", y)), regs, webExport); err != nil {
			return err
		}
	}
	return nil
}

func registration(r *rand.Rand, code, who string, hours float64, held bool) []any {
	status, followed := "inscrite", any(nil)
	if held {
		switch n := r.IntN(100); {
		case n < 85:
			status, followed = "presente", hours
		case n < 92:
			status, followed = "absente", 0.0
		default:
			status = "desistee"
		}
	}
	dispositif := "plan"
	if r.IntN(100) < 15 {
		dispositif = "cpf"
	}
	return []any{code, who, status, followed, dispositif, r.IntN(100) < 70}
}
