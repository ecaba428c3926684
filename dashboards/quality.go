package dashboards

import (
	"slices"
	"strings"

	"enfance/internal/marts"
)

// qualityYear is the data-quality table of one year: what each structure owed and what came.
type qualityYear struct {
	Year int
	Rows []qualityRow
}

// qualityRow is one structure and export kind of a year: periods owed and their states, rows
// loaded and rejected, and the reasons of what is not complete.
type qualityRow struct {
	Structure, Kind                           string
	Owed, Complete, Partial, Missing, Refused int
	Loaded, Rejected                          int
	Reasons                                   string
}

// States of marts.completude.
const (
	stateComplete = "complet"
	statePartial  = "partiel"
	stateMissing  = "manquant"
	stateRefused  = "refuse"
)

// quality groups marts.completude by year, structure and export kind, for the years the page
// shows.
func quality(d *marts.Bundle, years []int) []qualityYear {
	var out []qualityYear
	for _, y := range years {
		qy := qualityYear{Year: y}
		index := map[[2]string]int{}
		for _, c := range d.Completude {
			if c.Annee != y {
				continue
			}
			key := [2]string{c.Code, c.Type}
			i, ok := index[key]
			if !ok {
				i = len(qy.Rows)
				index[key] = i
				qy.Rows = append(qy.Rows, qualityRow{Structure: c.Nom, Kind: c.KindWords()})
			}
			qy.Rows[i].add(c)
		}
		out = append(out, qy)
	}
	return out
}

func (r *qualityRow) add(c marts.Completude) {
	r.Owed++
	r.Loaded += c.LignesChargees
	r.Rejected += c.LignesRejetees
	switch c.Statut {
	case stateComplete:
		r.Complete++
	case statePartial:
		r.Partial++
	case stateMissing:
		r.Missing++
	case stateRefused:
		r.Refused++
	}
	if reason := strings.TrimSpace(c.Motif.String); c.Statut != stateComplete && reason != "" {
		reasons := strings.Split(r.Reasons, " ; ")
		if !slices.Contains(reasons, reason) {
			r.Reasons = strings.TrimPrefix(r.Reasons+" ; "+reason, " ; ")
		}
	}
}

// Incomplete tells a row with something owed that did not fully come.
func (r qualityRow) Incomplete() bool { return r.Partial+r.Missing+r.Refused > 0 }
