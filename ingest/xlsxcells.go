package ingest

import (
	"fmt"
	"math"
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
}

func newCellTypes(f *excelize.File, sheet string) *cellTypes {
	return &cellTypes{f: f, sheet: sheet, styles: map[int]cellFormat{}}
}

// typed rewrites the date, time and duration cells of a row, in place.
func (c *cellTypes) typed(row int, cells []string) []string {
	for i, v := range cells {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || math.IsInf(n, 0) {
			continue
		}
		axis, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			continue
		}
		id, err := c.f.GetCellStyle(c.sheet, axis)
		if err != nil {
			continue
		}
		if text, ok := c.format(id).text(n); ok {
			cells[i] = text
		}
	}
	return cells
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
