package transform

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"enfance/internal/warehouse"
)

// The schema publics holds a copy of every mart but those whose header says « -- private: »,
// with the statistical secrecy of the documents applied, for re-publication (Power BI, Evidence,
// Rill, an open-data portal); marts keeps the exact counts for the analysts. The marts declare
// it in their column descriptions:
//   - « [personnes] »: a count of persons; from 1 to the threshold excluded it becomes NULL, and
//     within a year (the column annee, or the whole mart without one) a column with a single
//     such count loses a second one, its smallest other count (complementary suppression), so
//     that no total gives the first back;
//   - « [personnes si unite] »: the same, in a long table, on the rows whose unite is
//     « personnes » (no complementary suppression: the rows are different indicators);
//   - « [révèle : a, b] »: a value computed from a or b (a rate, a difference), NULL when one of
//     them is;
//   - a column revele (indicateurs_cles) lists the indicators a value is computed from: the value
//     of the year, and of the year before, is NULL when one of them is masked that year;
//   - « [non publié : raison] »: a column left out of publics, such as a running total, whose
//     differences from one row to the next would give a masked count back.
//
// Each row says which of its counts were masked in the column colonnes_masquees.

// byUnitTag is the declaration only publics reads (the documents mask key indicators by their
// unit, internal/marts.protectIndicators); the others are read by warehouse.CountsPersons and
// warehouse.Reveals.
const byUnitTag = "[personnes si unite]"

// unpublishedTag marks a column that publics leaves out.
const unpublishedTag = "[non publié"

// published are the columns of a mart that publics copies.
func published(m *Model) []Column {
	return slices.DeleteFunc(slices.Clone(m.Columns), func(c Column) bool { return strings.Contains(c.Description, unpublishedTag) })
}

// MaskedColumn is the column of each table of publics that lists the counts masked in the row.
const MaskedColumn = "colonnes_masquees"

// Publics builds the schema publics from the marts, with counts of persons under threshold masked.
func (p *Project) Publics(ctx context.Context, db *sql.DB, threshold int) error {
	for _, m := range p.Models {
		if m.Schema != "marts" || m.Private != "" {
			continue
		}
		if err := buildPublic(ctx, db, m, threshold); err != nil {
			return err
		}
	}
	return nil
}

func buildPublic(ctx context.Context, db *sql.DB, m *Model, threshold int) error {
	target := warehouse.Qualified("publics", m.Table)
	if _, err := db.ExecContext(ctx, "CREATE OR REPLACE TABLE "+target+" AS\n"+publicSQL(m, threshold)); err != nil {
		return m.errorf(0, "publics: %w", err)
	}
	cols := append(published(m), Column{Name: MaskedColumn,
		Description: "Colonnes de la ligne masquées par le secret statistique, séparées par des virgules ; vide quand aucune."})
	if err := comment(ctx, db, "TABLE", target, m.Description+" "+publicNote(threshold), cols); err != nil {
		return m.errorf(0, "publics: %w", err)
	}
	return nil
}

func publicNote(threshold int) string {
	return "Copie publiable (schéma publics) : un effectif de personnes de 1 à " + strconv.Itoa(threshold-1) +
		" est vide, comme un second effectif qui permettrait de le retrouver par différence et toute valeur qui le révèle ; la colonne " +
		MaskedColumn + " dit lesquels."
}

// secrecy is what a mart declares, column by column.
type secrecy struct {
	persons, byUnit []string            // counts of persons, always or on the rows of unit personnes
	reveals         map[string][]string // a value → the counts it reveals
	year            string              // the column that groups rows for complementary suppression
	cross           bool                // the mart has the columns indicateur and revele
}

func secrecyOf(m *Model) secrecy {
	s := secrecy{reveals: map[string][]string{}}
	names := make([]string, 0, len(m.Columns))
	for _, c := range m.Columns {
		names = append(names, c.Name)
		switch {
		case warehouse.CountsPersons(c.Description):
			s.persons = append(s.persons, c.Name)
		case strings.Contains(c.Description, byUnitTag):
			s.byUnit = append(s.byUnit, c.Name)
		}
		if r := warehouse.Reveals(c.Description); r != nil {
			s.reveals[c.Name] = r
		}
	}
	if slices.Contains(names, "annee") {
		s.year = "annee"
	}
	s.cross = slices.Contains(names, "revele") && slices.Contains(names, "indicateur") && slices.Contains(names, "valeur_n_1")
	return s
}

