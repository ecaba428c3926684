package frfmt

import (
	"math"
	"strconv"
	"strings"
	"time"
)

const (
	// Thousands separates groups of three digits: U+202F NARROW NO-BREAK SPACE, as the
	// Imprimerie nationale and CLDR's fr locale do.
	Thousands = "\u202f"
	// BeforeUnit keeps a unit (%, €) on the line of its number: U+00A0 NO-BREAK SPACE.
	BeforeUnit = "\u00a0"
)

// Int writes n with grouped thousands: 53437 → "53 437".
func Int(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	return sign + group(s)
}

func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(Thousands)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Decimal writes x with the given number of decimals, a decimal comma and grouped thousands:
// Decimal(1234.5, 1) → "1 234,5". NaN and infinities, which no indicator should ever be, print
// as "–".
func Decimal(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := group(whole)
	if frac != "" {
		out += "," + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Percent writes a fraction as a percentage: Percent(0.732, 1) → "73,2 %".
func Percent(fraction float64, decimals int) string {
	return Decimal(fraction*100, decimals) + BeforeUnit + "%"
}

// Counts of persons the statistical secrecy masked carry a negative value, which no count has.
const (
	// MaskedSmall is a count from 1 to the threshold excluded: shown « < 5 ».
	MaskedSmall = -1
	// MaskedOther is a count masked so that no total gives a small one back (complementary
	// suppression): shown « secret », since it may be large.
	MaskedOther = -2
)

// Hidden tells a count of persons too small to publish: from 1 to the threshold excluded
// (secret statistique), or already masked. Nought is published.
func Hidden(n, threshold int) bool { return n < 0 || n < threshold && n > 0 }

// Persons writes a count of persons, or « < threshold » when it is smaller than the threshold
// of the secret statistique (zero stays zero: it reveals nobody), or « secret » when it was
// masked to protect another.
func Persons(n, threshold int) string {
	switch {
	case n == MaskedOther:
		return "secret"
	case Hidden(n, threshold):
		return "<" + BeforeUnit + strconv.Itoa(threshold)
	}
	return Int(n)
}

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// Month is the French name of a month, in lower case.
func Month(m time.Month) string { return months[m-1] }

// Date writes a date in words: 26 juillet 2017, and 1er for the first of the month.
func Date(t time.Time) string { return dayMonth(t) + " " + strconv.Itoa(t.Year()) }

func dayMonth(t time.Time) string {
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + Month(t.Month())
}

// Span writes a period in words: du 7 juillet au 29 août 2025, the year once when both days
// share it.
func Span(from, to time.Time) string {
	if from.Year() != to.Year() {
		return "du " + Date(from) + " au " + Date(to)
	}
	return "du " + dayMonth(from) + " au " + Date(to)
}
