package ingest

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"enfance/internal/exports"
)

// FuzzDecodeCSV fuzzes every decoder through the sniffer (decodeFile): CSV in any encoding,
// workbooks, HTML pages and the formats refused.
func FuzzDecodeCSV(f *testing.F) {
	f.Add([]byte("date;antenne\r\n04/03/2025;ANT\r\n"))
	f.Add([]byte("\ufeffa,b\n\"x,y\",2\n"))
	f.Add([]byte("a;b\n\"unterminated;1\n"))
	f.Add([]byte("Total;;\n"))
	f.Add([]byte{0xe9, ';', 'a', '\n', 0x92})
	f.Add([]byte("\ufeffa;b\n\xbc;1\n")) // a BOM before Windows-1252 bytes
	f.Add([]byte("sep=;\r\nExport des pr\xe9sences;;\r\n\r\ndate;antenne;public\r\n04/03/2025;ANT;parent\r\n"))
	f.Add([]byte("\"sep=,\"\ndate,antenne,public\n"))
	f.Add(utf16Bytes(f, contactsTSV, unicode.LittleEndian, unicode.UseBOM))
	f.Add(utf16Bytes(f, contactsTSV, unicode.BigEndian, unicode.IgnoreBOM))
	f.Add([]byte(htmlXLS))
	f.Add([]byte("<table><tr><td>date<td>antenne<td>public<tr><td>x</table>"))
	f.Add([]byte("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"))
	f.Add([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0})
	f.Add(zipOf(f, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"))
	f.Add(zipOf(f, "a.csv", "date;antenne\n"))
	f.Add(workbook(f, []any{"titre"}, []any{"date", "antenne", "public"}, []any{"45658", "ANT", "parent"}))
	isHeader := anyKindHeader(nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := decodeFile(data, isHeader)
		if (g == nil) == (err == nil) {
			t.Fatalf("decodeFile gave %v and %v: want exactly one", g, err)
		}
		if g == nil {
			return
		}
		last := g.headerLine
		for _, r := range g.records {
			if r.line <= last {
				t.Fatalf("record line %d after line %d", r.line, last)
			}
			last = r.line
			for _, f := range r.fields {
				if !utf8.ValidString(f) {
					t.Fatalf("field %q is not UTF-8", f)
				}
			}
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12,5", "1 234,56", "1.234,5", "-3", "7.25", "\u202f1\u202f465", "1e9", "NaN", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseNumber(s)
		if err == nil && (v != v || v > 1e308 || v < -1e308) {
			t.Fatalf("parseNumber(%q) = %v", s, v)
		}
		if err != nil && !strings.Contains(err.Error(), "n'est pas un nombre") {
			t.Fatalf("parseNumber(%q): unexpected error %v", s, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31/12/2025", "01/02/25", "2025-03-04", "2025-03-04T10:00", "31/02/2025", "", "00/00/0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s)
		if err == nil && (d.Year() < 1900 || d.Year() > 2100 || d.Location() != time.UTC) {
			t.Fatalf("parseDate(%q) = %v", s, d)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Heures réalisées", "Date d'ouverture", "ŒUVRE", "  ", "é_é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := fold(s)
		if fold(got) != got {
			t.Fatalf("fold is not idempotent on %q: %q then %q", s, got, fold(got))
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
				t.Fatalf("fold(%q) = %q holds %q", s, got, r)
			}
		}
	})
}

func TestValues(t *testing.T) {
	tests := []struct {
		got  any
		want any
	}{
		{must(parseNumber("1\u202f234,5")), 1234.5},
		{must(parseNumber("1.234,5")), 1234.5},
		{must(parseNumber("7.25")), 7.25},
		{must(parseDate("08/01/21")).Format(time.DateOnly), "2021-01-08"},
		{must(parseDate("2025-03-04 08:00:00")).Format(time.DateOnly), "2025-03-04"},
		{must(parseExcelDate("45658")).Format(time.DateOnly), "2025-01-01"},
		{must(parseTime("7h30")), 7*time.Hour + 30*time.Minute},
		{must(parseTime("18h")), 18 * time.Hour},
		{must(parseDate("lundi 2 juin 2025")).Format(time.DateOnly), "2025-06-02"},
		{must(parseDate("1er juin 2025")).Format(time.DateOnly), "2025-06-01"},
		{must(parseDate("02-juin-25")).Format(time.DateOnly), "2025-06-02"},
		{must(parseDate("Mar. 3 févr. 2026")).Format(time.DateOnly), "2026-02-03"},
		{must(parseBool("Oui")), true},
		{fold("Commune de résidence"), "commune_de_residence"},
		{fold("  Heures  réalisées (h) "), "heures_realisees_h"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %v, want %v", i, tt.got, tt.want)
		}
	}
	for _, s := range []string{"inf", "1e5", "12,5,3", "abc"} {
		if _, err := parseNumber(s); err == nil {
			t.Errorf("parseNumber(%q) succeeded", s)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func FuzzMatchHeader(f *testing.F) {
	f.Add("Code structure;Date;Enfant;Date de naissance;Commune résidence;Heures réalisées;Heures facturées")
	f.Add("date;Date;antenne")
	f.Add(";;;")
	f.Fuzz(func(t *testing.T, line string) {
		header := strings.Split(line, ";")
		for _, k := range exports.Kinds {
			cols, unknown, err := matchHeader(k, header, map[string]string{"x": "date"})
			if (err == nil) == (cols.at == nil) {
				t.Fatalf("%s: columns %v and error %v", k.Name, cols, err)
			}
			for i, c := range cols.at {
				if c >= len(header) || cols.given[i] >= len(header) || (cols.given[i] >= 0 && c < 0) {
					t.Fatalf("%s: column mapped to fields %d and %d of %d", k.Name, c, cols.given[i], len(header))
				}
			}
			_ = unknown
		}
		kindFromHeader(header, nil)
	})
}
