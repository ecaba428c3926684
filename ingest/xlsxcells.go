package ingest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellFormat is what a number of a workbook stands for, by its cell's number format.
type cellFormat int

const (
	plainCell    cellFormat = iota
	dateCell                // a day: dd/mm/yyyy and the like
	timeCell                // a time of day or a duration: h:mm, [h]:mm, mm:ss
	dateTimeCell            // a day and a time
)

// cellTypes writes the numbers of date, time and duration cells as the text a CSV would hold:
// « 2025-03-03 », « 8:15 » (a duration keeps its hours past 24: « 1266:30 »), « 2025-03-03 08:15 ».
// Read raw, an Excel duration is a fraction of a day: 1 266,5 h would load as 52,8.
type cellTypes struct {
	f      *excelize.File
	sheet  string
	styles map[int]cellFormat
	// stream reads the cells' style ids beside excelize's row reader; nil when the sheet's XML
	// could not be found, and each cell's style is asked of excelize (GetCellStyle), which first
	// builds the whole worksheet in memory: three times the time of the read, and a gigabyte
	// more per 100 000 rows.
	stream *styleStream
}

func newCellTypes(f *excelize.File, sheet string) *cellTypes {
	return &cellTypes{f: f, sheet: sheet, styles: map[int]cellFormat{}, stream: newStyleStream(f, sheet)}
}

// typed rewrites the date, time and duration cells of a row, in place.
func (c *cellTypes) typed(row int, cells []string) []string {
	var ids []int
	if c.stream != nil {
		ids = c.stream.row(row)
	}
	for i, v := range cells {
		if c.stream != nil && (i >= len(ids) || ids[i] == 0) { // no style: a plain number or a text
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || math.IsInf(n, 0) {
			continue
		}
		id, ok := 0, true
		if c.stream != nil {
			id = ids[i]
		} else {
			id, ok = c.cellStyle(i+1, row)
		}
		if !ok {
			continue
		}
		if text, ok := c.format(id).text(n); ok {
			cells[i] = text
		}
	}
	return cells
}

// cellStyle asks excelize the style id of a cell.
func (c *cellTypes) cellStyle(col, row int) (int, bool) {
	axis, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return 0, false
	}
	id, err := c.f.GetCellStyle(c.sheet, axis)
	return id, err == nil
}

// styleStream reads the style ids (attribute s) of a sheet's cells from its XML, row after row,
// as excelize's row reader moves on: nothing of the sheet is kept but the current row.
type styleStream struct {
	dec  *xml.Decoder
	at   int   // the row ids holds, from 1
	ids  []int // style id of each column of that row, from 0; 0 is the default style
	done bool
	// cols are the columns' styles (<cols>, before the rows), which a cell without its own
	// style takes after its row's, as excelize's GetCellStyle gives them.
	cols []colStyle
}

type colStyle struct{ min, max, id int }

// newStyleStream finds the sheet's XML in the workbook (xl/_rels/workbook.xml.rels), nil when
// it is not where a workbook keeps it.
func newStyleStream(f *excelize.File, sheet string) *styleStream {
	if f.WorkBook == nil {
		return nil
	}
	rels, ok := pkgBytes(f, "xl/_rels/workbook.xml.rels")
	if !ok {
		return nil
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(rels, &r) != nil {
		return nil
	}
	for _, s := range f.WorkBook.Sheets.Sheet {
		if !strings.EqualFold(s.Name, sheet) {
			continue
		}
		for _, rel := range r.Rels {
			if rel.ID != s.ID {
				continue
			}
			target := path.Join("xl", rel.Target)
			if strings.HasPrefix(rel.Target, "/") {
				target = strings.TrimPrefix(path.Clean(rel.Target), "/")
			}
			if b, ok := pkgBytes(f, target); ok {
				return &styleStream{dec: xml.NewDecoder(bytes.NewReader(b))}
			}
		}
	}
	return nil
}

func pkgBytes(f *excelize.File, name string) ([]byte, bool) {
	v, _ := f.Pkg.Load(name)
	b, ok := v.([]byte)
	return b, ok && len(b) > 0
}

// row is the style ids of row n's cells; rows are asked in increasing order.
func (s *styleStream) row(n int) []int {
	for !s.done && s.at < n {
		s.next()
	}
	if s.at == n {
		return s.ids
	}
	return nil
}

// next reads the next row of the sheet, numbered as excelize numbers it (its r, else the one
// after the last).
func (s *styleStream) next() {
	s.ids = s.ids[:0]
	col, rowStyle, inRow := 0, 0, false
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			s.done = true
			if !inRow {
				s.ids = nil
			}
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "col":
				c := colStyle{min: number(t, "min"), max: number(t, "max"), id: number(t, "style")}
				if c.id > 0 && len(s.cols) < 1024 {
					s.cols = append(s.cols, c)
				}
			case "row":
				inRow, col, rowStyle = true, 0, number(t, "s")
				if r := number(t, "r"); r > 0 {
					s.at = r
				} else {
					s.at++
				}
			case "c":
				col++
				if c, _, err := excelize.CellNameToCoordinates(attr(t, "r")); err == nil {
					col = c
				}
				if id := s.styleOf(col, number(t, "s"), rowStyle); id > 0 {
					for len(s.ids) < col {
						s.ids = append(s.ids, 0)
					}
					s.ids[col-1] = id
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" && inRow {
				return
			}
		}
	}
}

