package marts

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A row type is a struct whose fields are tagged with the column of the query that fills them,
// `col:"annee"`. NULL is read through a pointer field or a sql.Null* field, as database/sql
// does; an untagged field is left to the reader (a value it computes).

// collect runs the embedded query name and reads each of its rows into a T, column by column
// through T's `col` tags. It fails when a column of the result has no field or a tagged field no
// column.
func collect[T any](ctx context.Context, db *sql.DB, name string) ([]T, error) {
	rows, err := db.QueryContext(ctx, query(name))
	if err != nil {
		return nil, fmt.Errorf("marts : requête %s : %w", name, err)
	}
	defer rows.Close()
	out, err := scanRows[T](rows)
	if err != nil {
		return nil, fmt.Errorf("marts : requête %s : %w", name, err)
	}
	return out, nil
}

// one is collect for a query that returns exactly one row.
func one[T any](ctx context.Context, db *sql.DB, name string) (T, error) {
	var v T
	all, err := collect[T](ctx, db, name)
	if err != nil {
		return v, err
	}
	if len(all) != 1 {
		return v, fmt.Errorf("marts : requête %s : %d lignes au lieu d'une", name, len(all))
	}
	return all[0], nil
}

// scanRows reads every row of rows into a T.
func scanRows[T any](rows *sql.Rows) ([]T, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	fields, err := fieldsFor(reflect.TypeFor[T](), cols)
	if err != nil {
		return nil, err
	}
	var out []T
	dest := make([]any, len(cols))
	for rows.Next() {
		var v T
		row := reflect.ValueOf(&v).Elem()
		for i, f := range fields {
			dest[i] = row.Field(f).Addr().Interface()
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// fieldsFor gives, for each column of a result, the index of the field of t tagged with it.
func fieldsFor(t reflect.Type, cols []string) ([]int, error) {
	tags, err := columnTags(t)
	if err != nil {
		return nil, err
	}
	fields := make([]int, len(cols))
	seen := map[string]bool{}
	for i, c := range cols {
		f, ok := tags[c]
		if !ok {
			return nil, fmt.Errorf("la colonne « %s » n'a pas de champ dans %s (étiquette col)", c, t.Name())
		}
		if seen[c] {
			return nil, fmt.Errorf("la colonne « %s » figure deux fois dans le résultat", c)
		}
		seen[c] = true
		fields[i] = f
	}
	if missing := missingColumns(tags, seen); len(missing) > 0 {
		return nil, fmt.Errorf("%s attend des colonnes absentes du résultat : %s", t.Name(), strings.Join(missing, ", "))
	}
	return fields, nil
}

// missingColumns are the tags no column of the result has, in field order.
func missingColumns(tags map[string]int, seen map[string]bool) []string {
	var missing []string
	for c := range tags {
		if !seen[c] {
			missing = append(missing, c)
		}
	}
	slices.SortFunc(missing, func(a, b string) int { return tags[a] - tags[b] })
	return missing
}

// tagCache holds the `col` tags of every row type read so far: reflection runs once per type.
var tagCache sync.Map // reflect.Type → tagged

type tagged struct {
	fields map[string]int
	err    error
}

// columnTags maps the `col` tags of a struct type to its fields' indexes.
func columnTags(t reflect.Type) (map[string]int, error) {
	if c, ok := tagCache.Load(t); ok {
		return c.(tagged).fields, c.(tagged).err
	}
	c := readTags(t)
	tagCache.Store(t, c)
	return c.fields, c.err
}

func readTags(t reflect.Type) tagged {
	if t.Kind() != reflect.Struct {
		return tagged{err: fmt.Errorf("%s n'est pas une structure", t)}
	}
	fields := map[string]int{}
	for i := range t.NumField() {
		c := t.Field(i).Tag.Get("col")
		if c == "" {
			continue
		}
		if _, dup := fields[c]; dup {
			return tagged{err: fmt.Errorf("%s : deux champs portent l'étiquette col:%q", t.Name(), c)}
		}
		fields[c] = i
	}
	return tagged{fields: fields}
}
