package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold makes a header or a label comparable: lower case, no accents, every run of other
// characters turned into one underscore. « Heures réalisées » and « heures_realisees » fold alike.
func fold(s string) string {
	plain := strings.ToLower(strings.TrimSpace(s))
	if !isASCII(plain) { // most values are plain ASCII: spare them the Unicode decomposition
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if p, _, err := transform.String(t, plain); err == nil {
			plain = p
		}
	}
	var b strings.Builder
	gap := false
	for _, r := range plain {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		default:
			gap = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stopWords are left out when a label is matched to a code: « Manque de mobilisation » is
// manque_mobilisation.
var stopWords = map[string]bool{"de": true, "d": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l": true, "a": true, "au": true, "aux": true, "et": true}

func withoutStopWords(folded string) string {
	words := strings.Split(folded, "_")
	kept := words[:0]
	for _, w := range words {
		if !stopWords[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, "_")
}

// errValue is the reason a value cannot be read; its message is French.
type errValue struct{ msg string }

func (e errValue) Error() string { return e.msg }

func bad(format string, args ...any) error { return errValue{fmt.Sprintf(format, args...)} }

// parseNumber reads a French or English number: « 1 234,5 », « 1234.5 », « 12,50 », « -3 ».
func parseNumber(s string) (float64, error) {
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
	return time.Time{}, bad("n'est pas une date (jj/mm/aaaa, jj/mm/aa ou aaaa-mm-jj)")
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

// parseEnum finds the code a value stands for: the code itself or its label, folded.
func parseEnum(s string, values []string) (string, error) {
	for _, v := range values { // the code itself, as most exports write it
		if s == v {
			return v, nil
		}
	}
	f := fold(s)
	for _, v := range values {
		if f == v || withoutStopWords(f) == v {
			return v, nil
		}
	}
	return "", bad("n'est pas une valeur permise (%s)", strings.Join(values, ", "))
}

// parseList reads codes or labels separated by |, ; or , and returns the codes joined by |.
func parseList(s string, values []string) (string, error) {
	var codes []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ';' || r == ',' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		code, err := parseEnum(part, values)
		if err != nil {
			return "", err
		}
		codes = append(codes, code)
	}
	return strings.Join(codes, "|"), nil
}
