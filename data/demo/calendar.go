package demo

import "time"

// day is a calendar date with no time of day.
type day = time.Time

func date(y int, m time.Month, d int) day { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// holidays are the French school holidays of zone B (académie de Lille), from the first day
// without school to the day classes resume, from the official calendars of the Éducation
// nationale. Summer runs from its start to the rentrée.
var holidays = []struct {
	name       string
	start, end day // end is the day classes resume
}{
	{"ete", date(2018, 7, 7), date(2018, 9, 3)},
	{"toussaint", date(2018, 10, 20), date(2018, 11, 5)},
	{"noel", date(2018, 12, 22), date(2019, 1, 7)},
	{"hiver", date(2019, 2, 9), date(2019, 2, 25)},
	{"printemps", date(2019, 4, 6), date(2019, 4, 23)},
	{"ete", date(2019, 7, 6), date(2019, 9, 2)},
	{"toussaint", date(2019, 10, 19), date(2019, 11, 4)},
	{"noel", date(2019, 12, 21), date(2020, 1, 6)},
	{"hiver", date(2020, 2, 22), date(2020, 3, 9)},
	{"printemps", date(2020, 4, 18), date(2020, 5, 4)},
	{"ete", date(2020, 7, 4), date(2020, 9, 1)},
	{"toussaint", date(2020, 10, 17), date(2020, 11, 2)},
	{"noel", date(2020, 12, 19), date(2021, 1, 4)},
	{"hiver", date(2021, 2, 20), date(2021, 3, 8)},
	{"printemps", date(2021, 4, 10), date(2021, 4, 26)},
	{"ete", date(2021, 7, 6), date(2021, 9, 2)},
	{"toussaint", date(2021, 10, 23), date(2021, 11, 8)},
	{"noel", date(2021, 12, 18), date(2022, 1, 3)},
	{"hiver", date(2022, 2, 12), date(2022, 2, 28)},
	{"printemps", date(2022, 4, 16), date(2022, 5, 2)},
	{"ete", date(2022, 7, 7), date(2022, 9, 1)},
	{"toussaint", date(2022, 10, 22), date(2022, 11, 7)},
	{"noel", date(2022, 12, 17), date(2023, 1, 3)},
	{"hiver", date(2023, 2, 11), date(2023, 2, 27)},
	{"printemps", date(2023, 4, 15), date(2023, 5, 2)},
	{"ete", date(2023, 7, 8), date(2023, 9, 4)},
	{"toussaint", date(2023, 10, 21), date(2023, 11, 6)},
	{"noel", date(2023, 12, 23), date(2024, 1, 8)},
	{"hiver", date(2024, 2, 24), date(2024, 3, 11)},
	{"printemps", date(2024, 4, 20), date(2024, 5, 6)},
	{"ete", date(2024, 7, 6), date(2024, 9, 2)},
	{"toussaint", date(2024, 10, 19), date(2024, 11, 4)},
	{"noel", date(2024, 12, 21), date(2025, 1, 6)},
	{"hiver", date(2025, 2, 22), date(2025, 3, 10)},
	{"printemps", date(2025, 4, 19), date(2025, 5, 5)},
	{"ete", date(2025, 7, 5), date(2025, 9, 1)},
	{"toussaint", date(2025, 10, 18), date(2025, 11, 3)},
	{"noel", date(2025, 12, 20), date(2026, 1, 5)},
}

// firstCalendarYear and lastCalendarYear bound the years the school calendar above covers.
const (
	firstCalendarYear = 2019
	lastCalendarYear  = 2025
)

// holiday returns the name of the school holiday d falls in, or "".
func holiday(d day) string {
	for _, h := range holidays {
		if !d.Before(h.start) && d.Before(h.end) {
			return h.name
		}
	}
	return ""
}

// easter is Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) day {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return date(y, time.Month(month), (h+l-7*m+114)%31+1)
}

// publicHoliday tells the eleven French public holidays.
func publicHoliday(d day) bool {
	y := d.Year()
	e := easter(y)
	for _, h := range []day{
		date(y, 1, 1), e.AddDate(0, 0, 1), date(y, 5, 1), date(y, 5, 8), e.AddDate(0, 0, 39),
		e.AddDate(0, 0, 50), date(y, 7, 14), date(y, 8, 15), date(y, 11, 1), date(y, 11, 11), date(y, 12, 25),
	} {
		if d.Equal(h) {
			return true
		}
	}
	return false
}

// schoolDay tells a day with school: Monday, Tuesday, Thursday or Friday (the four-day week of
// the territory's schools), outside holidays, public holidays and the Friday after Ascension.
func schoolDay(d day) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday, time.Wednesday:
		return false
	}
	if publicHoliday(d) || holiday(d) != "" {
		return false
	}
	return !d.Equal(easter(d.Year()).AddDate(0, 0, 40)) // pont de l'Ascension
}

// days calls fn for every day of year y.
func days(y int, fn func(d day)) {
	for d := date(y, 1, 1); d.Year() == y; d = d.AddDate(0, 0, 1) {
		fn(d)
	}
}

// weekdayCode is the registry's code of a weekday: lun, mar, mer, jeu, ven, sam.
func weekdayCode(w time.Weekday) string {
	return [...]string{"dim", "lun", "mar", "mer", "jeu", "ven", "sam"}[w]
}