// styleOf is a cell's style: its own, else its row's, else its column's.
func (s *styleStream) styleOf(col, own, row int) int {
	if own > 0 {
		return own
	}
	if row > 0 {
		return row
	}
	for _, c := range s.cols {
		if c.min <= col && col <= c.max {
			return c.id
		}
	}
	return 0
}

// number is an attribute's whole number, 0 when it has none.
func number(t xml.StartElement, name string) int {
	n, _ := strconv.Atoi(attr(t, name))
	return n
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// format is the kind of number a style holds, found once per style.
func (c *cellTypes) format(id int) cellFormat {
	if f, ok := c.styles[id]; ok {
		return f
	}
	f := plainCell
	if style, err := c.f.GetStyle(id); err == nil && style != nil {
		if style.CustomNumFmt != nil {
			f = formatOfCode(*style.CustomNumFmt)
		} else {
			f = builtInFormats[style.NumFmt]
		}
	}
	c.styles[id] = f
	return f
}

// builtInFormats are Excel's own number formats of dates and times (ECMA-376, 18.8.30).
var builtInFormats = map[int]cellFormat{
	14: dateCell, 15: dateCell, 16: dateCell, 17: dateCell, 18: timeCell, 19: timeCell, 20: timeCell,
	21: timeCell, 22: dateTimeCell, 45: timeCell, 46: timeCell, 47: timeCell,
}

// quotedOrBracketed are the parts of a format code that are not date or time tokens: quoted
// text, escaped characters, colours and locales (the elapsed [h], [m] and [s] are kept).
var quotedOrBracketed = regexp.MustCompile(`"[^"]*"|\\.|\[(?:[^hms\]][^\]]*)\]`)

// formatOfCode reads a custom number format code: days or years make a date, hours or seconds
// a time (m alone may be a month or a minute).
func formatOfCode(code string) cellFormat {
	section, _, _ := strings.Cut(code, ";")
	s := strings.ToLower(quotedOrBracketed.ReplaceAllString(section, ""))
	date := strings.ContainsAny(s, "yd")
	clock := strings.ContainsAny(s, "hs")
	switch {
	case date && clock:
		return dateTimeCell
	case date:
		return dateCell
	case clock:
		return timeCell
	}
	return plainCell
}

// text is a number of the format written as a CSV would hold it.
func (f cellFormat) text(days float64) (string, bool) {
	day := excelEpoch.AddDate(0, 0, int(math.Floor(days)))
	switch f {
	case dateCell:
		return day.Format("2006-01-02"), days >= 1
	case timeCell:
		return clockText(days), true
	case dateTimeCell:
		return day.Format("2006-01-02") + " " + clockText(days-math.Floor(days)), days >= 1
	}
	return "", false
}

// clockText writes a fraction of a day as hours, minutes and seconds, to the second.
func clockText(days float64) string {
	secs := int64(math.Round(days * 86400))
	h, m, s := secs/3600, secs%3600/60, secs%60
	if s != 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", h, m)
}
