package dashboards

import (
	"database/sql"
	"testing"

	"github.com/google/go-cmp/cmp"

	"enfance/internal/marts"
)

// TestQuality: the periods a structure owed are counted by state, rows summed, and the reasons of
// what is not complete given once each; a year shows only its own exports.
func TestQuality(t *testing.T) {
	row := func(year int, period, state string, loaded, rejected int, reason string) marts.Completude {
		return marts.Completude{Code: "MA-LOUPS", Nom: "Les Loups", Type: "eaje_presences", Periode: period, Annee: year,
			Statut: state, LignesChargees: loaded, LignesRejetees: rejected, Motif: sql.NullString{String: reason, Valid: reason != ""}}
	}
	d := &marts.Bundle{Completude: []marts.Completude{
		row(2025, "2025-01", "complet", 300, 0, ""),
		row(2025, "2025-02", "partiel", 280, 12, "12 lignes rejetées"),
		row(2025, "2025-03", "manquant", 0, 0, "aucun fichier"),
		row(2025, "2025-04", "manquant", 0, 0, "aucun fichier"),
		row(2024, "2024-12", "refuse", 0, 0, "fichier refusé"),
		{Code: "RPE", Nom: "Relais", Type: "rpe_contacts", Periode: "2025", Annee: 2025, Statut: "complet", LignesChargees: 40},
	}}
	got := quality(d, []int{2025, 2024, 2023})
	want := []qualityYear{
		{2025, []qualityRow{
			{Structure: "Les Loups", Kind: "présences", Owed: 4, Complete: 1, Partial: 1, Missing: 2, Loaded: 580, Rejected: 12,
				Reasons: "12 lignes rejetées ; aucun fichier"},
			{Structure: "Relais", Kind: "contacts", Owed: 1, Complete: 1, Loaded: 40},
		}},
		{2024, []qualityRow{{Structure: "Les Loups", Kind: "présences", Owed: 1, Refused: 1, Reasons: "fichier refusé"}}},
		{2023, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quality (-want +got):\n%s", diff)
	}
	if !got[0].Rows[0].Incomplete() || got[0].Rows[1].Incomplete() {
		t.Error("a structure with missing months is to be seen, a complete one is not")
	}
}
