package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"enfance/internal/exports"
)

// fold makes a header or a label comparable (exports.Fold).
func fold(s string) string { return exports.Fold(s) }

// errValue is the reason a value cannot be read; its message is French.
type errValue struct{ msg string }

func (e errValue) Error() string { return e.msg }

func bad(format string, args ...any) error { return errValue{fmt.Sprintf(format, args...)} }

// parseNumber reads a French or English number: « 1 234,5 », « 1234.5 », « 12,50 », « -3 ».
func parseNumber(s string) (float64, error) {
	if f, ok := plainDecimal(s); ok {
		return f, nil
	}
	t := strings.TrimSpace(s)
	if strings.ContainsAny(t, " \u00a0\u202f") { // thousands separators
		t = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' {
				return -1
			}
			return r
		}, t)
	}
	switch {
	case strings.Count(t, ",") == 1 && !strings.Contains(t, "."):
		t = strings.Replace(t, ",", ".", 1)
	case strings.Count(t, ",") == 1 && strings.LastIndex(t, ",") > strings.LastIndex(t, "."): // 1.234,5
		t = strings.Replace(strings.ReplaceAll(t, ".", ""), ",", ".", 1)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || strings.ContainsAny(t, "eEinfINFxX") {
		return 0, bad("n'est pas un nombre")
	}
	return f, nil
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// plainDecimal reads the numbers nearly every export writes, digits with at most one decimal
// comma or point (« 8,25 », « 7.5 », « 12 »), without allocating: digits over a power of ten, both
// exact, divide to the float64 nearest the decimal, as strconv.ParseFloat gives it.
func plainDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var n uint64
	decimals, sep := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + uint64(c-'0')
			if sep {
				decimals++
			}
		case (c == ',' || c == '.') && !sep && i > 0 && i < len(s)-1:
			sep = true
		default:
			return 0, false
		}
	}
	return float64(n) / pow10[decimals], true
}

// parseInt reads a whole number, written as a French number may be (« 1 465 », « 12,0 »).
func parseInt(s string) (int64, error) {
	f, err := parseNumber(s)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		return 0, bad("n'est pas un nombre entier")
	}
	return int64(f), nil
}

var dateLayouts = []string{"02/01/2006", "2/1/2006", "2006-01-02", "02/01/06", "2/1/06", "02-01-2006", "02.01.2006", "2006/01/02"}

// parseDate reads dd/mm/yyyy, dd/mm/yy and ISO dates; a time after the date is ignored. Years
// written with two digits are 20yy.
func parseDate(s string) (time.Time, error) {
	if d, ok := quickDate(s); ok {
		return d, nil
	}
	t := strings.TrimSpace(s)
	if i := strings.IndexAny(t, " T"); i > 0 {
		t = t[:i]
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, t); err == nil {
			if d.Year() < 1900 || d.Year() > 2100 {
				return time.Time{}, bad("a une année (%d) hors de 1900 à 2100", d.Year())
			}
			return d, nil
		}
	}
	if d, ok := longDate(s); ok {
		return d, nil
	}
	return time.Time{}, bad("n'est pas une date (jj/mm/aaaa, jj/mm/aa, aaaa-mm-jj ou « 2 juin 2025 »)")
}

// quickDate reads the two layouts nearly every export uses, dd/mm/yyyy and yyyy-mm-dd, without
// the general parser; anything else, or an impossible day, goes to the general parser.
func quickDate(s string) (time.Time, bool) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[2] == '/' && s[5] == '/':
		d, m, y = digits(s[0:2]), digits(s[3:5]), digits(s[6:10])
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	default:
		return time.Time{}, false
	}
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31/02 rolls over into March: not a date
		return time.Time{}, false
	}
	return t, true
}

// digits reads a run of ASCII digits, or -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts (with its 1900 leap day).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseExcelDate reads a date from an XLSX cell: a serial day number, or text.
func parseExcelDate(s string) (time.Time, error) {
	if n, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
		if n < 1 || n > 100000 {
			return time.Time{}, bad("n'est pas une date Excel")
		}
		return excelEpoch.AddDate(0, 0, int(n)), nil
	}
	return parseDate(s)
}

