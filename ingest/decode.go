package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// record is one row of a file, with the line (CSV) or row number (XLSX) it came from.
type record struct {
	line   int
	fields []string
	err    error // the row could not be split into fields
}

// grid is a file decoded into a header and records, before any column is understood.
type grid struct {
	sheet      string // XLSX sheet, empty for CSV and HTML
	header     []string
	headerLine int
	records    []record
	encoding   string // utf-8, utf-8-bom, windows-1252, utf-16le, utf-16be, xlsx, html
	warnings   []string
	xlsx       bool
}

// Limits on what a file may be, so that a hostile file cannot take the machine's memory.
const (
	maxFileBytes = 512 << 20 // a year of presences of a large EAJE is a few MB
	maxXLSXBytes = 256 << 20 // uncompressed, against zip bombs
)

// maxTitleLines is how far under the top of a file its header is looked for: software writes a
// title block (name of the export, structure, period) above it.
const maxTitleLines = 30

// decodeCSV splits a CSV file, whatever its encoding, separator and line ends. Its header is the
// first of its first 30 lines for which isHeader is true, else its first line; Excel's « sep=; »
// first line names the separator. Lines keep their numbers in the file.
func decodeCSV(data []byte, isHeader func([]string) bool) (*grid, error) {
	text, encoding, err := textOf(data)
	if err != nil {
		return nil, err
	}
	lines := firstLines(text, maxTitleLines)
	sep, first := sepLine(lines[0])
	if len(bytes.TrimSpace(text[min(lineStart(lines, first), len(text)):])) == 0 {
		return nil, errors.New("fichier vide")
	}
	at := headerAt(lines, first, sep, isHeader)
	if sep == 0 {
		sep = separator(lines[at])
	}
	g := &grid{encoding: encoding}
	if at > first {
		g.warnings = append(g.warnings, fmt.Sprintf("%d ligne(s) de titre au-dessus de l'en-tête ignorée(s)", at-first))
	}
	r := csv.NewReader(bytes.NewReader(text[lineStart(lines, at):]))
	r.Comma = sep
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("en-tête illisible : %s", csvReason(err))
	}
	g.header, g.headerLine = header, at+1
	if err := g.readRecords(r, at); err != nil {
		return nil, err
	}
	g.dropBlankAndTotal()
	return g, nil
}

// readRecords reads the records under the header; skipped is the number of lines of the file
// above the reader's first, so that records keep the file's line numbers.
func (g *grid) readRecords(r *csv.Reader, skipped int) error {
	for {
		fields, err := r.Read()
		if err == io.EOF {
			return nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			g.records = append(g.records, record{line: skipped + perr.StartLine, err: bad("ligne illisible (caractère %d) : %s", perr.Column, csvReason(perr.Err))})
			continue
		} else if err != nil {
			return err
		}
		line, _ := r.FieldPos(0) // a record read without error has at least one field
		g.records = append(g.records, record{line: skipped + line, fields: fields})
	}
}

// firstLines are the first n lines of text, without their ends.
func firstLines(text []byte, n int) [][]byte {
	lines := bytes.SplitN(text, []byte("\n"), n+1)
	return lines[:min(len(lines), n)]
}

// lineStart is the offset in the text of line i of lines (from 0).
func lineStart(lines [][]byte, i int) int {
	n := 0
	for _, l := range lines[:min(i, len(lines))] {
		n += len(l) + 1
	}
	return n
}

// sepLine reads Excel's first line « sep=; » (or « "sep=;" »): the separator it names and 1, the
// lines to skip; else 0 and 0.
func sepLine(line []byte) (rune, int) {
	s := strings.TrimPrefix(strings.TrimSuffix(string(line), "\r"), `"`)
	if len(s) < 5 || !strings.EqualFold(s[:4], "sep=") || !strings.ContainsRune(";,\t|", rune(s[4])) {
		return 0, 0
	}
	if strings.Trim(s[5:], `" `+s[4:5]) != "" {
		return 0, 0
	}
	return rune(s[4]), 1
}

// maxHeaderBytes bounds the lines tried as a header: a header is never that long, and a hostile
// line of many megabytes is not split twice.
const maxHeaderBytes = 64 << 10

// headerAt is the index of the header among lines: the first from first on that isHeader
// accepts, split with sep or the separator it suggests; first when none is.
func headerAt(lines [][]byte, first int, sep rune, isHeader func([]string) bool) int {
	if isHeader == nil {
		return first
	}
	for i := first; i < len(lines); i++ {
		if len(lines[i]) > maxHeaderBytes {
			continue
		}
		comma := sep
		if comma == 0 {
			comma = separator(lines[i])
		}
		if cells := splitLine(lines[i], comma); cells != nil && isHeader(cells) {
			return i
		}
	}
	return first
}

// splitLine splits one line into fields, nil when it is not a line of CSV on its own.
func splitLine(line []byte, sep rune) []string {
	r := csv.NewReader(bytes.NewReader(bytes.TrimSuffix(line, []byte("\r"))))
	r.Comma = sep
	r.FieldsPerRecord = -1
	fields, err := r.Read()
	if err != nil {
		return nil
	}
	return fields
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

// dropBlankAndTotal skips rows of empty cells and a last row of totals, with a warning: neither
// is a row of data.
func (g *grid) dropBlankAndTotal() {
	kept := g.records[:0]
	var blank []int
	for _, r := range g.records {
		if r.err == nil && strings.TrimSpace(strings.Join(r.fields, "")) == "" {
			blank = append(blank, r.line)
			continue
		}
		kept = append(kept, r)
	}
	g.records = kept
	if w := blankWarning(blank); w != "" {
		g.warnings = append(g.warnings, w)
	}
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
	types := newCellTypes(f, sheet)
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("feuille « %s », ligne %d illisible : %v", clip(visible(sheet), 40), n, err)
		}
		switch {
		case g.header != nil:
			g.records = append(g.records, record{line: n, fields: types.typed(n, cells)})
		case n > maxTitleLines:
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

// blankWarning is one warning for the blank lines of a file, however many (a sheet formatted far
// below its data has hundreds): its first lines and its last.
func blankWarning(lines []int) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("ligne %d vide ignorée", lines[0])
	}
	shown := make([]string, 0, 6)
	for _, l := range lines[:min(len(lines), 5)] {
		shown = append(shown, strconv.Itoa(l))
	}
	if len(lines) > 5 {
		shown = append(shown, "… "+strconv.Itoa(lines[len(lines)-1]))
	}
	return fmt.Sprintf("%d lignes vides ignorées (lignes %s)", len(lines), strings.Join(shown, ", "))
}
