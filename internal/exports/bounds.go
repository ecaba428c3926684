package exports

import (
	"fmt"
	"strings"
	"time"
)

// Until is how late a date or a year may be, counted from the day of the run.
type Until int

const (
	// Today: not after the day of the run, for what happened (a presence, a contact, a birth).
	Today Until = 0
	// Adult: a birth year at least 18 years before the year of the run.
	Adult Until = -18
	// Open: no later bound but the reader's (2100), for the end of a validity, which software
	// often writes 31/12/2099 for « still valid ».
	Open Until = 1 << 16
)

// YearsAhead allows planned dates (a séjour, a closure, a contract) up to 31 December of the
// n-th year after the run's.
func YearsAhead(n int) Until { return Until(n) }

// First years of dates, the registry's judgement of what real exports can hold: each date
// column starts at one of them (docs/exports.md, « bornes »).
const (
	// FirstActivityYear: the service's activity (presences, contacts, ateliers, séjours,
	// declarations) is not older: a date before is a typing slip or a default date (1900).
	FirstActivityYear = 2000
	// FirstBirthYear: children and young people are minors (ACM, séjours) at the first
	// activity year at the latest.
	FirstBirthYear = FirstActivityYear - 18
	// FirstAMBirthYear: an AM born before would be over 85.
	FirstAMBirthYear = 1940
	// FirstAgreementYear: the first agréments of AM still on a register (agreed at 20 at the
	// earliest, retired at 67 at the latest).
	FirstAgreementYear = 1970
	// FirstServiceYear: the service's set-up (a structure's opening, a capacity slot, an
	// agent's contract) may be old, not older.
	FirstServiceYear = 1950
	// FirstPopulationYear: the oldest population by age the indicators compare with.
	FirstPopulationYear = 1990
)

// Bounded tells a column whose values have plausible bounds: numbers, dates and years.
func (c Column) Bounded() bool {
	switch c.Type {
	case Int, Decimal, Duration, Date, Month, Year:
		return true
	}
	return false
}

// Last is the last plausible day of a date or a year on the day of a run; ok is false when
// the column has no later bound ([Open]).
func (c Column) Last(today time.Time) (last time.Time, ok bool) {
	switch {
	case c.Until == Open:
		return time.Time{}, false
	case c.Until == Today && c.Type == Year:
		return time.Date(today.Year(), 12, 31, 0, 0, 0, 0, time.UTC), true
	case c.Until == Today:
		return time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(today.Year()+int(c.Until), 12, 31, 0, 0, 0, 0, time.UTC), true
}

// Bounds describes the column's bounds in French, as docs/exports.md shows them.
func (c Column) Bounds() string {
	switch c.Type {
	case Int, Decimal, Duration:
		return frNumber(c.Min) + " à " + frNumber(c.Max)
	case Date, Month, Year:
		return c.Until.describe(c.From, c.Type == Year)
	}
	return ""
}

// describe says in French from which year until when a date or a year may be.
func (u Until) describe(from int, year bool) string {
	switch {
	case u == Today && year:
		return fmt.Sprintf("de %d à l'année du chargement", from)
	case u == Today:
		return fmt.Sprintf("de %d au jour du chargement", from)
	case u == Open:
		return fmt.Sprintf("à partir de %d", from)
	case u < 0:
		return fmt.Sprintf("de %d à l'année du chargement − %d", from, -int(u))
	case u == 1:
		return fmt.Sprintf("de %d à la fin de l'année suivant le chargement", from)
	}
	return fmt.Sprintf("de %d à la fin de la %de année après le chargement", from, int(u))
}

func frNumber(f float64) string { return strings.Replace(fmt.Sprintf("%g", f), ".", ",", 1) }
