package ingest

import (
	"context"
	"database/sql/driver"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"time"

	"enfance/internal/exports"
	"enfance/internal/warehouse"
)

func newKnown() *known {
	return &known{communes: map[string]bool{}, communeNames: map[string]string{}, codes: map[string]map[string]bool{},
		codeKeys: map[string]map[string]string{}, slots: map[string][]slot{}, periods: map[string][]acmPeriod{}}
}

// learn keeps what the rows of a kind others refer to tell about the territory: the codes of a
// kind with a one-column key, the capacity slots and the declared ACM periods.
func (k *known) learn(kind exports.Kind, rows [][]driver.Value) {
	if len(kind.Key) == 1 && slices.Contains(exports.LoadOrder(), kind.Name) {
		for _, r := range rows {
			code := at(kind, r, kind.Key[0]).(string)
			k.addCode(kind.Name, code)
			if name, ok := at(kind, r, "nom").(string); ok {
				k.addName(kind.Name, name, code)
			}
		}
	}
	at := func(row []driver.Value, name string) driver.Value { return at(kind, row, name) }
	for _, r := range rows {
		switch kind.Name {
		case "eaje_capacites":
			s := slot{from: at(r, "date_debut").(time.Time), weekdays: str(at(r, "jours")),
				start: hours(at(r, "heure_debut")), end: hours(at(r, "heure_fin"))}
			if to, ok := at(r, "date_fin").(time.Time); ok {
				s.to = to
			}
			code := at(r, "code_structure").(string)
			k.slots[code] = append(k.slots[code], s)
		case "acm_periodes":
			p := acmPeriod{from: at(r, "date_debut").(time.Time), to: at(r, "date_fin").(time.Time)}
			if a, ok := at(r, "amplitude_heures").(float64); ok {
				p.amplitude = a
			}
			code := at(r, "code_structure").(string)
			k.periods[code] = append(k.periods[code], p)
		}
	}
}

// at is the value of a column in a row of the kind.
func at(kind exports.Kind, row []driver.Value, name string) driver.Value {
	for i, c := range kind.Columns {
		if c.Name == name {
			return row[i]
		}
	}
	return nil
}

func str(v driver.Value) string {
	s, _ := v.(string)
	return s
}

// hours turns a stored "hh:mm" into hours.
func hours(v driver.Value) float64 {
	var h, m int
	fmt.Sscanf(str(v), "%d:%d", &h, &m)
	return float64(h) + float64(m)/60
}

// sqlType is the DuckDB type that holds a registry type in the raw layer.
func sqlType(t exports.Type) string {
	switch t {
	case exports.Int, exports.Year:
		return "INTEGER"
	case exports.Decimal, exports.Duration:
		return "DOUBLE"
	case exports.Date, exports.Month:
		return "DATE"
	case exports.Bool:
		return "BOOLEAN"
	}
	return "VARCHAR"
}

// createKindTables creates raw.<kind> for every kind of the registry, typed, with the lineage
// columns, so that the models find every table even when a kind has no file; every raw table
// is documented (COMMENT ON) from the registry, or from sql/raw_comments.sql.
func (l *Loader) createKindTables(ctx context.Context) error {
	for _, k := range exports.Kinds {
		var cols []string
		for _, c := range k.Columns {
			cols = append(cols, warehouse.Ident(c.Name)+" "+sqlType(c.Type))
		}
		cols = append(cols, "_fichier VARCHAR NOT NULL", "_ligne INTEGER NOT NULL", "_chargement INTEGER NOT NULL")
		stmt := "CREATE TABLE " + warehouse.Qualified("raw", k.Name) + " (" + strings.Join(cols, ", ") + ")"
		if _, err := l.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("chargement : création de raw.%s : %w", k.Name, err)
		}
		if _, err := l.db.ExecContext(ctx, kindComments(k)); err != nil {
			return fmt.Errorf("chargement : documentation de raw.%s : %w", k.Name, err)
		}
	}
	if _, err := l.db.ExecContext(ctx, rawComments); err != nil {
		return fmt.Errorf("chargement : documentation des tables brutes : %w", err)
	}
	return nil
}

//go:embed sql/raw_comments.sql
var rawComments string

// kindComments documents raw.<kind> as the registry describes it (docs/exports.md).
func kindComments(k exports.Kind) string {
	table := warehouse.Qualified("raw", k.Name)
	stmts := []string{"COMMENT ON TABLE " + table + " IS " + warehouse.Literal(k.Doc+" Une ligne = "+k.Grain+", telle que l'export l'écrit (voir docs/exports.md).")}
	for _, c := range k.Columns {
		stmts = append(stmts, "COMMENT ON COLUMN "+table+"."+warehouse.Ident(c.Name)+" IS "+warehouse.Literal(c.Doc))
	}
	lineage := map[string]string{"_fichier": "Fichier d'où vient la ligne, relatif au dossier des exports.",
		"_ligne": "Ligne du fichier (1 = l'en-tête ; pour un classeur, la ligne de la feuille).", "_chargement": "Numéro du chargement (raw.chargements)."}
	for _, col := range []string{"_fichier", "_ligne", "_chargement"} {
		stmts = append(stmts, "COMMENT ON COLUMN "+table+"."+col+" IS "+warehouse.Literal(lineage[col]))
	}
	return strings.Join(stmts, ";\n")
}