// publicSQL is the SELECT of a mart's public copy: flags in three steps (below the threshold,
// complementary, across indicators), then every column with its masked values emptied.
func publicSQL(m *Model, threshold int) string {
	s := secrecyOf(m)
	t := strconv.Itoa(threshold)
	var below, second []string
	for _, c := range s.persons {
		below = append(below, fmt.Sprintf("coalesce(%s > 0 AND %s < %s, false) AS %s", c, c, t, flag(c)))
		second = append(second, complementFlag(c, s.year, m.Key))
	}
	for _, c := range s.byUnit {
		below = append(below, fmt.Sprintf("coalesce(unite = 'personnes' AND %s > 0 AND %s < %s, false) AS %s", c, c, t, flag(c)))
		second = append(second, flag(c)+" AS "+flag(c))
	}
	from := "marts." + warehouse.Ident(m.Table)
	q := "WITH b AS (SELECT *" + list(below) + " FROM " + from + "),\n" +
		"c AS (SELECT *" + replace(second) + " FROM b),\n" +
		"d AS (" + crossStep(s) + ")\n"
	return q + "SELECT " + strings.Join(outputs(m, s), ",\n       ") + "\nFROM d"
}

func flag(c string) string { return "_masque_" + c }

// complementFlag flags a count that is masked, or the smallest other count of its year when
// that year has exactly one masked count.
func complementFlag(c, year string, key []string) string {
	part := "PARTITION BY " + year
	if year == "" {
		part = ""
	}
	order := append([]string{"(" + c + " > 0 AND NOT " + flag(c) + ") DESC", c}, key...)
	return fmt.Sprintf("%s OR (%s > 0 AND count(*) FILTER (WHERE %s) OVER (%s) = 1 AND row_number() OVER (%s ORDER BY %s) = 1) AS %s",
		flag(c), c, flag(c), part, part, strings.Join(order, ", "), flag(c))
}

// crossStep masks, in indicateurs_cles, a value computed from an indicator masked the same year.
func crossStep(s secrecy) string {
	if !s.cross || !slices.Contains(s.byUnit, "valeur") || !slices.Contains(s.byUnit, "valeur_n_1") {
		return "SELECT * FROM c"
	}
	hidden := func(shift string) string {
		return "coalesce(list_has_any(string_split(c.revele, ','), (SELECT list(h.indicateur) FROM c AS h WHERE h." +
			flag("valeur") + " AND h.annee = c.annee" + shift + ")), false)"
	}
	return "SELECT * REPLACE (" + flag("valeur") + " OR " + hidden("") + " AS " + flag("valeur") + ", " +
		flag("valeur_n_1") + " OR " + hidden(" - 1") + " AS " + flag("valeur_n_1") + ") FROM c"
}

// outputs lists the public columns: each mart column, emptied when masked or revealing, then the
// list of the row's masked counts.
func outputs(m *Model, s secrecy) []string {
	counts := slices.Concat(s.persons, s.byUnit)
	var out, names []string
	for _, c := range published(m) {
		var flags []string
		if slices.Contains(counts, c.Name) {
			flags = append(flags, flag(c.Name))
			names = append(names, "CASE WHEN "+flag(c.Name)+" THEN '"+c.Name+"' END")
		}
		for _, src := range s.reveals[c.Name] {
			if slices.Contains(counts, src) {
				flags = append(flags, flag(src))
			}
		}
		col := warehouse.Ident(c.Name)
		if len(flags) > 0 {
			col = "CASE WHEN " + strings.Join(flags, " OR ") + " THEN NULL ELSE " + col + " END AS " + col
		}
		out = append(out, col)
	}
	masked := "CAST(NULL AS VARCHAR)"
	if len(names) > 0 {
		masked = "nullif(concat_ws(', ', " + strings.Join(names, ", ") + "), '')"
	}
	return append(out, masked+" AS "+MaskedColumn)
}

func list(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ", " + strings.Join(items, ", ")
}

// replace is the REPLACE clause of a SELECT *, or nothing when there is nothing to replace.
func replace(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return " REPLACE (" + strings.Join(items, ", ") + ")"
}
