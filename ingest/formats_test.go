package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"enfance/internal/exports"
)

// contactsHeader is the header predicate of rpe_contacts, as decode builds it.
func contactsHeader(cells []string) bool {
	k, _ := exports.Lookup("rpe_contacts")
	n, _ := headerScore(k, cells, nil)
	return n >= 2
}

func win1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(t testing.TB, s string, e unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// workbook writes an XLSX whose first sheet holds rows.
func workbook(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipOf writes a zip of the named entries, in order, the first stored as OpenDocument wants it.
func zipOf(t testing.TB, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(entries); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: entries[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const contactsTSV = "date\tantenne\tpublic\r\n04/03/2025\tANT-É\tparent\r\n"

// htmlXLS is a page a tool saved as « .xls »: a first table of titles, then the data, with a
// script and bold inside cells, unclosed td and tr, and non-breaking spaces.
const htmlXLS = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style>td { mso-number-format:"\@"; }</style>
<script>document.write("<table><tr><td>date</td><td>antenne</td></tr></table>")</script>
</head><body>
<table><tr><td>Relais Petite Enfance Dupont</td></tr></table>
<table border=1>
<tr><td colspan=3><b>Contacts de mars&nbsp;2025</b></td></tr>
<tr><th>Date</th><th><b>Antenne</b></th><th>Public</th></tr>
<tr><td>04/03/2025</td><td><b>ANT-É</b><script>alert("Dupont")</script></td><td>parent&nbsp;&nbsp;</td></tr>
<tr><td>05/03/2025<td>ANT-2<br>bis<td><!-- Dupont -->assistant_maternel
</table></body></html>`

func TestDecodeFile(t *testing.T) {
	contacts := []string{"date", "antenne", "public"}
	row := record{line: 2, fields: []string{"04/03/2025", "ANT-É", "parent"}}
	at := func(line int, r record) record { r.line = line; return r }
	tests := []struct {
		name     string
		data     []byte
		header   []string
		line     int // of the header
		records  []record
		encoding string
		warnings []string
	}{
		{"sep= line", []byte("sep=;\r\ndate;antenne;public\r\n04/03/2025;ANT-É;parent\r\n"),
			contacts, 2, []record{at(3, row)}, "utf-8", nil},
		{"quoted sep= line names a comma", []byte("\"sep=,\"\ndate,antenne,public\n04/03/2025,ANT-É,parent\n"),
			contacts, 2, []record{at(3, row)}, "utf-8", nil},
		{"title block", []byte("Export des présences;;;\nStructure : Les Loupiots\nPériode : mars 2025\n\ndate;antenne;public\n04/03/2025;ANT-É;parent\n\n04/03/2025;ANT-É;parent\n"),
			contacts, 5, []record{at(6, row), at(8, row)}, "utf-8",
			[]string{"4 ligne(s) de titre au-dessus de l'en-tête ignorée(s)"}},
		{"separator from the header, not the title", []byte("Contacts, mars 2025, Dupont\ndate;antenne;public\n04/03/2025;ANT-É;parent\n"),
			contacts, 2, []record{at(3, row)}, "utf-8", []string{"1 ligne(s) de titre au-dessus de l'en-tête ignorée(s)"}},
		{"sep=, title and Windows-1252 together", win1252(t, "sep=;\r\nPériode : mars 2025\r\nDate;Antenne;Public\r\n04/03/2025;ANT-É;parent\r\n"),
			[]string{"Date", "Antenne", "Public"}, 3, []record{at(4, row)}, "windows-1252",
			[]string{"1 ligne(s) de titre au-dessus de l'en-tête ignorée(s)"}},
		{"no header: the first line is", []byte("jour;lieu\n04/03/2025;ANT-É\n"),
			[]string{"jour", "lieu"}, 1, []record{{line: 2, fields: []string{"04/03/2025", "ANT-É"}}}, "utf-8", nil},
		{"UTF-16LE TSV from Excel", utf16Bytes(t, contactsTSV, unicode.LittleEndian, unicode.UseBOM),
			contacts, 1, []record{row}, "utf-16le", nil},
		{"UTF-16BE", utf16Bytes(t, contactsTSV, unicode.BigEndian, unicode.UseBOM),
			contacts, 1, []record{row}, "utf-16be", nil},
		{"UTF-16LE without mark", utf16Bytes(t, contactsTSV, unicode.LittleEndian, unicode.IgnoreBOM),
			contacts, 1, []record{row}, "utf-16le", nil},
		{"HTML .xls", win1252(t, htmlXLS), []string{"Date", "Antenne", "Public"}, 2, []record{
			at(3, row), {line: 4, fields: []string{"05/03/2025", "ANT-2 bis", "assistant_maternel"}}}, "html", nil},
		{"HTML after a mark, spaces and a doctype", []byte("\ufeff \r\n<!DOCTYPE html><TABLE><tr><td>date<td>antenne<td>public<tr><td>04/03/2025<td>ANT-É<td>parent</TABLE>"),
			contacts, 1, []record{row}, "html", nil},
		{"XHTML", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><table><tr><td>date</td><td>antenne</td><td>public</td></tr><tr><td>04/03/2025</td><td>ANT-É</td></tr></table></body></html>`),
			contacts, 1, []record{{line: 2, fields: []string{"04/03/2025", "ANT-É", ""}}}, "html", nil},
		{"XLSX named .xls", workbook(t, []any{"Contacts de mars"}, []any{}, contactsAny(contacts), []any{"x", "ANT-É", "parent"}),
			contacts, 3, []record{{line: 4, fields: []string{"x", "ANT-É", "parent"}}}, "xlsx", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := decodeFile(tt.data, contactsHeader)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.header, g.header); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if g.headerLine != tt.line || g.encoding != tt.encoding {
				t.Errorf("header on line %d in %s, want line %d in %s", g.headerLine, g.encoding, tt.line, tt.encoding)
			}
			if diff := cmp.Diff(tt.records, g.records, cmp.AllowUnexported(record{})); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warnings, g.warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			for _, w := range g.warnings {
				if strings.Contains(w, "Loupiots") || strings.Contains(w, "Dupont") {
					t.Errorf("a warning quotes a title line: %s", w)
				}
			}
		})
	}
}

