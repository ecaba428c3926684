package dashboards

import (
	"slices"

	"enfance/internal/marts"
)

// Levels a chart can be narrowed to, besides the whole territory.
const (
	levelAntenne = "antenne"
	levelCommune = "commune"
)

// scope is what the page's selector can narrow the charts to: an antenne of the relais, or a
// commune. Its key is the selector's value and the suffix of the charts' scoped options
// (« 2025|commune:59067 »).
type scope struct {
	Key, Level, Name string
	Code             string          // the antenne's code or the commune's INSEE code
	communes         []string        // names of its communes, for the map
	structures       map[string]bool // codes of the structures located in it
}

// Group is the selector's heading for the scope's level.
func (s scope) Group() string {
	if s.Level == levelAntenne {
		return "Antennes du relais"
	}
	return "Communes"
}

// scopes are the antennes, then the communes, of the territory, each with its structures.
func scopes(d *marts.Bundle) []scope {
	var antennes, communes []scope
	for _, c := range d.DimCommune {
		in := structuresIn(d.DimStructure, func(s marts.DimStructure) bool { return s.Commune == c.Insee })
		communes = append(communes, scope{Key: levelCommune + ":" + c.Insee, Level: levelCommune, Name: c.Nom, Code: c.Insee,
			communes: []string{c.Nom}, structures: in})
		if c.Antenne == "" {
			continue
		}
		i := slices.IndexFunc(antennes, func(a scope) bool { return a.Code == c.Antenne })
		if i < 0 {
			antennes = append(antennes, scope{Key: levelAntenne + ":" + c.Antenne, Level: levelAntenne, Name: c.NomAntenne, Code: c.Antenne,
				structures: structuresIn(d.DimStructure, func(s marts.DimStructure) bool { return s.Antenne == c.Antenne })})
			i = len(antennes) - 1
		}
		antennes[i].communes = append(antennes[i].communes, c.Nom)
	}
	return append(antennes, communes...)
}

func structuresIn(all []marts.DimStructure, in func(marts.DimStructure) bool) map[string]bool {
	out := map[string]bool{}
	for _, s := range all {
		if in(s) {
			out[s.Code] = true
		}
	}
	return out
}

// narrowed adds to a chart, for every scope of the levels it can be narrowed to, the options
// build makes from the rows in that scope; a scope with no row gets none, and the page says it
// has nothing to show there.
func narrowed[T any](c *chart, all []scope, rows []T, levels []string, in func(scope, T) bool, build func([]T) map[string]renderable) {
	c.Levels = levels
	for _, s := range all {
		if !slices.Contains(levels, s.Level) {
			continue
		}
		var kept []T
		for _, r := range rows {
			if in(s, r) {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			continue
		}
		for key, r := range build(kept) {
			c.Options[key+"|"+s.Key] = r
		}
	}
}

// scopeData is what the page script knows of a scope: its name, and its communes for the map.
type scopeData struct {
	Name     string   `json:"nom"`
	Communes []string `json:"communes"`
}
