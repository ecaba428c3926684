package frfmt

import (
	"math"
	"strings"
	"testing"
	"time"
)

// readable shows the invisible spaces, so that a failure says which one is wrong.
func readable(s string) string {
	return strings.NewReplacer(Thousands, "⍽", BeforeUnit, "·").Replace(s)
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Int(0), "0"},
		{Int(999), "999"},
		{Int(1465), "1⍽465"},
		{Int(53437), "53⍽437"},
		{Int(1234567), "1⍽234⍽567"},
		{Int(-53437), "-53⍽437"},
		{Decimal(12.5, 1), "12,5"},
		{Decimal(1234.5, 2), "1⍽234,50"},
		{Decimal(-0.04, 1), "0,0"},
		{Decimal(-7.25, 2), "-7,25"},
		{Decimal(math.NaN(), 1), "–"},
		{Percent(0.732, 1), "73,2·%"},
		{Percent(1.2, 0), "120·%"},
		{Persons(3, 5), "<·5"},
		{Persons(0, 5), "0"},
		{Persons(5, 5), "5"},
		{Persons(1465, 5), "1⍽465"},
	}
	for i, tt := range tests {
		if got := readable(tt.got); got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2017, 7, 26, 0, 0, 0, 0, time.UTC), "26 juillet 2017"},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "1er janvier 2026"},
		{time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC), "15 août 2025"},
		{time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC), "2 décembre 2025"},
	}
	for _, tt := range tests {
		if got := Date(tt.in); got != tt.want {
			t.Errorf("Date(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpan(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		from, to time.Time
		want     string
	}{
		{day(2025, 7, 7), day(2025, 8, 29), "du 7 juillet au 29 août 2025"},
		{day(2025, 9, 1), day(2026, 7, 3), "du 1er septembre 2025 au 3 juillet 2026"},
		{day(2025, 2, 10), day(2025, 2, 21), "du 10 février au 21 février 2025"},
	}
	for _, tt := range tests {
		if got := Span(tt.from, tt.to); got != tt.want {
			t.Errorf("Span(%v, %v) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
