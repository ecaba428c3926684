package reports

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// « Ce qu'il faut retenir » is the block at the top of the brief, the CTG evaluation and each
// commune page: at most six plain sentences, each made by one rule of [rules] from figures the
// same document prints, written as the document writes them. A rule whose figures are partial,
// missing or masked by the statistical secrecy says nothing. docs/guide-utilisateur.md lists the
// rules and their thresholds: keep both in step (TestRulesInGuide).

// docKind is a document the block is made for; a rule says the documents that print its figures.
type docKind int

const (
	inBrief docKind = 1 << iota
	inCTG
	inFiche
)

// mostFacts is the most sentences a block holds.
const mostFacts = 6

// rule is one rule of the block. fire returns the template's arguments, one list per sentence,
// and none when the condition does not hold on complete, published figures.
type rule struct {
	id        string
	docs      docKind
	condition string  // in words, as the guide says it
	threshold float64 // the figure the condition compares with
	years     int     // for a trend: the fewest years it spans
	most      int     // the most sentences of the rule (0: one)
	template  string
	fire      func(r rule, s *scope) [][]any
}

// trendTemplate says a steady trend: label, direction, first year, last value and year, first
// value and year, change.
const trendTemplate = "%s : en %s chaque année depuis %d, %s en %d contre %s en %d (%s)."

// rules are every rule of the block, in the order of their sentences (the fixed priority).
var rules = []rule{
	{id: "tendance", docs: inBrief | inCTG, threshold: 0.05, years: 3, most: 2, template: trendTemplate, fire: fireTrends,
		condition: "un indicateur clé monte (ou baisse) chaque année depuis au moins trois ans, d'au moins 5 % en tout"},
	{id: "facturation_caf", docs: inBrief, threshold: 1.07, fire: fireBilling,
		template:  "%s %s en %d le taux de facturation de %s au-delà duquel la CAF réduit son aide.",
		condition: "le taux de facturation d'un EAJE dépasse 107 %"},
	{id: "renouvellement", docs: inBrief | inCTG, threshold: 0.5, fire: fireRenewal,
		template:  "Un nouvel agrément pour %s départs en %d : %s nouveaux agréments, %s cessations d'activité.",
		condition: "moins d'un nouvel agrément pour deux départs (ratio de renouvellement sous 0,5)"},
	{id: "age_55_ans", docs: inBrief | inCTG, threshold: 0.30, fire: fireAge,
		template:  "%s des assistants maternels ont 55 ans ou plus en %d : leurs départs en retraite sont à prévoir dans les dix ans.",
		condition: "au moins 30 % des assistants maternels ont 55 ans ou plus"},
	{id: "occupation_eaje", docs: inBrief | inCTG, threshold: 0.70, fire: fireOccupation,
		template:  "Le taux d'occupation réel des EAJE est de %s en %d, sous le seuil de %s : des heures d'accueil possibles restent inoccupées.",
		condition: "le taux d'occupation réel des EAJE est sous 70 %"},
	{id: "annulation_formation", docs: inBrief | inCTG, threshold: 0.25, fire: fireCancelled,
		template:  "%s des sessions de formation programmées ont été annulées en %d.",
		condition: "au moins 25 % des sessions de formation sont annulées"},
	{id: "rang_couverture", docs: inFiche, fire: fireRank,
		template:  "La commune est %s sur %d pour les places pour 100 enfants de moins de 3 ans (%s en %d).",
		condition: "toujours, quand la couverture de la commune est connue"},
	{id: "ecart_territoire", docs: inFiche, threshold: 10, fire: fireGap,
		template:  "Avec %s places pour 100 enfants de moins de 3 ans en %d, la commune est %s points %s la moyenne du territoire (%s).",
		condition: "la couverture de la commune s'écarte d'au moins 10 points de celle du territoire"},
	{id: "tendance_commune", docs: inFiche, threshold: 0.05, years: 3, template: trendTemplate, fire: fireCommuneTrend,
		condition: "les places agréées chez les assistants maternels de la commune montent (ou baissent) chaque année depuis au moins trois ans, d'au moins 5 % en tout"},
	{id: "sans_assistant", docs: inFiche, fire: fireNoAM,
		template:  "Aucun assistant maternel agréé dans la commune au 31 décembre %d.",
		condition: "la commune n'a aucun assistant maternel agréé"},
}

// trendCodes are the key indicators the trend rule reads, the first the most important.
var trendCodes = []string{"am_actives", "couverture_totale", "places_am", "eaje_occupation_reelle", "taux_depart_formation", "acm_enfants_jours"}

// scope is what the rules read for one document.
type scope struct {
	kind    docKind
	b       *marts.Bundle
	year    int   // the year the document describes
	shown   []int // the years whose key indicators the document prints, oldest first
	secret  int
	commune marts.DimCommune // a commune page's commune
	at      map[indicatorKey]marts.IndicateursCles
}

