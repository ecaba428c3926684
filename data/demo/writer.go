package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"enfance/internal/exports"
)

// format is how a piece of software writes its CSV exports.
type format struct {
	Name         string // as the manifest names it
	Windows1252  bool   // else UTF-8
	BOM          bool   // UTF-8 byte order mark, as Excel's « CSV UTF-8 » writes
	Sep          byte
	DecimalComma bool
	DateLayout   string
	CRLF         bool
	Labels       bool // headers as French labels (« Heures réalisées ») rather than registry names
}

var (
	// frenchExcel is a French Excel « CSV (séparateur : point-virgule) »: Windows-1252, CRLF.
	frenchExcel = format{Name: "csv-windows-1252", Windows1252: true, Sep: ';', DecimalComma: true,
		DateLayout: "02/01/2006", CRLF: true, Labels: true}
	// managementSoftware is a childcare management program's export: Windows-1252, LF, names.
	managementSoftware = format{Name: "csv-windows-1252", Windows1252: true, Sep: ';', DecimalComma: true,
		DateLayout: "02/01/2006", CRLF: false}
	// webExport is an online tool's export: UTF-8 with a BOM, commas, ISO dates.
	webExport = format{Name: "csv-utf-8-bom", BOM: true, Sep: ',', DateLayout: "2006-01-02", Labels: true}
	// plainUTF8 is a spreadsheet saved as plain UTF-8 with semicolons and short years.
	plainUTF8 = format{Name: "csv-utf-8", Sep: ';', DecimalComma: true, DateLayout: "02/01/06", CRLF: true}
)

// table is the rows of one file, with typed values: string, int, float64, day, bool or nil.
type table struct {
	kind exports.Kind
	rows [][]any
}

func newTable(kind string) *table {
	k, ok := exports.Lookup(kind)
	if !ok {
		panic("demo: unknown kind " + kind) // kinds are named in this package's code
	}
	return &table{kind: k}
}

func (t *table) add(values ...any) {
	if len(values) != len(t.kind.Columns) {
		panic(fmt.Sprintf("demo: %s row has %d values for %d columns", t.kind.Name, len(values), len(t.kind.Columns)))
	}
	t.rows = append(t.rows, values)
}

// files collects what a run writes, for the manifest.
type files struct {
	dir     string
	entries []FileEntry
}

// FileEntry is one written file, as the manifest lists it.
type FileEntry struct {
	Path   string `json:"fichier"`
	Kind   string `json:"type_export"`
	Rows   int    `json:"lignes"`
	Format string `json:"format"`
	SHA256 string `json:"empreinte_sha256"`
}

// csv writes t as a CSV file at rel in format f.
func (fs *files) csv(rel string, t *table, f format) error {
	var b strings.Builder
	eol := "\n"
	if f.CRLF {
		eol = "\r\n"
	}
	header := make([]string, len(t.kind.Columns))
	for i, c := range t.kind.Columns {
		header[i] = c.Name
		if f.Labels {
			header[i] = label(c.Name)
		}
	}
	writeRecord(&b, header, f.Sep, eol)
	fields := make([]string, len(t.kind.Columns))
	for _, row := range t.rows {
		for i, v := range row {
			fields[i] = f.value(v)
		}
		writeRecord(&b, fields, f.Sep, eol)
	}
	text := b.String()
	var data []byte
	switch {
	case f.Windows1252:
		enc, err := charmap.Windows1252.NewEncoder().String(text)
		if err != nil {
			return fmt.Errorf("démonstration : %s : %w", rel, err)
		}
		data = []byte(enc)
	case f.BOM:
		data = append([]byte("\ufeff"), text...)
	default:
		data = []byte(text)
	}
	return fs.write(rel, t.kind.Name, len(t.rows), f.Name, data)
}

func writeRecord(b *strings.Builder, fields []string, sep byte, eol string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(sep)
		}
		if strings.ContainsAny(f, string(sep)+"\"\r\n") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		b.WriteString(f)
	}
	b.WriteString(eol)
}

// value writes one typed value the way the format does.
func (f format) value(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case raw:
		return string(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if f.DecimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case day:
		return x.Format(f.DateLayout)
	case bool:
		if x {
			return "oui"
		}
		return "non"
	}
	panic(fmt.Sprintf("demo: value %v of type %T", v, v))
}

// write saves data at rel and lists it.
func (fs *files) write(rel, kind string, rows int, format string, data []byte) error {
	path := filepath.Join(fs.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("démonstration : %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("démonstration : %w", err)
	}
	sum := sha256.Sum256(data)
	fs.entries = append(fs.entries, FileEntry{Path: rel, Kind: kind, Rows: rows, Format: format, SHA256: hex.EncodeToString(sum[:])})
	return nil
}

// sorted returns the entries by path.
func (fs *files) sorted() []FileEntry {
	sort.Slice(fs.entries, func(i, j int) bool { return fs.entries[i].Path < fs.entries[j].Path })
	return fs.entries
}

// label is the French header a person would type for a registry column name.
func label(name string) string {
	words := strings.Split(name, "_")
	for i, w := range words {
		if fixed, ok := accents[w]; ok {
			words[i] = fixed
		}
	}
	s := strings.Join(words, " ")
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

var accents = map[string]string{
	"contractualisees": "contractualisées", "realisees": "réalisées", "facturees": "facturées",
	"regime": "régime", "residence": "résidence", "deductible": "déductible", "periode": "période",
	"capacite": "capacité", "intitule": "intitulé", "sejour": "séjour", "agreees": "agréées",
	"agrement": "agrément", "modalite": "modalité", "theme": "thème", "annee": "année",
	"etp": "ETP", "insee": "INSEE", "am": "AM", "mam": "MAM", "declaration": "déclaration",
	"debut": "début", "anciennete": "ancienneté", "age": "âge", "reponse": "réponse",
	"etat": "état", "prenom": "prénom",
}
