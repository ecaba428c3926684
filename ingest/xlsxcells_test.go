package ingest

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// TestStyleStreamAsExcelize: the styles read beside the row reader type the cells as excelize's
// GetCellStyle does: a cell's own style, else its row's, else its column's, across empty rows
// and cells.
func TestStyleStreamAsExcelize(t *testing.T) {
	f := excelize.NewFile()
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	hours := "[h]:mm"
	duration, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &hours})
	rows := [][]any{
		{"code", "date", "heures", "places"},
		{"A", 45730, 0.3125, 12},
		nil,
		{"B", 45731.5, 52.8125, 3.5},
		{"C", "", 1.5, 7},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if r != nil {
			_ = f.SetSheetRow("Sheet1", cell, &r)
		}
	}
	_ = f.SetColStyle("Sheet1", "B", date)             // a column's style
	_ = f.SetCellStyle("Sheet1", "C2", "C5", duration) // cells' own styles
	_ = f.SetRowStyle("Sheet1", 5, 5, date)            // a row's style, D5 as well
	_ = f.SetCellValue("Sheet1", "F7", 45000)          // a cell far from the others
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	read := func(stream bool) [][]string {
		wb, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		types := newCellTypes(wb, "Sheet1")
		if types.stream == nil {
			t.Fatal("the sheet's XML is not found")
		}
		if !stream {
			types.stream = nil
		}
		rs, err := wb.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		var out [][]string
		for n := 1; rs.Next(); n++ {
			cells, _ := rs.Columns(excelize.Options{RawCellValue: true})
			out = append(out, types.typed(n, cells))
		}
		return out
	}
	got, want := read(true), read(false)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stream (-GetCellStyle +stream):\n%s", diff)
	}
	if got[1][1] != "2025-03-14" || got[1][2] != "7:30" || got[3][2] != "1267:30" {
		t.Errorf("typed cells: %q", got)
	}
}
