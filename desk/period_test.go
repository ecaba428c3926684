package desk

import (
	"testing"

	"enfance/ingest"
)

// TestPeriodAsLoaded: the Exports page says the period a file's name announces as the load
// reads it: a full date is an export stamp, not a month.
func TestPeriodAsLoaded(t *testing.T) {
	for name, want := range map[string]string{
		"eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv":            "mars 2025",
		"eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03_2025-04-10.csv": "mars 2025",
		"acm/acm_presences_ALSH_2025-04-10.csv":                        "",
		"rpe/am_registre_2025.xlsx":                                    "2025",
		"service/structures.csv":                                       "",
	} {
		if got := periodWords(ingest.PeriodOfName(name)); got != want {
			t.Errorf("%s: period %q, want %q", name, got, want)
		}
	}
}
