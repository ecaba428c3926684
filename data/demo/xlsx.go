package demo

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxTime is the fixed creation date written in the workbooks' properties, so that the same
// seed gives the same bytes.
var xlsxTime = time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)

// xlsx writes t as a workbook at rel: a title block, a blank line, then the header row, as a
// register kept by hand in Excel looks. Dates are Excel dates, not text.
func (fs *files) xlsx(rel string, t *table, sheet string, title []string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Created: xlsxTime, Modified: xlsxTime, Creator: "enfance demo",
		Title: title[0], Description: "Données de démonstration"}); err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	row := 1
	set := func(values []any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, values)
	}
	for _, line := range title {
		if err := set([]any{line}); err != nil {
			return fmt.Errorf("démonstration : %s : %w", rel, err)
		}
	}
	row++ // a blank line under the title
	header := make([]any, len(t.kind.Columns))
	for i, c := range t.kind.Columns {
		header[i] = label(c.Name)
	}
	if err := set(header); err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	for _, r := range t.rows {
		cells := make([]any, len(r))
		for i, v := range r {
			switch x := v.(type) {
			case day:
				cells[i] = excelize.Cell{StyleID: dateStyle, Value: x}
			case nil:
				cells[i] = nil
			default:
				cells[i] = x
			}
		}
		if err := set(cells); err != nil {
			return fmt.Errorf("démonstration : %s : %w", rel, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return fmt.Errorf("démonstration : %s : %w", rel, err)
	}
	return fs.write(rel, t.kind.Name, len(t.rows), "xlsx", b.Bytes())
}
