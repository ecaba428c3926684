package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// record is one row of a file, with the line (CSV) or row number (XLSX) it came from.
type record struct {
	line   int
	fields []string
	err    error // the row could not be split into fields
}

// grid is a file decoded into a header and records, before any column is understood.
type grid struct {
	sheet      string // XLSX sheet, empty for CSV
	header     []string
	headerLine int
	records    []record
	encoding   string // utf-8, utf-8-bom, windows-1252, xlsx
	warnings   []string
	xlsx       bool
}

// Limits on what a file may be, so that a hostile file cannot take the machine's memory.
const (
	maxFileBytes = 512 << 20 // a year of presences of a large EAJE is a few MB
	maxXLSXBytes = 256 << 20 // uncompressed, against zip bombs
)

// decodeCSV splits a CSV file, whatever its encoding, separator and line ends.
func decodeCSV(data []byte) (*grid, error) {
	g := &grid{encoding: "utf-8"}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, errors.New("c'est une archive (zip ou classeur Excel), pas un fichier CSV")
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return nil, errors.New("encodage UTF-16 non pris en charge : enregistrez le fichier en CSV UTF-8 ou Windows (point-virgule)")
	case bytes.IndexByte(data, 0) >= 0:
		return nil, errors.New("fichier binaire (octets nuls) : ce n'est pas un export CSV")
	case bytes.HasPrefix(data, []byte("\ufeff")) && utf8.Valid(data[3:]):
		data, g.encoding = data[3:], "utf-8-bom"
	case !utf8.Valid(data): // a BOM before bytes that are not UTF-8 is dropped with them
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(bytes.TrimPrefix(data, []byte("\ufeff")))
		if err != nil {
			return nil, fmt.Errorf("encodage illisible : %w", err)
		}
		data, g.encoding = decoded, "windows-1252"
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("fichier vide")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("en-tête illisible : %s", csvReason(err))
	}
	g.header, g.headerLine = header, 1
	for {
		fields, err := r.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			g.records = append(g.records, record{line: perr.StartLine, err: bad("ligne illisible (caractère %d) : %s", perr.Column, csvReason(perr.Err))})
			continue
		} else if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0) // a record read without error has at least one field
		g.records = append(g.records, record{line: line, fields: fields})
	}
	g.dropBlankAndTotal()
	return g, nil
}

// separator guesses the field separator from the first line: the most frequent of ; , and tab
// outside quotes.
func separator(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(first) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ';' || c == ',' || c == '\t'):
			counts[c]++
		}
	}
	best := ';'
	for _, c := range []rune{',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// dropBlankAndTotal skips rows of empty cells and a last row of totals, each with a warning:
// neither is a row of data.
func (g *grid) dropBlankAndTotal() {
	kept := g.records[:0]
	for _, r := range g.records {
		if r.err == nil && strings.TrimSpace(strings.Join(r.fields, "")) == "" {
			g.warnings = append(g.warnings, fmt.Sprintf("ligne %d vide ignorée", r.line))
			continue
		}
		kept = append(kept, r)
	}
	g.records = kept
	if n := len(g.records); n > 0 && g.records[n-1].err == nil && isTotal(g.records[n-1].fields) {
		g.warnings = append(g.warnings, fmt.Sprintf("ligne %d de total ignorée", g.records[n-1].line))
		g.records = g.records[:n-1]
	}
}

func isTotal(fields []string) bool {
	for _, f := range fields {
		if t := fold(f); t != "" {
			return strings.HasPrefix(t, "total")
		}
	}
	return false
}

// decodeXLSX reads the first sheet of a workbook whose header row, under any title block, names
// columns of the kind. Cells are read raw, so that dates come as Excel serial numbers.
func decodeXLSX(data []byte, isHeader func([]string) bool) (*grid, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxXLSXBytes, UnzipXMLSizeLimit: maxXLSXBytes})
	if err != nil {
		return nil, errors.New("classeur illisible : ce n'est pas un classeur .xlsx valide (fichier abîmé ou tronqué, protégé par un mot de passe, ou trop gros une fois décompressé)")
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		g, err := readSheet(f, sheet, isHeader)
		if err != nil {
			return nil, err
		}
		if g != nil {
			return g, nil
		}
	}
	return nil, errors.New("aucune feuille du classeur n'a de ligne d'en-tête reconnue (les 30 premières lignes ont été lues)")
}

func readSheet(f *excelize.File, sheet string, isHeader func([]string) bool) (*grid, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", clip(visible(sheet), 40), err)
	}
	defer rows.Close()
	g := &grid{sheet: sheet, encoding: "xlsx", xlsx: true}
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("feuille « %s », ligne %d illisible : %v", clip(visible(sheet), 40), n, err)
		}
		switch {
		case g.header != nil:
			g.records = append(g.records, record{line: n, fields: cells})
		case n > 30:
			return nil, nil
		case isHeader(cells):
			g.header, g.headerLine = cells, n
		}
	}
	if g.header == nil {
		return nil, nil
	}
	g.dropBlankAndTotal()
	return g, rows.Error()
}
