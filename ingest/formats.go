package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// format is what a file's bytes are, whatever its name says: software names an HTML page or a
// workbook « .xls », and people rename files.
type format int

const (
	formatCSV     format = iota // text: CSV or TSV, in an encoding decodeCSV reads
	formatXLSX                  // a zip holding a workbook, or a broken zip (excelize says what is wrong)
	formatHTML                  // an HTML table, as many tools write their « .xls »
	formatXLS                   // Excel 97-2003 (BIFF in an OLE2 compound file)
	formatODS                   // OpenDocument spreadsheet
	formatXML2003               // Excel's XML Spreadsheet 2003
	formatLocked                // a workbook encrypted with a password (an OLE2 holding an EncryptedPackage)
	formatZip                   // an archive that holds no workbook
	formatBinary                // anything else that is not text
)

// refusals are the formats read by no decoder, with the action that makes the file readable.
// No maintained Go library reads .xls or .ods (the BIFF readers extrame/xls and
// shakinm/xlsReader have open panics on real files and no release for years, newer ones have no
// users; the ODS readers are small unmaintained forks), and excelize reads neither: the
// spreadsheet that wrote the file converts it in three clicks.
var refusals = map[format]string{
	formatXLS:     "classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Classeur Excel .xlsx), puis relancez",
	formatXML2003: "classeur XML Excel 2003 : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Classeur Excel .xlsx), puis relancez",
	formatODS:     "classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice et enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Excel 2007-365), puis relancez",
	formatLocked:  "classeur protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le classeur) et enregistrez-le au format .xlsx, puis relancez",
	formatZip:     "archive zip : décompressez-la et déposez dans le dossier des exports les fichiers qu'elle contient, puis relancez",
	formatBinary:  errBinary.Error(),
}

var errBinary = formatError{"ce n'est pas un export CSV ni un classeur : réexportez le fichier en CSV ou en .xlsx depuis le logiciel"}

// formatError refuses a file no decoder reads. Its message says how to convert the file, which
// enfance inspect could not say better: no refusal of this kind points to it.
type formatError struct{ msg string }

func (e formatError) Error() string { return e.msg }

// refusal is the error of a format no decoder reads, nil for the others.
func (f format) refusal() error {
	if msg, ok := refusals[f]; ok {
		return formatError{msg}
	}
	return nil
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	utf8BOM  = []byte("\ufeff")
)

// sniff tells a file's format from its first bytes (and a zip's list of entries).
func sniff(data []byte) format {
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return sniffZip(data)
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, utf16LE("EncryptedPackage")) {
			return formatLocked
		}
		return formatXLS
	}
	head, ok := textHead(data)
	if !ok {
		return formatBinary
	}
	return sniffMarkup(head)
}

// sniffZip tells a workbook from other zips. A zip whose directory cannot be read goes to the
// XLSX reader, whose message says the workbook is damaged or cut short.
func sniffZip(data []byte) format {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return formatXLSX
	}
	if len(zr.File) > 0 && zr.File[0].Name == "mimetype" {
		if strings.HasPrefix(entryHead(zr.File[0]), "application/vnd.oasis.opendocument.spreadsheet") {
			return formatODS
		}
		return formatBinary // another OpenDocument: a text, a drawing
	}
	office := false
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "xl/"):
			return formatXLSX
		case f.Name == "[Content_Types].xml":
			if strings.Contains(entryHead(f), "spreadsheetml") {
				return formatXLSX
			}
			office = true
		}
	}
	if office {
		return formatBinary // a Word or PowerPoint document
	}
	return formatZip
}

// entryHead is the start of a zip entry, read within a bound whatever it claims to hold.
func entryHead(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 64<<10))
	return string(b)
}

