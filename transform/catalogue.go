package transform

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"

	"enfance/internal/warehouse"
)

// catalogueDoc documents marts.catalogue: what an analyst needs to know of each model before
// reading it.
var catalogueDoc = map[string]string{
	"":            "Le catalogue des modèles de l'entrepôt, une ligne par modèle des couches staging et marts : sa couche, son grain (ce qu'est une ligne), sa clé, les modèles et tables brutes qu'il lit, les tests de données qui le vérifient et les documents qui le lisent.",
	"modele":      "Nom du modèle : schéma.table.",
	"couche":      "staging (vues de préparation, pour remonter à la source) ou marts (le contrat des analystes).",
	"grain":       "Ce que décrit le modèle et ce qu'est une de ses lignes (sa description).",
	"cle":         "Colonnes de sa clé, séparées par des virgules ; la clé primaire d'un mart. Vide pour une vue sans clé.",
	"dependances": "Modèles et tables brutes qu'il lit, séparés par des virgules.",
	"tests":       "Tests de données qui le vérifient (le test de sa clé, puis les fichiers de transform/tests), séparés par des virgules.",
	"lu_par":      "Requêtes des documents et du tableau de bord qui le lisent (internal/marts/queries), séparées par des virgules ; vide si aucun document ne le lit.",
	"publication": "Pour un mart, sa copie publiable avec le secret statistique appliqué (publics.table), ou « privé : » et la raison qui le garde hors du schéma publics ; vide pour une vue de staging.",
}

var catalogueColumns = []string{"modele", "couche", "grain", "cle", "dependances", "tests", "lu_par", "publication"}

// Catalogue writes marts.catalogue: every model of the project, its layer, grain, key,
// dependencies and tests, and readBy, the queries of the outputs that read each (schema.table →
// query names).
func (p *Project) Catalogue(ctx context.Context, db *sql.DB, readBy map[string][]string) error {
	table := warehouse.Qualified("marts", "catalogue")
	cols := make([]string, len(catalogueColumns))
	for i, c := range catalogueColumns {
		cols[i] = warehouse.Ident(c) + " VARCHAR NOT NULL"
	}
	if _, err := db.ExecContext(ctx, "CREATE OR REPLACE TABLE "+table+" ("+strings.Join(cols, ", ")+", PRIMARY KEY (modele))"); err != nil {
		return fmt.Errorf("transformations : catalogue : %w", err)
	}
	docs := make([]Column, len(catalogueColumns))
	for i, c := range catalogueColumns {
		docs[i] = Column{Name: c, Description: catalogueDoc[c]}
	}
	if err := comment(ctx, db, "TABLE", table, catalogueDoc[""], docs); err != nil {
		return fmt.Errorf("transformations : catalogue : %w", err)
	}
	var rows [][]driver.Value
	for _, m := range p.Models {
		rows = append(rows, []driver.Value{m.Name(), m.Schema, m.Description, strings.Join(m.Key, ", "),
			strings.Join(depNames(m), ", "), strings.Join(p.testsOf(m), ", "), strings.Join(readBy[m.Name()], ", "), publication(m)})
	}
	rows = append(rows, []driver.Value{"marts.catalogue", "marts", catalogueDoc[""], "modele", "", "", "", "privé : le catalogue décrit l'entrepôt, il ne se republie pas."})
	if err := warehouse.Append(ctx, db, "marts", "catalogue", rows); err != nil {
		return fmt.Errorf("transformations : catalogue : %w", err)
	}
	return nil
}

// publication says where a mart is published with the secrecy applied, or why it is not.
func publication(m *Model) string {
	switch {
	case m.Schema != "marts":
		return ""
	case m.Private != "":
		return "privé : " + m.Private
	}
	return "publics." + m.Table
}

func depNames(m *Model) []string {
	names := make([]string, len(m.Depends))
	for i, d := range m.Depends {
		names[i] = d.Name
	}
	return names
}

// testsOf are the data tests that check a model: its key's, then the test files that read it.
func (p *Project) testsOf(m *Model) []string {
	var out []string
	if len(m.Key) > 0 {
		out = append(out, m.Name()+" key")
	}
	for _, t := range p.Tests {
		if slices.ContainsFunc(t.Depends, func(d Dep) bool { return d.Name == m.Name() }) {
			out = append(out, t.Table)
		}
	}
	return out
}
