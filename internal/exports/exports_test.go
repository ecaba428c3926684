package exports

import (
	"regexp"
	"testing"
	"time"

	"enfance/internal/golden"
)

// TestDocIsCurrent fails when docs/exports.md no longer says what the registry says.
func TestDocIsCurrent(t *testing.T) {
	golden.Check(t, "../../docs/exports.md", Markdown())
}

func TestRegistry(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	if len(Kinds) != 21 {
		t.Errorf("%d kinds, want the 20 of the design and the monthly statements", len(Kinds))
	}
	kinds := map[string]bool{}
	for _, k := range Kinds {
		if kinds[k.Name] || !name.MatchString(k.Name) {
			t.Errorf("kind %q is repeated or misnamed", k.Name)
		}
		kinds[k.Name] = true
		headers := map[string]string{}
		for _, c := range k.Columns {
			if !name.MatchString(c.Name) || c.Doc == "" {
				t.Errorf("%s.%s: misnamed or undocumented", k.Name, c.Name)
			}
			if (c.Type == Enum || c.Type == List) != (len(c.Values) > 0) {
				t.Errorf("%s.%s: values %v for type %s", k.Name, c.Name, c.Values, c.Type)
			}
			for _, h := range append([]string{c.Name}, c.Aliases...) {
				if other, dup := headers[Words(h)]; dup && other != c.Name {
					t.Errorf("%s: header %q names both %s and %s", k.Name, h, other, c.Name)
				}
				headers[Words(h)] = c.Name
			}
			for _, h := range c.Given {
				if other, dup := headers[Words(h)]; dup {
					t.Errorf("%s: given-name header %q also names %s", k.Name, h, other)
				}
			}
		}
		if _, ok := k.Column(k.Period); k.Period != "" && !ok {
			t.Errorf("%s: Period %q is not a column", k.Name, k.Period)
		}
	}
}

func TestForFile(t *testing.T) {
	tests := []struct{ file, kind string }{
		{"eaje_presences_MA-LOUPS_2025-03.csv", "eaje_presences"},
		{"eaje_heures_mensuelles_MA-LOUPS_2025-03.csv", "eaje_heures_mensuelles"},
		{"sejours_2025.csv", "sejours"},
		{"sejours_inscriptions_2025.csv", "sejours_inscriptions"},
		{"AM_REGISTRE_2025.xlsx", "am_registre"},
		{"structures.csv", "structures"},
		{"rpe_ateliers-2024.csv", "rpe_ateliers"},
		{"sejoursx.csv", ""},
		{"presences.csv", ""},
	}
	for _, tt := range tests {
		k, ok := ForFile(tt.file)
		if ok != (tt.kind != "") || k.Name != tt.kind {
			t.Errorf("ForFile(%q) = %q, %v; want %q", tt.file, k.Name, ok, tt.kind)
		}
	}
}

// TestEveryValueIsBounded: every number, date and year has the bounds a real value can take, so
// that the ingest rejects a 1900 presence or a seventh child in an AM's agrément.
func TestEveryValueIsBounded(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Columns {
			switch {
			case c.Type == Int || c.Type == Decimal || c.Type == Duration:
				if c.Min < 0 || c.Max <= c.Min || c.From != 0 {
					t.Errorf("%s.%s: bounds %g to %g, first year %d", k.Name, c.Name, c.Min, c.Max, c.From)
				}
			case c.Bounded():
				if c.From < 1900 || c.From > 2100 || c.Max != 0 {
					t.Errorf("%s.%s: first year %d, max %g", k.Name, c.Name, c.From, c.Max)
				}
			case c.Min != 0 || c.Max != 0 || c.From != 0 || c.Until != Today:
				t.Errorf("%s.%s: bounds on a %s", k.Name, c.Name, c.Type)
			}
		}
	}
}

func TestLast(t *testing.T) {
	today := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		col  Column
		want string
	}{
		{Column{Type: Date, Until: Today}, "2026-03-15"},
		{Column{Type: Year, Until: Today}, "2026-12-31"},
		{Column{Type: Year, Until: Adult}, "2008-12-31"},
		{Column{Type: Date, Until: YearsAhead(1)}, "2027-12-31"},
		{Column{Type: Date, Until: Open}, "none"},
	}
	for _, tt := range tests {
		got := "none"
		if last, ok := tt.col.Last(today); ok {
			got = last.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("%s: last %s, want %s", tt.col.Bounds(), got, tt.want)
		}
	}
}

// TestKeysAreColumns: a key names required columns, so that every loaded row has its whole key
// (the ingest compares keys across files by equality).
func TestKeysAreColumns(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Key {
			if col, ok := k.Column(c); !ok || !col.Required {
				t.Errorf("%s: key %q is not a required column", k.Name, c)
			}
		}
	}
}
