package reports

import (
	"bytes"
	"database/sql"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"enfance/internal/marts"
)

func TestWorkbook(t *testing.T) {
	b := &marts.Bundle{
		InfosEntrepot: infos,
		IndicateursCles: []marts.IndicateursCles{{Annee: 2025, Code: "am_actives", Libelle: "Assistants maternels", Valeur: sql.NullFloat64{Float64: 453, Valid: true}, Unite: marts.UnitPersons},
			{Annee: 2025, Code: "am_formees", Libelle: "AM formées", Valeur: sql.NullFloat64{Float64: 3, Valid: true}, Unite: marts.UnitPersons,
				ValeurN1: sql.NullFloat64{Float64: 7, Valid: true}},
			{Annee: 2025, Code: "eaje_occupation_reelle", Libelle: "Occupation", Valeur: sql.NullFloat64{Float64: 0.692, Valid: true}, Unite: "taux"}},
		CouvertureCommune:      []marts.CouvertureCommune{{Insee: "59478", Nom: "Quaëdypre", Annee: 2025, Enfants: sql.NullInt64{Int64: 4, Valid: true}}},
		EAJEOccupationAnnuelle: []marts.EAJEOccupationAnnuelle{{Code: "MA", Nom: "Multi-accueil", Annee: 2025, TauxReel: sql.NullFloat64{Float64: 0.732, Valid: true}}},
		ACMFrequentation: []marts.ACMFrequentation{{Code: "ALSH", Nom: "Accueil de loisirs", Annee: 2025, Periode: "ete-2025",
			Debut: time.Date(2025, 7, 7, 0, 0, 0, 0, time.UTC), Fin: time.Date(2025, 8, 29, 0, 0, 0, 0, time.UTC)}},
		SejoursRemplissage: []marts.SejoursRemplissage{{Code: "S1", Annee: 2025, Intitule: "=HYPERLINK(\"http://x\")", Places: 24, Participants: 22, ListeAttente: 3}},
	}
	data, err := Workbook(b, 2025)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checks := []struct{ sheet, cell, want string }{
		{"Indicateurs clés", "B1", "Indicateur"},
		{"Indicateurs clés", "C2", "453"},
		{"EAJE année", "H2", "73.2%"},
		{"Séjours", "B2", "'=HYPERLINK(\"http://x\")"},
		{"Séjours", "D2", "22"},
		{"Indicateurs clés", "C3", "<\u00a05"}, // a key indicator counting persons hides a small count
		{"Indicateurs clés", "F3", "7"},        // a count is whole
		{"Indicateurs clés", "C4", "69.2%"},    // a rate is a percentage, in the same column
		{"Couverture", "E2", "<\u00a05"},       // so does a count read as a 64-bit integer
		{"ACM", "D2", "07/07/2025"},
		{"ACM", "E2", "29/08/2025"},
		{"Séjours", "E2", "<\u00a05"},
		{"Indicateurs clés", "A2", "2025"}, // a year has no thousands separator
		{"EAJE année", "C2", "2025"},
	}
	for _, c := range checks {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	for _, c := range []struct{ sheet, cell string }{{"EAJE année", "H2"}, {"ACM", "D2"}} {
		typ, err := f.GetCellType(c.sheet, c.cell)
		if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s!%s is stored as %v, want a number", c.sheet, c.cell, typ)
		}
	}
	if formula, _ := f.GetCellFormula("Séjours", "B2"); formula != "" {
		t.Errorf("a text became the formula %q", formula)
	}
}

// A declared period whose presences are missing has no hours, no capped Wednesdays and no actes in
// the workbook: empty cells beside « manquant », never 0.
func TestActsSheetLeavesMissingPeriodsEmpty(t *testing.T) {
	b := &marts.Bundle{ACMActes: []marts.ACMActes{{Code: "ALSH", Nom: "Accueil", Annee: 2025, Periode: "hiver-2025", Donnees: "manquant"}}}
	rows := actsSheet(b, 2025).rows
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	for i, cell := range rows[0][5:10] {
		switch v := cell.(type) {
		case sql.NullFloat64:
			if v.Valid {
				t.Errorf("cell %d = %v, want empty", i+5, v.Float64)
			}
		case sql.NullInt64:
			if v.Valid {
				t.Errorf("cell %d = %v, want empty", i+5, v.Int64)
			}
		default:
			t.Errorf("cell %d is a %T, which cannot be empty", i+5, cell)
		}
	}
}
