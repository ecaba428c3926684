package marts

import (
	"reflect"
	"strings"
	"testing"
)

type scanRow struct {
	Annee   int    `col:"annee"`
	Nom     string `col:"nom"`
	Calcule int    // left to the reader
}

type twiceTagged struct {
	A int `col:"annee"`
	B int `col:"annee"`
}

// TestFieldsFor: columns find their fields in any order, and every disagreement between a result
// and a row type is an error that names the column.
func TestFieldsFor(t *testing.T) {
	row := reflect.TypeFor[scanRow]()
	got, err := fieldsFor(row, []string{"nom", "annee"})
	if err != nil || !reflect.DeepEqual(got, []int{1, 0}) {
		t.Errorf("fieldsFor(nom, annee) = %v, %v; want [1 0]", got, err)
	}
	tests := []struct {
		name string
		typ  reflect.Type
		cols []string
		want string
	}{
		{"a column without a field", row, []string{"annee", "nom", "population"}, "« population » n'a pas de champ dans scanRow"},
		{"a field without a column", row, []string{"annee"}, "scanRow attend des colonnes absentes du résultat : nom"},
		{"a column twice", row, []string{"annee", "nom", "nom"}, "« nom » figure deux fois"},
		{"a tag twice", reflect.TypeFor[twiceTagged](), []string{"annee"}, `deux champs portent l'étiquette col:"annee"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := fieldsFor(tt.typ, tt.cols)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