func contactsAny(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}

func TestRefusedFormats(t *testing.T) {
	ole := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"Excel 97-2003", append(ole, "Dupont"...), "classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Classeur Excel .xlsx), puis relancez"},
		{"encrypted workbook", append(ole, utf16LE("EncryptedPackage")...), "classeur protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe"},
		{"OpenDocument", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"),
			"classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice et enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Excel 2007-365), puis relancez"},
		{"XML Spreadsheet 2003", []byte("<?xml version=\"1.0\"?>\r\n<?mso-application progid=\"Excel.Sheet\"?>\r\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>Dupont</Data></Cell></Row></Table></Worksheet></Workbook>"),
			"classeur XML Excel 2003 : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx"},
		{"binary", []byte("date;antenne\x00\x01\x02Dupont"), "ce n'est pas un export CSV ni un classeur : réexportez le fichier en CSV ou en .xlsx depuis le logiciel"},
		{"other XML", []byte(`<?xml version="1.0"?><contacts><nom>Dupont</nom></contacts>`), "ce n'est pas un export CSV ni un classeur"},
		{"Word document", zipOf(t, "[Content_Types].xml", "wordprocessingml", "word/document.xml", "Dupont"), "ce n'est pas un export CSV ni un classeur"},
		{"archive of exports", zipOf(t, "rpe_contacts_2025.csv", "date;antenne;public\n"), "archive zip : décompressez-la"},
		{"zip cut short", []byte("PK\x03\x04 this zip is cut short, Dupont"), "classeur illisible : ce n'est pas un classeur .xlsx valide"},
		{"page without table", []byte("<html><body><p>Dupont</p></body></html>"), "page HTML sans tableau : réexportez le fichier en CSV ou en .xlsx"},
		{"page without header", []byte("<html><table><tr><td>Dupont</td><td>Jeanne</td></tr></table></html>"), "aucun tableau de la page HTML n'a de ligne d'en-tête reconnue"},
		{"mark and nothing else", []byte("\ufeffsep=;\r\n\r\n"), "fichier vide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := decodeFile(tt.data, contactsHeader)
			if err == nil {
				t.Fatalf("decoded, header %q", g.header)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %q, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "Dupont") {
				t.Errorf("the message quotes the file: %s", err)
			}
		})
	}
}

