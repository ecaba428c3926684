package ingest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"

	"enfance/internal/exports"
)

// Files whose names differ only by an export stamp (eaje_presences_MA-LOUPS_20250131.csv,
// …_20250228.csv) are corrections of one another only when they cover the same period: monthly
// exports named by their export date are twelve months, not twelve versions of one.

// coveredPeriod is the period a file covers, for corrections: the one its name announces (the
// same for the whole group, since names differ only by stamps), else the months of its rows.
// It is empty when neither says: the newest of such files replaces the others.
// A list that stands as it was on a date (the register of the AM, « arrêté au 31 décembre »)
// covers the year of the date in its name: am_registre_20241231 and am_registre_20251231 are two
// years' registers, not two versions of one.
func coveredPeriod(s *source, custom map[string]string) string {
	if _, ok := periodFromName(baseName(s.path)); ok {
		return ""
	}
	if t, ok := nameStamp(s); ok && s.kind.Snapshot {
		return t.Format("2006")
	}
	return dataPeriod(s, custom)
}

// dataPeriod reads the months a file's rows cover in its kind's period column (a date or a
// year), from the first to the last; "" when the kind has no such column or no row a readable
// value. Only files whose names carry no period are decoded for it, and their grid is kept for
// parsing.
func dataPeriod(s *source, custom map[string]string) string {
	at := slices.IndexFunc(s.kind.Columns, func(c exports.Column) bool { return c.Name == s.kind.Period })
	if at < 0 || !slices.Contains([]exports.Type{exports.Date, exports.Month, exports.Year}, s.kind.Columns[at].Type) {
		return ""
	}
	if s.grid == nil {
		g, err := decode(s, custom)
		if err != nil {
			return ""
		}
		s.grid = g // kept for parsing: the file is not read a third time
	}
	g := s.grid
	cols, _, err := matchHeader(s.kind, g.header, custom)
	if err != nil || cols.at[at] < 0 {
		return ""
	}
	first, last := 0, 0
	for _, rec := range g.records {
		from, to, ok := months(cols.field(rec.fields, at), s.kind.Columns[at].Type, g.xlsx)
		if !ok {
			continue
		}
		if first == 0 || from < first {
			first = from
		}
		last = max(last, to)
	}
	if first == 0 {
		return ""
	}
	return monthText(first) + ".." + monthText(last)
}

// months reads a date, or a year, as the first and last months it covers, counted from year 0,
// as the converter reads the column (a full date for a year, a month without its day).
func months(raw string, t exports.Type, xlsx bool) (first, last int, ok bool) {
	c := &converter{xlsx: xlsx}
	if t == exports.Year {
		y, err := c.parseYear(raw)
		return y * 12, y*12 + 11, err == nil && y > 0
	}
	parse := c.parseDate
	if t == exports.Month {
		parse = c.parseMonth
	}
	d, err := parse(raw)
	m := d.Year()*12 + int(d.Month()) - 1
	return m, m, err == nil
}

func monthText(m int) string { return fmt.Sprintf("%04d-%02d", m/12, m%12+1) }

// PeriodOfName is the period a file's name announces, read as the load reads it (the first year
// or month token; a full date is an export stamp): « 2025-03 », « 2025 », or "" without one.
func PeriodOfName(name string) string {
	p, ok := periodFromName(filepath.Base(name))
	switch {
	case !ok:
		return ""
	case p.month == 0:
		return strconv.Itoa(p.year)
	}
	return fmt.Sprintf("%d-%02d", p.year, int(p.month))
}