type indicatorKey struct {
	code string
	year int
}

// fact is one sentence of the block and the rule that made it; code is the indicator of a trend.
type fact struct {
	rule, sentence, code string
}

func newScope(kind docKind, b *marts.Bundle, year int, shown []int) *scope {
	s := &scope{kind: kind, b: b, year: year, shown: shown, secret: b.InfosEntrepot.SecretStatistique, at: map[indicatorKey]marts.IndicateursCles{}}
	for _, i := range b.IndicateursCles {
		s.at[indicatorKey{i.Code, i.Annee}] = i
	}
	return s
}

// facts applies every rule of the document's kind, in order, and keeps the first six sentences.
func (s *scope) facts() []fact {
	var out []fact
	for _, r := range rules {
		if r.docs&s.kind == 0 {
			continue
		}
		args := r.fire(r, s)
		for _, a := range args[:min(len(args), max(r.most, 1))] {
			f := fact{rule: r.id, sentence: fmt.Sprintf(r.template, a...)}
			if l, ok := a[0].(indicatorLabel); ok {
				f.code = l.code
			}
			out = append(out, f)
		}
	}
	return out[:min(len(out), mostFacts)]
}

// indicatorLabel is a key indicator's label in a sentence, which keeps its code for the facts.
type indicatorLabel struct{ code, label string }

func (l indicatorLabel) String() string { return l.label }

// value is a key indicator of a year the document prints, when it is complete and published.
func (s *scope) value(code string, year int) (marts.IndicateursCles, bool) {
	i, ok := s.at[indicatorKey{code, year}]
	if !ok || !slices.Contains(s.shown, year) || !i.Valeur.Valid || incomplete(i.Donnees) {
		return i, false
	}
	if i.Unite == marts.UnitPersons && frfmt.Hidden(int(math.Round(i.Valeur.Float64)), s.secret) {
		return i, false
	}
	return i, !marts.IsMasked(i.Valeur) && i.Valeur.Float64 >= 0
}

// format writes an indicator's value as the documents' tables do.
func (s *scope) format(i marts.IndicateursCles, x float64) string {
	v := i.Valeur
	v.Float64 = x
	return formatValue(v, i.Unite, i.Unite == marts.UnitPersons, s.secret)
}

type point struct {
	year  int
	value float64
}

// steady is the stretch of points ending with the last in which the value moved the same way
// every year, with no year missing.
func steady(points []point) []point {
	n := len(points)
	if n < 2 {
		return nil
	}
	way := cmp.Compare(points[n-1].value, points[n-2].value)
	if way == 0 {
		return nil
	}
	i := n - 1
	for i > 0 && points[i-1].year == points[i].year-1 && cmp.Compare(points[i].value, points[i-1].value) == way {
		i--
	}
	return points[i:]
}

// trendArgs are the arguments of the trend template for a series, when its steady stretch is
// long and large enough.
func trendArgs(r rule, label any, unit string, points []point, format func(float64) string) []any {
	run := steady(points)
	if len(run) < r.years || run[0].value <= 0 {
		return nil
	}
	first, last := run[0], run[len(run)-1]
	if math.Abs(last.value/first.value-1) < r.threshold {
		return nil
	}
	way := "hausse"
	if last.value < first.value {
		way = "baisse"
	}
	return []any{label, way, first.year, format(last.value), last.year, format(first.value), first.year, change(first.value, last.value, unit)}
}

// change says how a value moved, as the tables' evolution column does: in points for a rate or
// places for 100 children, relatively otherwise.
func change(from, to float64, unit string) string {
	if unit == "taux" || unit == unitPer100 {
		d := to - from
		if unit == "taux" {
			d *= 100
		}
		return sign(d) + frfmt.Decimal(math.Abs(d), 1) + " point" + plural(math.Abs(d))
	}
	r := to/from - 1
	return sign(r) + frfmt.Percent(math.Abs(r), 1)
}

func sign(x float64) string {
	if x < 0 {
		return "−"
	}
	return "+"
}

