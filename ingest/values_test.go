package ingest

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"enfance/internal/exports"
)

// TestParseDuration: hours as people and software write them, each to its exact number of hours.
func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"7,5", 7.5, true},
		{"7.5", 7.5, true},
		{"7h30", 7.5, true},
		{"7 h 30", 7.5, true},
		{"7h", 7, true},
		{"7H05", 7 + 5.0/60, true},
		{"7:30", 7.5, true},
		{"07:30:00", 7.5, true},
		{"0:45:36", 0.76, true},
		{"1266:30", 1266.5, true},
		{"45 min", 0.75, true},
		{"0,5 h", 0.5, true},
		{"7h30min", 7.5, true},
		{"-1:30", -1.5, true},
		{"7:75", 0, false},
		{"7:3", 0, false},
		{"h30", 0, false},
		{"7:30:00:00", 0, false},
		{"sept heures", 0, false},
		{"1 266,5", 1266.5, true},
	}
	for _, tt := range tests {
		got, err := parseDuration(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestMonthOnly(t *testing.T) {
	tests := []struct{ in, want string }{
		{"03/2025", "2025-03-01"},
		{"3/2025", "2025-03-01"},
		{"2025-03", "2025-03-01"},
		{"mars 2025", "2025-03-01"},
		{"Mars 25", "2025-03-01"},
		{"13/2025", ""},
		{"03/20251", ""},
		{"2 mars 2025", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := monthOnly(tt.in); ok {
			got = d.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("monthOnly(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCommuneKey(t *testing.T) {
	same := [][2]string{
		{"Saint-Pierre-Brouck", "St-Pierre-Brouck"},
		{"SAINT PIERRE BROUCK", "saint-pierre-brouck"},
		{"Wormhout", "59470 WORMHOUT"},
		{"Hondschoote", "Hondschoote (59)"},
		{"Sainte-Marie-Cappel", "Ste Marie Cappel"},
	}
	for _, p := range same {
		if communeKey(p[0]) != communeKey(p[1]) {
			t.Errorf("%q and %q compare apart: %q, %q", p[0], p[1], communeKey(p[0]), communeKey(p[1]))
		}
	}
	if communeKey("Bergues") == communeKey("Bierne") {
		t.Error("two communes compare alike")
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"7h30", "07:30:00", "7,5", "45 min", "1266:30", ":", "h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := parseDuration(s)
		if err == nil && (h != h || h > 1e300 || h < -1e300) {
			t.Fatalf("parseDuration(%q) = %v", s, h)
		}
	})
}

// TestPlainDecimal: the quick reader gives exactly what strconv.ParseFloat gives, and leaves
// every other writing to the general reader.
func TestPlainDecimal(t *testing.T) {
	for _, s := range []string{"8,25", "7.5", "12", "0,1", "0.3", "1266,5", "123456789012,3", "9,999999"} {
		got, ok := plainDecimal(s)
		want, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if !ok || got != want {
			t.Errorf("plainDecimal(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", ",5", "5,", "1,2,3", "1.234,5", "-3", "1 234", "1e5", "1234567890123456"} {
		if _, ok := plainDecimal(s); ok {
			t.Errorf("plainDecimal(%q) took it", s)
		}
	}
}

func FuzzPlainDecimal(f *testing.F) {
	f.Add("8,25")
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := plainDecimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil || got != want {
			t.Fatalf("plainDecimal(%q) = %v, ParseFloat %v (%v)", s, got, want, err)
		}
	})
}

// TestMonthsAsConverted: the months a file's rows cover are read as the converter reads the
// column, so that a file's period and its loaded rows agree: a year written as a full date, a
// month without its day, an Excel serial date.
func TestMonthsAsConverted(t *testing.T) {
	tests := []struct {
		raw         string
		typ         exports.Type
		xlsx        bool
		first, last string
		ok          bool
	}{
		{"2024", exports.Year, false, "2024-01", "2024-12", true},
		{"31/12/2024", exports.Year, false, "2024-01", "2024-12", true},
		{"03/2025", exports.Month, false, "2025-03", "2025-03", true},
		{"mars 2025", exports.Month, false, "2025-03", "2025-03", true},
		{"03/2025", exports.Date, false, "", "", false},
		{"14/03/2025", exports.Date, false, "2025-03", "2025-03", true},
		{"45730", exports.Date, true, "2025-03", "2025-03", true},
		{"bientôt", exports.Year, false, "", "", false},
	}
	for _, tt := range tests {
		first, last, ok := months(tt.raw, tt.typ, tt.xlsx)
		if ok != tt.ok || (ok && (monthText(first) != tt.first || monthText(last) != tt.last)) {
			t.Errorf("months(%q, %s, %v) = %s..%s %v, want %s..%s %v", tt.raw, tt.typ, tt.xlsx,
				monthText(first), monthText(last), ok, tt.first, tt.last, tt.ok)
		}
	}
}
