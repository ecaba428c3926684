package ingest

import (
	"testing"
	"time"
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
