package dashboards

import (
	"encoding/json"
	"strings"
	"testing"

	"enfance/internal/marts"
)

// TestContactWords: the relais' contacts name a reason and a channel as the CAF evaluation does,
// the mart's non_renseigne included, never by its code.
func TestContactWords(t *testing.T) {
	bars := contactBars([]marts.RPEContactsMotifs{
		{Antenne: "ANT-B", Annee: 2025, Motif: "non_renseigne", Canal: "non_renseigne", Contacts: 3},
		{Antenne: "ANT-B", Annee: 2025, Motif: "contrat_employeur", Canal: "rdv", Contacts: 5},
	})
	js, err := json.Marshal(bars[yearKey(2025)].JSON())
	if err != nil {
		t.Fatal(err)
	}
	text := string(js)
	for _, want := range []string{"Non renseigné", "Contrat, rôle d'employeur", "Rendez-vous"} {
		if !strings.Contains(text, want) {
			t.Errorf("the chart lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "non_renseigne") {
		t.Errorf("the chart shows the code non_renseigne:\n%s", text)
	}
}