// sniffMarkup tells an HTML page or an XML Spreadsheet 2003 from CSV text, by how it starts.
func sniffMarkup(head string) format {
	h := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(head, "\ufeff"), " \t\r\n"))
	switch {
	case strings.HasPrefix(h, "<?xml"):
		if strings.Contains(h, "urn:schemas-microsoft-com:office:spreadsheet") || strings.Contains(h, `progid="excel.sheet"`) {
			return formatXML2003
		}
		if strings.Contains(h, "<html") {
			return formatHTML
		}
		return formatBinary // some other XML: not a table
	case strings.HasPrefix(h, "<html"), strings.HasPrefix(h, "<!doctype html"), strings.HasPrefix(h, "<table"):
		return formatHTML
	}
	return formatCSV
}

// textHead is the first few kilobytes of a text file as UTF-8, or false when the bytes are not
// text (NUL bytes outside UTF-16).
func textHead(data []byte) (string, bool) {
	head := data[:min(len(data), 4096)]
	if e, _ := utf16Of(data); e != nil {
		b, err := e.NewDecoder().Bytes(head[:len(head)&^1])
		return string(b), err == nil && bytes.IndexByte(b, 0) < 0
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "", false
	}
	return string(head), true
}

// textOf decodes a text file to UTF-8, with the name of the encoding it was in: UTF-16 (with a
// byte order mark, or without when every other byte is zero), UTF-8 with or without a mark, else
// Windows-1252. Text holding NUL characters is not an export.
func textOf(data []byte) (text []byte, name string, err error) {
	switch e, n := utf16Of(data); {
	case e != nil:
		name = n
		if text, err = e.NewDecoder().Bytes(data); err != nil {
			return nil, "", errors.New("encodage UTF-16 illisible : enregistrez le fichier en CSV UTF-8 et relancez")
		}
	case bytes.HasPrefix(data, utf8BOM) && utf8.Valid(data[3:]):
		text, name = data[3:], "utf-8-bom"
	case utf8.Valid(data):
		text, name = data, "utf-8"
	default: // a mark before bytes that are not UTF-8 is dropped with them
		if text, err = charmap.Windows1252.NewDecoder().Bytes(bytes.TrimPrefix(data, utf8BOM)); err != nil {
			return nil, "", errors.New("encodage illisible : enregistrez le fichier en CSV UTF-8 et relancez")
		}
		name = "windows-1252"
	}
	if bytes.IndexByte(text, 0) >= 0 {
		return nil, "", errBinary
	}
	return text, name, nil
}

// utf16Of recognises UTF-16 by its byte order mark, or by the obvious pattern of text mostly in
// Latin letters without one: in the first bytes, one byte of each pair is never zero and the
// other nearly always is.
func utf16Of(data []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case zeroPattern(data, 0):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case zeroPattern(data, 1):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	}
	return nil, ""
}

// zeroPattern tells whether, in the first pairs of bytes, the byte at low is never zero and the
// other is zero in three pairs out of four at least.
func zeroPattern(data []byte, low int) bool {
	pairs := min(len(data), 512) / 2
	if pairs < 2 {
		return false
	}
	zeros := 0
	for i := range pairs {
		if data[2*i+low] == 0 {
			return false
		}
		if data[2*i+1-low] == 0 {
			zeros++
		}
	}
	return zeros*4 >= pairs*3
}

func utf16LE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}

// decodeFile decodes a file as its bytes say, whatever its name: isHeader tells its header line
// under any title block. A format no decoder reads is refused with the action to take.
func decodeFile(data []byte, isHeader func([]string) bool) (*grid, error) {
	f := sniff(data)
	if err := f.refusal(); err != nil {
		return nil, err
	}
	switch f {
	case formatXLSX:
		return decodeXLSX(data, isHeader)
	case formatHTML:
		return decodeHTML(data, isHeader)
	}
	return decodeCSV(data, isHeader)
}

// anyKindHeader tells a line that is the complete header of some kind of export, for a file
// whose name says nothing.
func anyKindHeader(custom map[string]map[string]string) func([]string) bool {
	return func(cells []string) bool {
		k, ok := kindFromHeader(cells, custom)
		if !ok {
			return false
		}
		n, _ := headerScore(k, cells, custom[k.Name])
		return n >= 2
	}
}
