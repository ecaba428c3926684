package warehouse

import "database/sql"

// EachRow calls row with the values of each row of rows, in the order of its columns: nil for
// NULL, otherwise what the driver gives (string, int64, float64, bool, time.Time…), in a slice
// of its own for each row. It returns the first error of a scan, of row or of the rows; it does
// not close rows.
func EachRow(rows *sql.Rows, row func(vals []any) error) error {
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := row(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Cells writes each value of a row as text with cell.
func Cells(vals []any, cell func(any) string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = cell(v)
	}
	return out
}

// TextRows reads every row of rows as text, each value written by cell: the names of the
// columns, and the cells of each row. It does not close rows.
func TextRows(rows *sql.Rows, cell func(any) string) (cols []string, lines [][]string, err error) {
	if cols, err = rows.Columns(); err != nil {
		return nil, nil, err
	}
	err = EachRow(rows, func(vals []any) error {
		lines = append(lines, Cells(vals, cell))
		return nil
	})
	return cols, lines, err
}
