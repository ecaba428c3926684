package reports

import (
	"math"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// The rules of a commune page read the commune's coverage, as its page prints it.

// coverage is the commune's coverage of a year, when the year's register of the AM is complete.
func (s *scope) coverage(year int) (marts.CouvertureCommune, bool) {
	if stateOf(s.b, year, "", "am_registre") != "complet" {
		return marts.CouvertureCommune{}, false
	}
	for _, c := range s.b.CouvertureCommune {
		if c.Insee == s.commune.Insee && c.Annee == year {
			return c, true
		}
	}
	return marts.CouvertureCommune{}, false
}

// tenths is a coverage as the page prints it, to a tenth: communes printed alike rank alike.
func tenths(x float64) int { return int(math.Round(x * 10)) }

// fireRank ranks the commune's coverage among the communes that have one.
func fireRank(r rule, s *scope) [][]any {
	c, ok := s.coverage(s.year)
	if !ok || !c.Taux.Valid {
		return nil
	}
	rank, n := 1, 0
	for _, o := range s.b.CouvertureCommune {
		if o.Annee == s.year && o.Taux.Valid {
			n++
			if tenths(o.Taux.Float64) > tenths(c.Taux.Float64) {
				rank++
			}
		}
	}
	if n < 2 {
		return nil
	}
	return [][]any{{ordinal(rank), n, frfmt.Decimal(c.Taux.Float64, 1), s.year}}
}

// fireGap compares the commune's coverage with the territory's, when they are far apart.
func fireGap(r rule, s *scope) [][]any {
	c, ok := s.coverage(s.year)
	t, ok2 := s.value("couverture_totale", s.year)
	if !ok || !ok2 || !c.Taux.Valid {
		return nil
	}
	d := float64(tenths(c.Taux.Float64)-tenths(t.Valeur.Float64)) / 10
	if math.Abs(d) < r.threshold {
		return nil
	}
	where := "au-dessus de"
	if d < 0 {
		where = "en dessous de"
	}
	return [][]any{{frfmt.Decimal(c.Taux.Float64, 1), s.year, frfmt.Decimal(math.Abs(d), 1), where, frfmt.Decimal(t.Valeur.Float64, 1)}}
}

// fireCommuneTrend finds a steady trend in the places of the commune's AM.
func fireCommuneTrend(r rule, s *scope) [][]any {
	var points []point
	for y := s.year; ; y-- {
		c, ok := s.coverage(y)
		if !ok {
			break
		}
		points = append([]point{{y, float64(c.PlacesAM)}}, points...)
	}
	format := func(x float64) string { return frfmt.Int(int(x)) }
	if a := trendArgs(r, "Places agréées chez les assistants maternels de la commune", "nombre", points, format); a != nil {
		return [][]any{a}
	}
	return nil
}

// fireNoAM says the commune has no AM.
func fireNoAM(r rule, s *scope) [][]any {
	if c, ok := s.coverage(s.year); ok && c.AM == 0 {
		return [][]any{{s.year}}
	}
	return nil
}
