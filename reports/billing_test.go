package reports

import (
	"database/sql"
	"strings"
	"testing"

	"enfance/internal/marts"
)

// TestBillingPartialOnRate: the line under the brief's table marks a partial year's rate, not
// the zone after it.
func TestBillingPartialOnRate(t *testing.T) {
	got := billingByEAJE([]marts.EAJEOccupationAnnuelle{{Code: "HG-BAMBIBUS", Nom: "Halte-garderie itinérante « Le Bambibus »", Annee: 2025,
		TauxFacturation: sql.NullFloat64{Float64: 1.077, Valid: true}, Zone: "de 107 % à 120 % (plafond dégressif)", Donnees: "partiel"}}, 2025)
	if want := "Le Bambibus 107,7 % (partiel), zone de 107 % à 120 % (plafond dégressif)."; !strings.HasSuffix(strings.Join(strings.Fields(got), " "), want) {
		t.Errorf("billing line %q, want it to end with %q", got, want)
	}
}
