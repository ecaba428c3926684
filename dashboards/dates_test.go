package dashboards

import (
	"strings"
	"testing"
)

// TestDatesAsDocuments: the page is dated as the PDF documents are, by the last day the year's
// activity data reach, not by the newest file's date.
func TestDatesAsDocuments(t *testing.T) {
	d := sample()
	for i, m := range d.EAJEOccupationMensuelle { // March received, April's presences missing
		d.EAJEOccupationMensuelle[i].Donnees = map[int]string{3: "complet", 4: "manquant"}[m.Mois]
	}
	html, err := Render(d, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if want := "données arrêtées au 31 mars 2025 · édité le"; !strings.Contains(string(html), want) {
		t.Errorf("the page lacks %q", want)
	}
}
