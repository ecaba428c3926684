package cli

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"enfance/internal/warehouse"
)

// resultWriter writes the rows of a query in one format: header once, rows, then the end.
type resultWriter interface {
	header(cols []string) error
	row(vals []any) error
	end(n int) error
}

// queryFormats are the formats of enfance query --format.
var queryFormats = map[string]func(io.Writer) resultWriter{
	"table": func(w io.Writer) resultWriter { return &tableResult{w: w, tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)} },
	"csv":   func(w io.Writer) resultWriter { return &csvResult{cw: csv.NewWriter(w)} },
	"json":  func(w io.Writer) resultWriter { return &jsonResult{w: w} },
}

// runQuery runs one read-only statement and writes its result.
func runQuery(ctx context.Context, w io.Writer, db *sql.DB, query string, format func(io.Writer) resultWriter) error {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("requête refusée : %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	out := format(w)
	if err := out.header(cols); err != nil {
		return err
	}
	n := 0
	err = warehouse.EachRow(rows, func(vals []any) error {
		n++
		return out.row(vals)
	})
	if err != nil {
		return fmt.Errorf("requête interrompue : %w", err)
	}
	return out.end(n)
}

// tableResult is an aligned table for the terminal, with its count of rows.
type tableResult struct {
	w  io.Writer
	tw *tabwriter.Writer
}

func (t *tableResult) header(cols []string) error {
	_, err := fmt.Fprintln(t.tw, strings.Join(cols, "\t"))
	return err
}

func (t *tableResult) row(vals []any) error {
	_, err := fmt.Fprintln(t.tw, strings.Join(warehouse.Cells(vals, cell), "\t"))
	return err
}

func (t *tableResult) end(n int) error {
	if err := t.tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(t.w, "(%d ligne%s)\n", n, plural(n))
	return err
}

// csvResult is RFC 4180 CSV in UTF-8: NULL is an empty field, text is kept whole.
type csvResult struct{ cw *csv.Writer }

func (c *csvResult) header(cols []string) error { return c.cw.Write(cols) }

func (c *csvResult) row(vals []any) error { return c.cw.Write(warehouse.Cells(vals, csvCell)) }

// csvCell writes a value of a CSV row: NULL is an empty field.
func csvCell(v any) string {
	if v == nil {
		return ""
	}
	return text(v)
}

func (c *csvResult) end(int) error {
	c.cw.Flush()
	return c.cw.Error()
}

// jsonResult is one JSON array of objects, a member per column: numbers and booleans as JSON
// has them, NULL as null, dates and times as ISO text.
type jsonResult struct {
	w    io.Writer
	cols []string
	n    int
}

func (j *jsonResult) header(cols []string) error {
	j.cols = cols
	_, err := io.WriteString(j.w, "[")
	return err
}

func (j *jsonResult) row(vals []any) error {
	var b strings.Builder
	if j.n > 0 {
		b.WriteString(",")
	}
	b.WriteString("\n  {")
	for i, v := range vals {
		name, _ := json.Marshal(j.cols[i])
		value, err := json.Marshal(jsonValue(v))
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.Write(name)
		b.WriteString(": ")
		b.Write(value)
	}
	b.WriteString("}")
	j.n++
	_, err := io.WriteString(j.w, b.String())
	return err
}

func (j *jsonResult) end(n int) error {
	end := "]\n"
	if n > 0 {
		end = "\n]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// jsonValue is a value as JSON writes it: text for dates, times and bytes, as is otherwise.
func jsonValue(v any) any {
	switch v.(type) {
	case time.Time, []byte:
		return text(v)
	}
	return v
}

// text writes a value whole: dates and times ISO, bytes in hexadecimal.
func text(v any) string {
	switch x := v.(type) {
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339Nano)
	case []byte:
		return hex.EncodeToString(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// cell writes a value for the terminal: NULL stays visible, dates are ISO, text keeps one line.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.DateTime)
	case string:
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(x)
	}
	return text(v)
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
