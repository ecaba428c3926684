package exports

import (
	"regexp"
	"testing"

	"enfance/internal/golden"
)

// TestDocIsCurrent fails when docs/exports.md no longer says what the registry says.
func TestDocIsCurrent(t *testing.T) {
	golden.Check(t, "../../docs/exports.md", Markdown())
}

func TestRegistry(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	if len(Kinds) != 20 {
		t.Errorf("%d kinds, want the 20 of the design", len(Kinds))
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
				if other, dup := headers[h]; dup {
					t.Errorf("%s: header %q names both %s and %s", k.Name, h, other, c.Name)
				}
				headers[h] = c.Name
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

func TestKeysAreColumns(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Key {
			if _, ok := k.Column(c); !ok {
				t.Errorf("%s: key %q is not a column", k.Name, c)
			}
		}
	}
}
