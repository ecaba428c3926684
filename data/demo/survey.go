package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"enfance/internal/exports"
)

// How often each brake and lever is cited, by AM who trained in the year and by those who did
// not: the seed's brakes weigh most on those who do not train.
var (
	brakes = []struct {
		code, label         string
		trained, notTrained float64
	}{
		{"temps_personnel", "Temps personnel", 0.30, 0.66},
		{"groupe_insuffisant", "Groupe insuffisant", 0.22, 0.38},
		{"manque_mobilisation", "Manque de mobilisation", 0.08, 0.34},
		{"annulations", "Annulations", 0.25, 0.22},
	}
	levers = []struct {
		code, label string
		share       float64
	}{
		{"indemnisation_directe", "Indemnisation directe", 0.46},
		{"panel_diversifie", "Panel diversifié", 0.40},
		{"coordination_inter_ram", "Coordination inter-RAM", 0.28},
		{"interlocuteur_privilegie", "Interlocuteur privilégié", 0.31},
		{"parent_facilitateur", "Parent facilitateur", 0.19},
	}
	comments = []string{
		"Difficile de se former le samedi après une semaine d’accueil.",
		"Les formations proches de chez moi sont souvent annulées faute d’inscrits.",
		"Je préfère la formation à distance, le soir.",
		"Il faudrait que les parents soient prévenus plus tôt.",
		"Être indemnisée directement m’aiderait beaucoup.",
	}
)

// survey writes the yearly brakes-and-levers survey, from 2022: about 130 answers each spring,
// exported by an online form (UTF-8, its own headers).
func (g *generator) survey() error {
	if len(exports.Freins) != len(brakes) || len(exports.Leviers) != len(levers) {
		panic("demo: the survey's codes and the registry's have drifted")
	}
	for y := max(g.o.From, 2022); y <= g.o.To; y++ {
		r := g.rand(fmt.Sprintf("enquete-%d", y))
		t := newTable("enquete_freins_leviers")
		for i := range between(r, 120, 140) {
			trained := chance(r, 0.3)
			when := date(y, time.March, 1).AddDate(0, 0, r.IntN(45))
			t.add(fmt.Sprintf("%sR%d-%03d", g.t.prefix, y, i+1), when, pick(r, g.t.antennes).code,
				pick(r, []string{"moins_5_ans", "5_14_ans", "5_14_ans", "15_ans_plus", "15_ans_plus"}), trained,
				citedBrakes(r, trained), citedLevers(r), comment(r))
		}
		if err := g.out.csv(g.path("rpe", fmt.Sprintf("enquete_freins_leviers_%d.csv", y)), t, webExport); err != nil {
			return err
		}
	}
	return nil
}

// citedBrakes are written as codes, or, as a form does, as their labels.
func citedBrakes(r *rand.Rand, trained bool) any {
	asLabels := chance(r, 0.3)
	var cited []string
	for _, b := range brakes {
		p := b.notTrained
		if trained {
			p = b.trained
		}
		if chance(r, p) {
			cited = append(cited, choose(asLabels, b.label, b.code))
		}
	}
	return joined(cited)
}

func citedLevers(r *rand.Rand) any {
	asLabels := chance(r, 0.3)
	var cited []string
	for _, l := range levers {
		if chance(r, l.share) {
			cited = append(cited, choose(asLabels, l.label, l.code))
		}
	}
	return joined(cited)
}

func comment(r *rand.Rand) any {
	if chance(r, 0.15) {
		return pick(r, comments)
	}
	return nil
}

func choose(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}

func joined(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return strings.Join(s, "|")
}
