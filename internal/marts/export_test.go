package marts

import "reflect"

// What the contract test (package marts_test, which builds a warehouse through internal/cli)
// needs of the package's inside.

// Query is the text of an embedded query.
func Query(name string) string { return query(name) }

// ColumnTags maps the `col` tags of a row type to its fields.
func ColumnTags(t reflect.Type) (map[string]int, error) { return columnTags(t) }

// RowTypes are the row types the readers fill, by name.
var RowTypes = map[string]reflect.Type{}

func init() {
	for _, t := range []reflect.Type{
		reflect.TypeFor[InfosEntrepot](), reflect.TypeFor[DimCommune](), reflect.TypeFor[DimStructure](),
		reflect.TypeFor[IndicateursCles](), reflect.TypeFor[PopulationTerritoire](),
		reflect.TypeFor[EAJEOccupationMensuelle](), reflect.TypeFor[EAJEOccupationAnnuelle](),
		reflect.TypeFor[ACMFrequentation](), reflect.TypeFor[SejoursRemplissage](),
		reflect.TypeFor[RPEActiviteAnnuelle](), reflect.TypeFor[FormationAnnuelle](), reflect.TypeFor[FreinsLeviers](),
		reflect.TypeFor[AMAttractiviteAnnuelle](), reflect.TypeFor[AMPyramideAges](), reflect.TypeFor[AMProjectionDeparts](),
		reflect.TypeFor[CouvertureCommune](), reflect.TypeFor[CarteCommunes](), reflect.TypeFor[QualiteDonnees](),
		reflect.TypeFor[AccueilParCommune](), reflect.TypeFor[Completude](), reflect.TypeFor[LignesRejetees](),
		reflect.TypeFor[EAJEHeuresRegime](), reflect.TypeFor[RPEContactsMotifs](),
		reflect.TypeFor[AMDisponibilitesAnnuelles](), reflect.TypeFor[RPETempsFortsAnnuels](),
		reflect.TypeFor[ACMActes](), reflect.TypeFor[EAJEDeclarationsPSU](), reflect.TypeFor[CTGSuivi](),
		reflect.TypeFor[CouvertureCNAFEPCI](), reflect.TypeFor[tableRow](), reflect.TypeFor[columnRow](),
	} {
		RowTypes[t.Name()] = t
	}
}
