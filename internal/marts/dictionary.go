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

type martColumn struct {
	table string
	col   TableColumn
}

// Dictionary reads the name, description and columns of every mart.
func (r *Reader) Dictionary(ctx context.Context) ([]Table, error) {
	tables, err := collect(ctx, r.db, "dictionary_tables", func(rows *sql.Rows) (Table, error) {
		var t Table
		var comment sql.NullString
		err := rows.Scan(&t.Name, &comment, &t.Key)
		t.Description = comment.String
		return t, err
	})
	if err != nil {
		return nil, err
	}
	columns, err := collect(ctx, r.db, "dictionary_columns", func(rows *sql.Rows) (martColumn, error) {
		var c martColumn
		var comment sql.NullString
		err := rows.Scan(&c.table, &c.col.Name, &c.col.Type, &comment)
		c.col.Description = comment.String
		return c, err
	})
	if err != nil {
		return nil, err
	}
	byName := map[string]*Table{}
	for i := range tables {
		byName[tables[i].Name] = &tables[i]
	}
	for _, c := range columns {
		if t := byName[c.table]; t != nil {
			t.Columns = append(t.Columns, c.col)
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
