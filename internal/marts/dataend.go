package marts

import "time"

// DataEnd is the last day of the year that the received activity data reach: the end of the
// last month of EAJE presences or monthly statements received (complete or partial), or the last
// day of the last ACM period with presences received, whichever is later. The yearly exports
// (register, ateliers, sessions) carry no day and do not count. nil when no such data came in.
// The documents and the dashboard date their figures by it.
func (b *Bundle) DataEnd(year int) *time.Time {
	var end time.Time
	later := func(t time.Time) {
		if t.After(end) {
			end = t
		}
	}
	received := func(state string) bool { return state == "complet" || state == "partiel" }
	for _, c := range b.Completude {
		if c.Annee != year || !received(c.Statut) || len(c.Periode) != 7 || c.Periode[4] != '-' {
			continue
		}
		if t, err := time.Parse("2006-01", c.Periode); err == nil {
			later(t.AddDate(0, 1, -1))
		}
	}
	for _, e := range b.EAJEOccupationMensuelle {
		if e.Annee == year && received(e.Donnees) && e.Mois >= 1 && e.Mois <= 12 {
			later(time.Date(year, time.Month(e.Mois)+1, 0, 0, 0, 0, 0, time.UTC))
		}
	}
	for _, p := range b.ACMFrequentation {
		if p.Annee == year && received(p.Donnees) && p.Fin.Year() == year {
			later(p.Fin)
		}
	}
	if end.IsZero() {
		return nil
	}
	return &end
}
