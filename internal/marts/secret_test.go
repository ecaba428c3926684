package marts

import (
	"database/sql"
	"reflect"
	"testing"
)

func f(x float64) sql.NullFloat64 { return sql.NullFloat64{Float64: x, Valid: true} }

var sejourRules = secrecies([]Table{{Name: "sejours_remplissage", Columns: []TableColumn{
	{Name: "participants", Description: "Jeunes présents au séjour. [personnes]"},
	{Name: "liste_attente", Description: "Jeunes en attente. [personnes]"},
	{Name: "taux_remplissage", Description: "Participants / places. [révèle : participants]"},
}}})["sejours_remplissage"]

// TestProtectRows: a small count is masked, the rate that gives it back is emptied, and a second
// count of the same year is masked so that the year's total does not give it back either.
func TestProtectRows(t *testing.T) {
	tests := []struct {
		name     string
		in, want []SejoursRemplissage
	}{
		{"a small count, its rate and a complement",
			[]SejoursRemplissage{
				{Annee: 2025, Places: 8, Participants: 3, TauxRemplissage: f(0.375)},
				{Annee: 2025, Places: 20, Participants: 18, TauxRemplissage: f(0.9)},
				{Annee: 2025, Places: 30, Participants: 25, TauxRemplissage: f(25.0 / 30)},
				{Annee: 2024, Places: 30, Participants: 12, TauxRemplissage: f(0.4)},
			},
			[]SejoursRemplissage{
				{Annee: 2025, Places: 8, Participants: Masked},
				{Annee: 2025, Places: 20, Participants: MaskedOther},
				{Annee: 2025, Places: 30, Participants: 25, TauxRemplissage: f(25.0 / 30)},
				{Annee: 2024, Places: 30, Participants: 12, TauxRemplissage: f(0.4)},
			}},
		{"two small counts need no complement; nought is published",
			[]SejoursRemplissage{
				{Annee: 2025, Participants: 3, ListeAttente: 0},
				{Annee: 2025, Participants: 4, ListeAttente: 7},
				{Annee: 2025, Participants: 40, ListeAttente: 2},
			},
			[]SejoursRemplissage{
				{Annee: 2025, Participants: Masked, ListeAttente: 0},
				{Annee: 2025, Participants: Masked, ListeAttente: MaskedOther},
				{Annee: 2025, Participants: 40, ListeAttente: Masked},
			}},
		{"at the threshold, nothing is masked",
			[]SejoursRemplissage{{Annee: 2025, Participants: 5, TauxRemplissage: f(0.5)}},
			[]SejoursRemplissage{{Annee: 2025, Participants: 5, TauxRemplissage: f(0.5)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			protectRows(reflect.ValueOf(tt.in), sejourRules, 5)
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("got  %+v\nwant %+v", tt.in, tt.want)
			}
		})
	}
}

// TestProtectIndicators: a key indicator of persons below the threshold is masked, and so is a
// ratio computed from it, the same year only.
func TestProtectIndicators(t *testing.T) {
	all := []IndicateursCles{
		{Annee: 2025, Code: "nouveaux_agrements", Unite: UnitPersons, Valeur: f(3), ValeurN1: f(12)},
		{Annee: 2025, Code: "cessations", Unite: UnitPersons, Valeur: f(9), ValeurN1: f(8)},
		{Annee: 2025, Code: "ratio_renouvellement", Unite: "ratio", Valeur: f(3.0 / 9), ValeurN1: f(1.5), Revele: []string{"nouveaux_agrements", "cessations"}},
		{Annee: 2025, Code: "places_am", Unite: "nombre", Valeur: f(3), ValeurN1: f(4)},
	}
	protectIndicators(all, 5)
	want := []sql.NullFloat64{f(Masked), f(12), f(9), f(8), {}, f(1.5), f(3), f(4)}
	var got []sql.NullFloat64
	for _, i := range all {
		got = append(got, i.Valeur, i.ValeurN1)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// TestEveryBundleMartDeclaresItsRows: every protected field of the bundle names its columns, so
// that a declaration in SQL reaches it.
func TestEveryBundleMartDeclaresItsRows(t *testing.T) {
	bt := reflect.TypeOf(Bundle{})
	for i := range bt.NumField() {
		if bt.Field(i).Tag.Get("mart") == "" {
			continue
		}
		if cols := columnsOf(bt.Field(i).Type.Elem()); len(cols) < 2 {
			t.Errorf("%s: %d tagged columns", bt.Field(i).Name, len(cols))
		}
	}
}