// fireTrends finds the key indicators that moved the same way every year the document prints.
func fireTrends(r rule, s *scope) [][]any {
	var out [][]any
	for _, code := range trendCodes {
		var points []point
		var ind marts.IndicateursCles
		for y := s.year; ; y-- {
			i, ok := s.value(code, y)
			if !ok {
				break
			}
			ind = i
			points = append([]point{{y, i.Valeur.Float64}}, points...)
		}
		format := func(x float64) string { return s.format(ind, x) }
		if a := trendArgs(r, indicatorLabel{code, ind.Libelle}, ind.Unite, points, format); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// fireBilling names the EAJE whose billing rate of the year is past the CAF's threshold, as the
// line under the brief's table writes them.
func fireBilling(r rule, s *scope) [][]any {
	var names []string
	for _, e := range s.b.EAJEOccupationAnnuelle {
		if e.Annee == s.year && e.TauxFacturation.Valid && !incomplete(e.Donnees) && e.TauxFacturation.Float64 > r.threshold {
			names = append(names, shortName(e.Nom)+" ("+frfmt.Percent(e.TauxFacturation.Float64, 1)+")")
		}
	}
	if len(names) == 0 {
		return nil
	}
	verb := "dépasse"
	if len(names) > 1 {
		verb = "dépassent"
	}
	return [][]any{{wordsList(names), verb, s.year, frfmt.Percent(r.threshold, 0)}}
}

// fireRenewal says one new agrément for n departures when the ratio is under the threshold.
func fireRenewal(r rule, s *scope) [][]any {
	ratio, ok1 := s.value("ratio_renouvellement", s.year)
	in, ok2 := s.value("nouveaux_agrements", s.year)
	out, ok3 := s.value("cessations", s.year)
	if !ok1 || !ok2 || !ok3 || ratio.Valeur.Float64 <= 0 || ratio.Valeur.Float64 >= r.threshold {
		return nil
	}
	n := int(math.Round(1 / ratio.Valeur.Float64))
	return [][]any{{numberWords(n), s.year, s.format(in, in.Valeur.Float64), s.format(out, out.Valeur.Float64)}}
}

// fireAge says the share of AM aged 55 or more when it reaches the threshold.
func fireAge(r rule, s *scope) [][]any {
	return shareAtLeast(r, s, "part_am_55_ans_plus")
}

// fireCancelled says the share of training sessions cancelled when it reaches the threshold.
func fireCancelled(r rule, s *scope) [][]any {
	return shareAtLeast(r, s, "taux_annulation")
}

func shareAtLeast(r rule, s *scope, code string) [][]any {
	i, ok := s.value(code, s.year)
	if !ok || i.Valeur.Float64 < r.threshold {
		return nil
	}
	return [][]any{{s.format(i, i.Valeur.Float64), s.year}}
}

// fireOccupation says the EAJE's occupation when it is under the threshold.
func fireOccupation(r rule, s *scope) [][]any {
	i, ok := s.value("eaje_occupation_reelle", s.year)
	if !ok || i.Valeur.Float64 >= r.threshold {
		return nil
	}
	return [][]any{{s.format(i, i.Valeur.Float64), s.year, frfmt.Percent(r.threshold, 0)}}
}

// numberWords writes a small whole number in words, as élus read it: trois.
func numberWords(n int) string {
	words := []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return frfmt.Int(n)
}

// wordsList joins names the French way: « A, B et C ».
func wordsList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " et " + names[len(names)-1]
}

// ordinal writes a rank: 1re, 2e, 3e.
func ordinal(n int) string {
	if n == 1 {
		return "1re"
	}
	return strconv.Itoa(n) + "e"
}

// addRetenir is the block « Ce qu'il faut retenir »: its sentences, or « Aucun fait marquant ».
func addRetenir(m core.Maroto, facts []fact) {
	heading(m, "Ce qu'il faut retenir")
	if len(facts) == 0 {
		m.AddRows(paragraph("Aucun fait marquant : aucune règle ne s'applique aux chiffres complets de ce document."))
		return
	}
	for _, f := range facts {
		m.AddAutoRow(text.NewCol(12, "• "+f.sentence, props.Text{Size: 9.5, Top: 0.5, Bottom: 1}))
	}
}

// yearsUpTo are the last seven years of the key indicators up to year: those a page can show.
func yearsUpTo(first, year int) []int {
	var years []int
	for y := max(first, year-6); y <= year; y++ {
		years = append(years, y)
	}
	return years
}

// addTrendSeries prints, under the brief's block, every year of the indicators its trends cite:
// the brief's table shows only the year and the one before.
func addTrendSeries(m core.Maroto, s *scope, facts []fact) {
	shown := s.shown
	t := &table{widths: []int{12 - len(shown)}, header: []string{"Indicateur"}}
	for _, y := range shown {
		t.widths = append(t.widths, 1)
		t.header = append(t.header, strconv.Itoa(y))
	}
	for _, f := range facts {
		if f.code == "" {
			continue
		}
		row := []string{s.at[indicatorKey{f.code, s.year}].Libelle}
		for _, y := range shown {
			i, ok := s.at[indicatorKey{f.code, y}]
			cell := "–"
			if ok && i.Valeur.Valid {
				cell = marked(s.format(i, i.Valeur.Float64), i.Donnees)
			}
			row = append(row, cell)
		}
		t.add(row...)
	}
	if len(t.rows) > 0 {
		subheading(m, "Les années des tendances citées")
		t.addTo(m)
		m.AddRows(text.NewRow(3, ""))
	}
}
