package ingest

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxHTMLToken bounds one token of a page (a cell's text, a style block, an inline image), so
// that a hostile page cannot make the tokenizer buffer the whole file.
const maxHTMLToken = 8 << 20

// decodeHTML reads an HTML page saved as « .xls »: the first table with a header among its first
// 30 rows. Cells are the text of td and th, spaces collapsed; markup, scripts and styles are
// dropped. A record's line is its row in the table, from 1; colspan is ignored.
func decodeHTML(data []byte, isHeader func([]string) bool) (*grid, error) {
	text, _, err := textOf(data)
	if err != nil {
		return nil, err
	}
	tables, err := htmlTables(text)
	if err != nil {
		return nil, err
	}
	if len(tables) == 0 {
		return nil, errors.New("page HTML sans tableau : réexportez le fichier en CSV ou en .xlsx depuis le logiciel")
	}
	for _, t := range tables {
		if g := tableGrid(t.rows, isHeader); g != nil {
			return g, nil
		}
	}
	return nil, errors.New("aucun tableau de la page HTML n'a de ligne d'en-tête reconnue (les 30 premières lignes ont été lues) : vérifiez les noms de colonnes (voir docs/exports.md)")
}

// tableGrid makes a grid of a table whose header is among its first 30 rows, else nil. Rows
// shorter than the header get empty cells: an HTML row has no separator to count.
func tableGrid(rows [][]string, isHeader func([]string) bool) *grid {
	for i, row := range rows[:min(len(rows), maxTitleLines)] {
		if isHeader == nil || isHeader(row) {
			g := &grid{header: row, headerLine: i + 1, encoding: "html"}
			for j, r := range rows[i+1:] {
				for len(r) < len(row) {
					r = append(r, "")
				}
				g.records = append(g.records, record{line: i + j + 2, fields: r})
			}
			g.dropBlankAndTotal()
			return g
		}
	}
	return nil
}

// htmlTable is one table of a page while it is read.
type htmlTable struct {
	rows  [][]string
	row   []string
	inRow bool
	cell  *strings.Builder // nil outside a cell
}

func (t *htmlTable) endCell() {
	if t.cell != nil {
		t.row = append(t.row, strings.Join(strings.Fields(t.cell.String()), " "))
		t.cell = nil
	}
}

func (t *htmlTable) endRow() {
	t.endCell()
	if t.inRow {
		t.rows = append(t.rows, t.row)
	}
	t.row, t.inRow = nil, false
}

// hidden are the elements whose content is not text of the page.
var hidden = map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true,
	"noembed": true, "noframes": true, "template": true, "xmp": true}

// breaks are the elements that separate words inside a cell.
var breaks = map[string]bool{"br": true, "p": true, "div": true, "li": true, "tr": true, "td": true, "th": true}

// htmlTables reads every table of a page, in the order they open, with a tokenizer: no tree is
// built, and tags a tool forgot to close (td, tr) are closed by the next one.
func htmlTables(text []byte) ([]*htmlTable, error) {
	z := html.NewTokenizer(bytes.NewReader(text))
	z.SetMaxBuf(maxHTMLToken)
	var tables, open []*htmlTable // open: innermost last
	skip := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				for _, t := range open {
					t.endRow()
				}
				return tables, nil
			}
			return nil, errors.New("page HTML illisible : réexportez le fichier en CSV ou en .xlsx depuis le logiciel")
		}
		name, _ := z.TagName()
		tag := string(name)
		if tt == html.SelfClosingTagToken { // <td/> opens a cell, as browsers read it
			if hidden[tag] {
				continue
			}
			tt = html.StartTagToken
		}
		var t *htmlTable
		if len(open) > 0 {
			t = open[len(open)-1]
		}
		switch {
		case tt == html.StartTagToken && hidden[tag]:
			skip++
		case tt == html.EndTagToken && hidden[tag]:
			skip = max(skip-1, 0)
		case skip > 0:
		case tt == html.StartTagToken && tag == "table":
			t = &htmlTable{}
			tables, open = append(tables, t), append(open, t)
		case t == nil:
		case tt == html.EndTagToken && tag == "table":
			t.endRow()
			open = open[:len(open)-1]
		case tt == html.TextToken:
			if t.cell != nil {
				t.cell.Write(z.Text())
			}
		default:
			t.tag(tt, tag)
		}
	}
}

// tag moves a table's row and cell on a tag inside it.
func (t *htmlTable) tag(tt html.TokenType, tag string) {
	if t.cell != nil && breaks[tag] {
		t.cell.WriteByte(' ')
	}
	switch {
	case tt == html.StartTagToken && tag == "tr":
		t.endRow()
		t.inRow = true
	case tt == html.StartTagToken && (tag == "td" || tag == "th"):
		t.endCell()
		t.inRow = true
		t.cell = &strings.Builder{}
	case tt == html.EndTagToken && (tag == "td" || tag == "th"):
		t.endCell()
	case tt == html.EndTagToken && tag == "tr":
		t.endRow()
	}
}
