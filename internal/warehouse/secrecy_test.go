package warehouse

import (
	"slices"
	"testing"
)

func TestSecrecyDeclarations(t *testing.T) {
	for _, c := range []struct {
		desc    string
		persons bool
		reveals []string
	}{
		{"Enfants différents. [personnes]", true, nil},
		{"Valeur. [personnes si unite]", false, nil},
		{"Part. [révèle : am_a_jour, am_en_activite] [parts : am_a_jour, am_en_activite]", false, []string{"am_a_jour", "am_en_activite"}},
		{"Heures.", false, nil},
	} {
		if got := CountsPersons(c.desc); got != c.persons {
			t.Errorf("CountsPersons(%q) = %v, want %v", c.desc, got, c.persons)
		}
		if got := Reveals(c.desc); !slices.Equal(got, c.reveals) {
			t.Errorf("Reveals(%q) = %q, want %q", c.desc, got, c.reveals)
		}
	}
}
