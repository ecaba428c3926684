package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The analysts' contract, which every mart keeps or does not build (docs/transforms.md):
//   - a rate (taux_…, part_…, ratio_…, …_par_…, evolution) says what it divides, with the tag
//     « [parts : numérateur, dénominateur] » naming two columns of the same mart, so that an
//     analyst who regroups rows adds the parts and never averages the rates; a rate copied from a
//     publication that does not give its parts says so with « [publié] »;
//   - one name per meaning: no bare nom, type, places or am_actives (whose structure, which
//     places, at which date), and an antenne's code is always the column antenne;
//   - one type per concept: years INTEGER and other whole numbers BIGINT (see narrowTypes), a date
//     and time TIMESTAMPTZ, never a timestamp without its time zone.

// ErrContract is a mart that breaks the analysts' contract.
var ErrContract = errors.New("contract")

var (
	ratePattern  = regexp.MustCompile(`^(taux|part|ratio)_|_par_|^evolution$`)
	partsPattern = regexp.MustCompile(`\[parts : ([a-z0-9_]+), ([a-z0-9_]+)\]`)
	publishedTag = "[publié]"
)

// ambiguousNames are column names that meant different things in different marts, with the
// names to use instead.
var ambiguousNames = map[string]string{
	"nom":          "nom_commune, nom_structure, nom_antenne…",
	"type":         "type_structure, type_export…",
	"places":       "places_autorisees, places_ouvertes, places_agreees…",
	"am_actives":   "am_actives_1er_janvier or am_actives_31_decembre",
	"code_antenne": "antenne",
	"antenne_rpe":  "antenne",
}

// IsRate tells a column that holds a rate, by its name.
func IsRate(column string) bool { return ratePattern.MatchString(column) }

// Parts returns the numerator and denominator a column's description names, if it does.
func (c Column) Parts() (num, den string, ok bool) {
	m := partsPattern.FindStringSubmatch(c.Description)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// checkContract checks the names and parts of a mart's columns and their types in the warehouse.
func checkContract(ctx context.Context, db *sql.DB, m *Model) error {
	names := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		names[i] = c.Name
	}
	for _, c := range m.Columns {
		if err := contractOf(c, names); err != nil {
			return m.errorf(c.Line, "%w: %s: %v", ErrContract, c.Name, err)
		}
	}
	var naive string
	err := db.QueryRowContext(ctx, `SELECT coalesce(string_agg(column_name, ', '), '') FROM duckdb_columns()
		WHERE schema_name = ? AND table_name = ? AND data_type = 'TIMESTAMP'`, m.Schema, m.Table).Scan(&naive)
	if err != nil {
		return m.errorf(0, "%w", err)
	}
	if naive != "" {
		return m.errorf(m.sqlLine, "%w: %s: a date and time is a TIMESTAMPTZ (add AT TIME ZONE 'UTC')", ErrContract, naive)
	}
	return nil
}

// contractOf checks one column's name and, for a rate, its parts.
func contractOf(c Column, columns []string) error {
	if instead, ok := ambiguousNames[c.Name]; ok {
		return fmt.Errorf("the name is ambiguous across marts, use %s", instead)
	}
	if !IsRate(c.Name) || strings.Contains(c.Description, publishedTag) {
		return nil
	}
	num, den, ok := c.Parts()
	if !ok {
		return errors.New("a rate names its parts: add « [parts : numérateur, dénominateur] » to its description (or « [publié] »)")
	}
	for _, p := range []string{num, den} {
		if !slices.Contains(columns, p) {
			return fmt.Errorf("[parts : …] names %s, which is not a column of the mart", p)
		}
	}
	return nil
}