// TestFormatsInFolder loads a folder of files whose names say nothing, each recognised by its
// header whatever its format, or refused with the action to take; rejects keep the file's lines.
func TestFormatsInFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"antennes_rpe.csv":      []byte("code_antenne;nom;commune_insee\nANT-BERGUES;Bergues;59067\n"),
		"relais mars.xls":       []byte(strings.ReplaceAll(htmlXLS, "ANT-É", "ANT-BERGUES")),
		"relais avril.csv":      win1252(t, "sep=;\r\nContacts du relais\r\nPériode : avril 2021\r\n\r\nDate;Antenne;Public\r\n02/04/2021;ANT-BERGUES;parent\r\n31/04/2021;ANT-BERGUES;parent\r\n"),
		"relais mai.xls":        workbook(t, []any{"Contacts de mai"}, []any{"date", "antenne", "public"}, []any{"02/05/2021", "ANT-BERGUES", "parent"}, []any{"03/05/2021", "ANT-BERGUES", "passant"}),
		"relais unicode.txt":    utf16Bytes(t, "date\tantenne\tpublic\r\n02/06/2021\tANT-BERGUES\tparent\r\n", unicode.LittleEndian, unicode.UseBOM),
		"vieux classeur.xls":    append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 504)...),
		"rpe_contacts_2021.ods": zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, sum := ingestDir(t, dir, nil)
	got := map[string]string{}
	for _, f := range sum.Files {
		got[f.Path] = strings.Join([]string{f.Kind, f.Status, f.Detail, f.FirstReason}, " | ")
	}
	want := map[string]string{
		"antennes_rpe.csv":      "antennes_rpe | charge | utf-8 | ",
		"relais avril.csv":      "rpe_contacts | charge | windows-1252 | ligne 7 : « 31/04/2021 » n'est pas une date",
		"relais mai.xls":        "rpe_contacts | charge | xlsx | ligne 4 : ",
		"relais mars.xls":       "rpe_contacts | charge | html | ligne 4 : ",
		"relais unicode.txt":    "rpe_contacts | charge | utf-16le | ",
		"rpe_contacts_2021.ods": "rpe_contacts | refuse | " + refusals[formatODS] + " | ",
		"vieux classeur.xls":    " | refuse | " + refusals[formatXLS] + " | ",
	}
	for name, w := range want {
		if !strings.HasPrefix(got[name], w) {
			t.Errorf("%s:\n got %s\nwant %s…", name, got[name], w)
		}
	}
}

// TestBlankLinesOneWarning: the blank lines of a file, however many, make one warning that names
// the first and the last; a file of one blank line keeps its plain warning.
func TestBlankLinesOneWarning(t *testing.T) {
	text := "code_antenne;nom;commune_insee\nA;Antenne;59663\n" + strings.Repeat(";;\n", 300)
	g, err := decodeCSV([]byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"300 lignes vides ignorées (lignes 3, 4, 5, 6, 7, … 302)"}
	if len(g.records) != 1 || !cmp.Equal(g.warnings, want) {
		t.Errorf("records %d, warnings %q, want 1 and %q", len(g.records), g.warnings, want)
	}
	if got := blankWarning([]int{7}); got != "ligne 7 vide ignorée" {
		t.Errorf("one blank line: %q", got)
	}
}
