package marts

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"strings"
)

// Table is a mart and its columns, as the warehouse documents them (COMMENT ON).
type Table struct {
	Name        string
	Description string
	Key         string // its PRIMARY KEY's columns, « a, b »
	Columns     []TableColumn
}

// TableColumn is one documented column of a mart.
type TableColumn struct {
	Name, Type, Description string
}

// tableRow is a row of dictionary_tables.sql (duckdb_tables(), not a mart).
type tableRow struct {
	Name    string         `col:"table_name"`
	Comment sql.NullString `col:"comment"`
	Key     string         `col:"cle"`
}

// columnRow is a row of dictionary_columns.sql (duckdb_columns(), not a mart).
type columnRow struct {
	Table   string         `col:"table_name"`
	Name    string         `col:"column_name"`
	Type    string         `col:"data_type"`
	Comment sql.NullString `col:"comment"`
}

// Dictionary reads the name, description and columns of every mart.
func (r *Reader) Dictionary(ctx context.Context) ([]Table, error) {
	rows, err := collect[tableRow](ctx, r.db, "dictionary_tables")
	if err != nil {
		return nil, err
	}
	columns, err := collect[columnRow](ctx, r.db, "dictionary_columns")
	if err != nil {
		return nil, err
	}
	tables := make([]Table, len(rows))
	for i, t := range rows {
		tables[i] = Table{Name: t.Name, Description: t.Comment.String, Key: t.Key}
	}
	byName := map[string]*Table{}
	for i := range tables {
		byName[tables[i].Name] = &tables[i]
	}
	for _, c := range columns {
		if t := byName[c.Table]; t != nil {
			t.Columns = append(t.Columns, TableColumn{Name: c.Name, Type: c.Type, Description: c.Comment.String})
		}
	}
	return tables, nil
}

// contract is the hand-written part of docs/schema.md: what every mart guarantees, and the
// changes of that contract from one version to the next.
//
//go:embed contract.md
var contract string

// Markdown writes the dictionary as the French Markdown page docs/schema.md. Row counts are
// left out: the page describes the contract, not one run's data.
func Markdown(tables []Table) []byte {
	var b strings.Builder
	b.WriteString("# Dictionnaire des données (schéma `marts`)\n\n")
	b.WriteString("Page générée par `enfance schema` à partir des commentaires de l'entrepôt (`COMMENT ON`) ;\n")
	b.WriteString("ne pas la modifier à la main : modifier l'en-tête du modèle dans `transform/models/marts/`.\n")
	b.WriteString("\n" + contract)
	for _, t := range tables {
		fmt.Fprintf(&b, "\n## `marts.%s`\n\n%s\n\n", t.Name, t.Description)
		if t.Key != "" {
			fmt.Fprintf(&b, "Clé primaire : %s (une ligne par valeur de la clé, aucune de ses colonnes vide).\n\n", codeList(t.Key))
		}
		b.WriteString("| colonne | type | définition |\n|---|---|---|\n")
		for _, c := range t.Columns {
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Name, c.Type, strings.ReplaceAll(c.Description, "|", "\\|"))
		}
	}
	return []byte(b.String())
}

// codeList writes « a, b » as « `a`, `b` ».
func codeList(list string) string { return "`" + strings.ReplaceAll(list, ", ", "`, `") + "`" }
