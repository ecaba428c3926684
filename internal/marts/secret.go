package marts

import (
	"context"
	"database/sql"
	"reflect"

	"enfance/internal/frfmt"
	"enfance/internal/warehouse"
)

// Statistical secrecy is declared by the marts themselves, in their column descriptions (the
// model headers of transform/models/marts): « [personnes] » marks a column that counts persons,
// « [révèle : a, b] » a column from which a count of a or b could be recomputed (a rate, a ratio).
// [Reader.ReadAll] applies it once, for every document and the dashboard:
//   - a count of persons from 1 to the threshold excluded becomes [Masked];
//   - within a year of a mart, a column with a single masked count gets a second one, the smallest
//     other count, [MaskedOther] (complementary suppression), so that no total gives the first back;
//   - a column that reveals a masked count of its row is emptied (not valid).
//
// Key indicators declare it the same way in marts.indicateurs_cles: the unit « personnes », and
// the column « revele » listing the indicators a value is computed from.

// Masked stands for a count of persons too small to publish, and MaskedOther for one masked to
// protect another (they print « < 5 » and « secret »).
const (
	Masked      = frfmt.MaskedSmall
	MaskedOther = frfmt.MaskedOther
)

// secrecy is what a mart declares: its columns that count persons, and for each column what it
// reveals.
type secrecy struct {
	persons map[string]bool
	reveals map[string][]string
}

// secrecies reads the declarations of every mart from the dictionary.
func secrecies(tables []Table) map[string]secrecy {
	out := map[string]secrecy{}
	for _, t := range tables {
		s := secrecy{persons: map[string]bool{}, reveals: map[string][]string{}}
		for _, c := range t.Columns {
			if warehouse.CountsPersons(c.Description) {
				s.persons[c.Name] = true
			}
			if r := warehouse.Reveals(c.Description); r != nil {
				s.reveals[c.Name] = r
			}
		}
		out[t.Name] = s
	}
	return out
}

// protect applies the statistical secrecy to every mart of the bundle.
func (r *Reader) protect(ctx context.Context, b *Bundle) error {
	tables, err := r.Dictionary(ctx)
	if err != nil {
		return err
	}
	rules, threshold := secrecies(tables), b.InfosEntrepot.SecretStatistique
	v := reflect.ValueOf(b).Elem()
	for i := range v.NumField() {
		if mart := v.Type().Field(i).Tag.Get("mart"); mart != "" {
			protectRows(v.Field(i), rules[mart], threshold)
		}
	}
	protectIndicators(b.IndicateursCles, threshold)
	return nil
}

// protectRows masks the rows of one mart (a slice of structs whose fields are tagged with their
// column).
func protectRows(rows reflect.Value, s secrecy, threshold int) {
	cols := columnsOf(rows.Type().Elem())
	for col := range s.persons {
		f, ok := cols[col]
		if !ok {
			continue
		}
		years := map[int64][]int{} // year → rows with a count in the column
		for i := range rows.Len() {
			row := rows.Index(i)
			n, ok := count(row.Field(f))
			if !ok || n <= 0 {
				continue
			}
			if n < int64(threshold) {
				setCount(row.Field(f), Masked)
			}
			years[yearOf(row, cols)] = append(years[yearOf(row, cols)], i)
		}
		for _, group := range years {
			complement(rows, group, f)
		}
	}
	for i := range rows.Len() {
		hideRevealing(rows.Index(i), cols, s)
	}
}

// complement masks the smallest other count of a group that has exactly one masked count.
func complement(rows reflect.Value, group []int, f int) {
	masked, smallest, best := 0, int64(-1), -1
	for _, i := range group {
		n, _ := count(rows.Index(i).Field(f))
		switch {
		case n < 0:
			masked++
		case smallest < 0 || n < smallest:
			smallest, best = n, i
		}
	}
	if masked == 1 && best >= 0 {
		setCount(rows.Index(best).Field(f), MaskedOther)
	}
}

// hideRevealing empties the columns of a row that reveal one of its masked counts.
func hideRevealing(row reflect.Value, cols map[string]int, s secrecy) {
	for col, sources := range s.reveals {
		f, ok := cols[col]
		if !ok {
			continue
		}
		for _, src := range sources {
			if g, ok := cols[src]; ok {
				if n, _ := count(row.Field(g)); n < 0 {
					empty(row.Field(f))
				}
			}
		}
	}
}

// columnsOf maps the mart columns of a row type (its `col` tags) to field indexes.
func columnsOf(t reflect.Type) map[string]int {
	cols, _ := columnTags(t) // a type with a wrong tag is never read: collect refuses it
	return cols
}

func yearOf(row reflect.Value, cols map[string]int) int64 {
	if f, ok := cols["annee"]; ok {
		n, _ := count(row.Field(f))
		return n
	}
	return 0
}

// count reads an integer field: an int, or a valid sql.NullInt64.
func count(f reflect.Value) (int64, bool) {
	switch v := f.Addr().Interface().(type) {
	case *int:
		return int64(*v), true
	case *sql.NullInt64:
		return v.Int64, v.Valid
	}
	return 0, false
}

func setCount(f reflect.Value, n int64) {
	switch v := f.Addr().Interface().(type) {
	case *int:
		*v = int(n)
	case *sql.NullInt64:
		v.Int64 = n
	}
}

// empty makes a revealing value not valid, or zero when its type cannot say so.
func empty(f reflect.Value) {
	switch v := f.Addr().Interface().(type) {
	case *sql.NullFloat64:
		*v = sql.NullFloat64{}
	case *sql.NullInt64:
		*v = sql.NullInt64{}
	default:
		f.SetZero()
	}
}

// protectIndicators masks the key indicators that count persons below the threshold, and those
// computed from a masked one the same year (a ratio of new agréments to departures).
func protectIndicators(all []IndicateursCles, threshold int) {
	hidden := map[[2]any]bool{} // (year, code) of a masked value
	hide := func(v *sql.NullFloat64, year int, code string) {
		if v.Valid && v.Float64 > 0 && v.Float64 < float64(threshold) {
			v.Float64 = Masked
			hidden[[2]any{year, code}] = true
		}
	}
	for i := range all {
		if all[i].Unite == UnitPersons {
			hide(&all[i].Valeur, all[i].Annee, all[i].Code)
			hide(&all[i].ValeurN1, all[i].Annee-1, all[i].Code)
		}
	}
	for i := range all {
		for _, src := range all[i].Revele {
			if hidden[[2]any{all[i].Annee, src}] {
				all[i].Valeur = sql.NullFloat64{}
			}
			if hidden[[2]any{all[i].Annee - 1, src}] {
				all[i].ValeurN1 = sql.NullFloat64{}
			}
		}
	}
}

// UnitPersons is the unit of a key indicator that counts persons.
const UnitPersons = "personnes"

// IsMasked tells a value [Reader.ReadAll] masked.
func IsMasked(v sql.NullFloat64) bool { return v.Valid && v.Float64 == Masked }