// parseTime reads a time of day: « 07:30 », « 7h30 », « 7:30:00 », « 18h ».
func parseTime(s string) (time.Duration, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.Replace(t, "h", ":", 1)
	parts := strings.Split(t, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" {
		return 0, bad("n'est pas une heure (hh:mm)")
	}
	if parts[1] == "" {
		parts[1] = "0"
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m > 0) {
		return 0, bad("n'est pas une heure (hh:mm)")
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// parseBool reads oui/non and their usual spellings.
func parseBool(s string) (bool, error) {
	switch fold(s) {
	case "oui", "o", "yes", "y", "vrai", "true", "1", "x":
		return true, nil
	case "non", "n", "no", "faux", "false", "0":
		return false, nil
	}
	return false, bad("n'est ni oui ni non")
}

// monthNames are the months as French (and English) software writes them, in full or cut.
var monthNames = map[string]time.Month{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1, "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
	"mars": 3, "march": 3, "avril": 4, "avr": 4, "apr": 4, "april": 4, "mai": 5, "may": 5, "juin": 6, "jun": 6,
	"june": 6, "juillet": 7, "juil": 7, "jul": 7, "july": 7, "aout": 8, "aou": 8, "aug": 8, "august": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9, "octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11, "decembre": 12, "dec": 12, "december": 12,
}

// weekdayNames may open a long date: « lundi 2 juin 2025 », « lun. 2 juin 2025 ».
var weekdayNames = map[string]bool{"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true, "lun": true, "mar": true, "mer": true, "jeu": true, "ven": true, "sam": true,
	"dim": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true}

// dateWords are a date's words after its weekday: « 2 juin 2025 » is 2, juin, 2025.
func dateWords(s string) []string {
	words := strings.Split(fold(s), "_")
	if len(words) > 0 && weekdayNames[words[0]] {
		words = words[1:]
	}
	return words
}

// longDate reads a date written in words: « lundi 2 juin 2025 », « 1er juin 2025 », « 02-juin-25 ».
func longDate(s string) (time.Time, bool) {
	w := dateWords(s)
	if len(w) != 3 {
		return time.Time{}, false
	}
	day, month, year := digits(strings.TrimSuffix(w[0], "er")), monthNames[w[1]], fullYear(w[2])
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if month == 0 || year < 1900 || year > 2100 || day < 1 || t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}

// fullYear reads a year of four digits, or two (20yy); -1 otherwise.
func fullYear(s string) int {
	switch y := digits(s); {
	case len(s) == 4:
		return y
	case len(s) == 2 && y >= 0:
		return 2000 + y
	}
	return -1
}

// monthOnly reads a month without a day, for a column kept to the month: « 03/2025 »,
// « 2025-03 », « mars 2025 ». It is the first day of the month.
func monthOnly(s string) (time.Time, bool) {
	w := dateWords(s)
	if len(w) != 2 {
		return time.Time{}, false
	}
	var month, year int
	switch {
	case monthNames[w[0]] != 0:
		month, year = int(monthNames[w[0]]), fullYear(w[1])
	case len(w[0]) == 4:
		year, month = digits(w[0]), digits(w[1])
	default:
		month, year = digits(w[0]), fullYear(w[1])
	}
	if month < 1 || month > 12 || year < 1900 || year > 2100 || len(w[1]) > 4 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), true
}

// parseDuration reads a number of hours as people and software write it: « 7,5 », « 7h30 »,
// « 7 h », « 7:30 », « 07:30:00 », « 1266:30 » (an Excel duration), « 45 min ».
func parseDuration(s string) (float64, error) {
	if !strings.ContainsAny(s, "hHmM:") { // a number, as most exports write hours
		return parseNumber(s)
	}
	t := strings.ToLower(strings.Join(strings.Fields(s), ""))
	if m, ok := strings.CutSuffix(t, "min"); ok && !strings.ContainsAny(m, "h:") {
		minutes, err := parseNumber(m)
		return minutes / 60, err
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, "min"), "m")
	parts := strings.Split(strings.Replace(t, "h", ":", 1), ":")
	if len(parts) == 2 && parts[1] == "" { // « 7h », « 0,5 h »
		return parseNumber(parts[0])
	}
	fail := bad("n'est pas une durée en heures (7,5 ou 7h30 ou 7:30)")
	if len(parts) > 3 {
		return 0, fail
	}
	sign, h := 1.0, parts[0]
	if rest, ok := strings.CutPrefix(h, "-"); ok {
		sign, h = -1, rest
	}
	hours := digits(h)
	total := float64(hours)
	for i, p := range parts[1:] {
		n := digits(p)
		if len(p) != 2 || n < 0 || n > 59 {
			return 0, fail
		}
		total += float64(n) / [2]float64{60, 3600}[i]
	}
	if h == "" || hours < 0 {
		return 0, fail
	}
	return sign * total, nil
}
