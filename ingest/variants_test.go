package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	xunicode "golang.org/x/text/encoding/unicode"

	"enfance/data"
	"enfance/internal/exports"
)

// table is an export as rows of text, to be written again the way other software would.
type table struct {
	header []string
	rows   [][]string
}

// col is the index of a column of the demo's header, by its registry name.
func (tb table) col(t *testing.T, kind, name string) int {
	t.Helper()
	k, _ := exports.Lookup(kind)
	for i, h := range tb.header {
		if m := k.Match(h, nil); len(m) == 1 && k.Columns[m[0].Column].Name == name && !m[0].Given {
			return i
		}
	}
	t.Fatalf("%s: no column %s in %v", kind, name, tb.header)
	return -1
}

// mapColumn rewrites every value of a column.
func (tb table) mapColumn(i int, f func(row int, v string) string) table {
	out := table{header: slices.Clone(tb.header)}
	for r, row := range tb.rows {
		row = slices.Clone(row)
		if row[i] != "" {
			row[i] = f(r, row[i])
		}
		out.rows = append(out.rows, row)
	}
	return out
}

// withHeader renames the header's cells, in order.
func (tb table) withHeader(h ...string) table {
	out := tb
	out.header = h
	return out
}

// splitName writes the person column i as two columns, family name then given name (or the
// other way round), from « Rose RICHARD ».
func (tb table) splitName(i int, family, given string, givenFirst bool) table {
	out := table{header: slices.Clone(tb.header[:i])}
	parts := []string{family, given}
	if givenFirst {
		parts = []string{given, family}
	}
	out.header = append(append(out.header, parts...), tb.header[i+1:]...)
	for _, row := range tb.rows {
		g, f := splitPerson(row[i])
		pair := []string{f, g}
		if givenFirst {
			pair = []string{g, f}
		}
		out.rows = append(out.rows, append(append(slices.Clone(row[:i]), pair...), row[i+1:]...))
	}
	return out
}

// splitPerson cuts « Rose RICHARD » into its given name and its family name (the words in
// capitals).
func splitPerson(name string) (given, family string) {
	words := strings.Fields(name)
	for i, w := range words {
		if strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		}
	}
	return "", name
}

// csvBytes writes the table as a CSV of the separator, in UTF-8 with a BOM, Windows-1252 or
// UTF-16 with a BOM, lines ended by CRLF.
func csvBytes(t *testing.T, tb table, sep rune, encoding string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = sep, true
	if err := w.Write(tb.header); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAll(tb.rows); err != nil {
		t.Fatal(err)
	}
	switch encoding {
	case "windows-1252":
		return win1252(t, b.String())
	case "utf-16":
		return utf16Bytes(t, b.String(), xunicode.LittleEndian, xunicode.UseBOM)
	}
	return append([]byte("\ufeff"), b.Bytes()...)
}

// xlsxBytes writes the table as a workbook: the columns dates are date cells, the columns hours
// are Excel durations ([h]:mm, a fraction of a day), after a first sheet of notes when asked.
func xlsxBytes(t *testing.T, tb table, dates, hours []int, notes bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	if notes {
		f.SetCellValue(sheet, "A1", "Export du logiciel de la crèche — à ne pas modifier")
		sheet = "Présences"
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	duration := "[h]:mm"
	hourStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &duration})
	for c, h := range tb.header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		f.SetCellValue(sheet, cell, h)
	}
	for r, row := range tb.rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			switch {
			case v == "":
			case slices.Contains(dates, c):
				d := must(parseDate(v))
				f.SetCellValue(sheet, cell, float64(d.Sub(excelEpoch)/(24*time.Hour)))
				f.SetCellStyle(sheet, cell, cell, dateStyle)
			case slices.Contains(hours, c):
				f.SetCellValue(sheet, cell, must(parseNumber(v))/24)
				f.SetCellStyle(sheet, cell, cell, hourStyle)
			default:
				f.SetCellValue(sheet, cell, v)
			}
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// htmlBytes writes the table as the HTML page some software saves under a .xls name.
func htmlBytes(tb table) []byte {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"></head><body><table border=1>\n<tr>")
	for _, h := range tb.header {
		b.WriteString("<th>" + html.EscapeString(h) + "</th>")
	}
	b.WriteString("</tr>\n")
	for _, row := range tb.rows {
		b.WriteString("<tr>")
		for _, v := range row {
			b.WriteString("<td>" + html.EscapeString(v) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></body></html>\n")
	return []byte(b.String())
}

// frenchHours writes hours as « 8h15 », « 9h ».
func frenchHours(v string) string {
	h := must(parseNumber(v))
	whole, minutes := int(h), int((h-float64(int(h)))*60+0.5)
	if minutes == 0 {
		return strconv.Itoa(whole) + "h"
	}
	return fmt.Sprintf("%dh%02d", whole, minutes)
}

// clockHours writes hours as « 08:15:00 ».
func clockHours(v string) string {
	h := must(parseNumber(v))
	return fmt.Sprintf("%02d:%02d:00", int(h), int((h-float64(int(h)))*60+0.5))
}

var frenchMonths = []string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// longDate writes a date as « lundi 3 mars 2025 ».
func longFrenchDate(v string) string {
	d := must(parseDate(v))
	day := [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}[d.Weekday()]
	return fmt.Sprintf("%s %d %s %d", day, d.Day(), frenchMonths[d.Month()], d.Year())
}

// communeNames are the territory's communes by INSEE code.
func communeNames(t *testing.T) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(data.Reference(), CommunesFile)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range rows[1:] {
		names[r[0]] = r[1]
	}
	return names
}

// variant is a demo export written again as other software, a spreadsheet or a person would,
// with what the ingest must make of it: the same rows as the original, or a refusal that says
// what to do.
type variant struct {
	name, source, file string
	write              func(t *testing.T, tb table) []byte
	columns            map[string]map[string]string
	values             map[string]map[string]map[string]string
	inspect            bool   // load with the block enfance inspect proposes
	refused            string // a word the refusal must hold; "" when the file must load as the original
}

// variantBase are the demo files the variants' rows are checked against.
var variantBase = []string{"service/structures.csv", "service/antennes_rpe.csv", "eaje/MA-LOUPS/eaje_capacites_MA-LOUPS.csv",
	"acm/PERI-WARHEM/acm_periodes_PERI-WARHEM_2025.csv", "jeunesse/sejours_2025.csv"}

// TestRealExportVariants: each variant loads with exactly the rows, hours and pseudonyms of the
// demo file it was made from, or is refused whole with an actionable message; never does it load
// other figures.
func TestRealExportVariants(t *testing.T) {
	demo := demoDir(t, false)
	const presences, register = "eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv", "rpe/am_registre_2025.xlsx"
	const acm, sejours = "acm/PERI-WARHEM/acm_presences_PERI-WARHEM_2025.csv", "jeunesse/sejours_inscriptions_2025.csv"
	names := communeNames(t)
	variants := presenceVariants(t, presences, names)
	variants = append(variants, otherVariants(t, register, acm, sejours, names)...)
	loaded := 0
	for _, v := range variants {
		if v.source == "" {
			v.source = presences
		}
		t.Run(v.name, func(t *testing.T) {
			k, _ := exports.ForFile(baseName(v.source))
			want := loadVariant(t, demo, v.source, baseName(v.source), readFile(t, demo, v.source), nil, nil)
			if len(want) < 100 {
				t.Fatalf("%s: the original loads %d rows", v.source, len(want))
			}
			tb := readTable(t, demo, v.source)
			got, sum := loadVariantSum(t, demo, v, v.write(t, tb))
			f := fileSummary(t, sum, v.file)
			if v.refused != "" {
				if f.Status != StatusRefused || !strings.Contains(f.Detail, v.refused) {
					t.Errorf("%s: status %s (%s), want a refusal saying %q", k.Name, f.Status, f.Detail, v.refused)
				}
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s %s (%s, %d rejected: %s): rows differ from the original (-want +got):\n%s",
					k.Name, f.Status, f.Detail, f.Rejected, f.FirstReason, clip(diff, 3000))
			}
			if v.columns == nil && v.values == nil && !v.inspect {
				loaded++
			}
		})
	}
	t.Logf("%d variants, %d load with no configuration", len(variants), loaded)
}

func presenceVariants(t *testing.T, source string, names map[string]string) []variant {
	const kind = "eaje_presences"
	col := func(tb table, name string) int { return tb.col(t, kind, name) }
	csv1252 := func(f func(tb table) table) func(*testing.T, table) []byte {
		return func(t *testing.T, tb table) []byte { return csvBytes(t, f(tb), ';', "windows-1252") }
	}
	return []variant{
		{name: "en-têtes en toutes lettres", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.withHeader("Code de la structure", "Date de présence", "Nom de l'enfant", "Né(e) le", "Commune de résidence",
				"Régime allocataire", "Type d'accueil", "Heures contractualisées (h)", "Heures réalisées (h)", "Heures facturées (h)", "Motif d'absence")
		})},
		{name: "en-têtes de formulaire en capitales", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.withHeader("CODE_STRUCTURE", "DATE_PRESENCE", "NOM_ENFANT", "DATE_NAISSANCE_INDIVIDU", "COMMUNE_RESIDENCE",
				"REGIME", "TYPE_ACCUEIL", "NOMBRE_HEURES_CONTRACTUALISEES", "NOMBRE_HEURES_REALISEES", "NOMBRE_HEURES_FACTUREES", "ABSENCE_DEDUCTIBLE")
		})},
		{name: "nom et prénom en deux colonnes", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.splitName(col(tb, "enfant"), "Nom", "Prénom", false)
		})},
		{name: "prénom puis nom, en capitales", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.splitName(col(tb, "enfant"), "NOM", "PRENOM", true)
		})},
		{name: "heures écrites 8h15", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			for _, c := range []string{"heures_contractualisees", "heures_realisees", "heures_facturees"} {
				tb = tb.mapColumn(col(tb, c), func(_ int, v string) string { return frenchHours(v) })
			}
			return tb
		})},
		{name: "heures écrites 08:15:00", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.mapColumn(col(tb, "heures_realisees"), func(_ int, v string) string { return clockHours(v) })
		})},
		{name: "communes par leur nom", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.mapColumn(col(tb, "commune_residence"), func(r int, v string) string {
				name := names[v]
				switch r % 3 {
				case 1:
					return strings.ToUpper(name)
				case 2:
					return strings.Replace(name, "Saint-", "St-", 1)
				}
				return name
			})
		})},
		{name: "code de structure en minuscules", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.mapColumn(col(tb, "code_structure"), func(_ int, v string) string { return strings.ToLower(v) })
		})},
		{name: "dates en toutes lettres", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			return tb.mapColumn(col(tb, "date"), func(_ int, v string) string { return longFrenchDate(v) })
		})},
		{name: "régime et type d'accueil en libellés", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			labels := map[string]string{"general": "Régime général", "msa": "MSA", "autre": "Autres régimes",
				"regulier": "Accueil régulier", "occasionnel": "Occasionnel", "urgence": "Accueil d'urgence"}
			tb = tb.mapColumn(col(tb, "regime"), func(_ int, v string) string { return labels[v] })
			return tb.mapColumn(col(tb, "type_accueil"), func(_ int, v string) string { return labels[v] })
		})},
		{name: "colonnes en plus et dans un autre ordre", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: csv1252(func(tb table) table {
			out := table{header: append([]string{"Observations", "Groupe"}, reversed(tb.header)...)}
			for _, r := range tb.rows {
				out.rows = append(out.rows, append([]string{"", "Les petits"}, reversed(r)...))
			}
			return out
		})},
		{name: "virgule, point décimal, UTF-8 avec BOM", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: func(t *testing.T, tb table) []byte {
			for _, c := range []string{"heures_contractualisees", "heures_realisees", "heures_facturees"} {
				tb = tb.mapColumn(col(tb, c), func(_ int, v string) string { return strings.Replace(v, ",", ".", 1) })
			}
			return csvBytes(t, tb, ',', "utf-8")
		}},
		{name: "Texte Unicode d'Excel (UTF-16, tabulations)", file: "eaje_presences_MA-LOUPS_2025-03.txt", write: func(t *testing.T, tb table) []byte {
			return csvBytes(t, tb, '\t', "utf-16")
		}},
		{name: "sep= en première ligne", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: func(t *testing.T, tb table) []byte {
			return append(win1252(t, "sep=;\r\n"), csvBytes(t, tb, ';', "windows-1252")...)
		}},
		{name: "bloc de titre au-dessus de l'en-tête", file: "eaje_presences_MA-LOUPS_2025-03.csv", write: func(t *testing.T, tb table) []byte {
			title := "Relevé des présences;;;\r\nÉtablissement : Multi-accueil;;;\r\nPériode : mars 2025;;;\r\n;;;\r\n"
			return append(win1252(t, title), csvBytes(t, tb, ';', "windows-1252")...)
		}},
		{name: "classeur, dates et durées Excel", file: "eaje_presences_MA-LOUPS_2025-03.xlsx", write: func(t *testing.T, tb table) []byte {
			return xlsxBytes(t, tb, []int{col(tb, "date"), col(tb, "date_naissance")},
				[]int{col(tb, "heures_contractualisees"), col(tb, "heures_realisees"), col(tb, "heures_facturees")}, false)
		}},
		{name: "classeur avec une feuille de notes d'abord", file: "eaje_presences_MA-LOUPS_2025-03.xlsx", write: func(t *testing.T, tb table) []byte {
			return xlsxBytes(t, tb, nil, nil, true)
		}},
		{name: "tableau HTML enregistré en .xls", file: "eaje_presences_MA-LOUPS_2025-03.xls", write: func(t *testing.T, tb table) []byte {
			return htmlBytes(tb)
		}},
		{name: "nommé par le logiciel, reconnu à l'en-tête", file: "Export présences MA-LOUPS mars.csv", write: csv1252(func(tb table) table { return tb })},
		{name: "classeur Excel 97-2003", file: "eaje_presences_MA-LOUPS_2025-03.xls", refused: "enregistrez-le au format .xlsx",
			write: func(*testing.T, table) []byte {
				return append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 504)...)
			}},
		{name: "classeur OpenDocument", file: "eaje_presences_MA-LOUPS_2025-03.ods", refused: "enregistrez-le au format .xlsx",
			write: func(t *testing.T, _ table) []byte {
				return zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>")
			}},
		{name: "en-tête inconnu des heures réalisées", file: "eaje_presences_MA-LOUPS_2025-03.csv", refused: "enfance inspect",
			write: csv1252(func(tb table) table { return renamed(tb, col(tb, "heures_realisees"), "Temps passé") })},
		{name: "en-tête inconnu, avec le bloc d'enfance inspect", file: "eaje_presences_MA-LOUPS_2025-03.csv", inspect: true,
			write: csv1252(func(tb table) table { return renamed(tb, col(tb, "heures_realisees"), "Temps passé") })},
		{name: "deux en-têtes pour une colonne", file: "eaje_presences_MA-LOUPS_2025-03.csv", refused: "désignent toutes deux",
			write: csv1252(func(tb table) table { return renamed(tb, col(tb, "heures_contractualisees"), "Heures de présence") })},
		{name: "régime propre au logiciel, déclaré", file: "eaje_presences_MA-LOUPS_2025-03.csv",
			values: map[string]map[string]map[string]string{kind: {"regime": {"Régime SNCF": "autre"}}},
			write: csv1252(func(tb table) table {
				return tb.mapColumn(col(tb, "regime"), func(_ int, v string) string {
					if v == "autre" {
						return "Régime SNCF"
					}
					return v
				})
			})},
	}
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

// renamed gives one header another name.
func renamed(tb table, i int, name string) table {
	h := slices.Clone(tb.header)
	h[i] = name
	return tb.withHeader(h...)
}

func otherVariants(t *testing.T, register, acm, sejours string, names map[string]string) []variant {
	return []variant{
		{name: "registre des AM tenu par le RPE", source: register, file: "am_registre_2025.csv", write: func(t *testing.T, tb table) []byte {
			col := func(name string) int { return tb.col(t, "am_registre", name) }
			statuses := map[string]string{"active": "En activité", "sans_accueil": "Sans enfant accueilli", "suspendue": "Suspendu",
				"cessation": "Cessation d'activité"}
			tb = tb.mapColumn(col("statut"), func(_ int, v string) string { return statuses[v] })
			tb = tb.mapColumn(col("commune_insee"), func(_ int, v string) string { return strings.ToUpper(names[v]) })
			tb = tb.mapColumn(col("annee_naissance"), func(_ int, v string) string { return "15/06/" + v })
			tb = tb.mapColumn(col("date_premier_agrement"), func(_ int, v string) string { return must(parseExcelDate(v)).Format("02/01/2006") })
			tb = tb.mapColumn(col("date_cessation"), func(_ int, v string) string { return must(parseExcelDate(v)).Format("02/01/2006") })
			tb = tb.splitName(col("identifiant_am"), "Nom", "Prénom", false)
			tb.header[col("annee_naissance")] = "Date de naissance"
			return csvBytes(t, tb, ';', "windows-1252")
		}},
		{name: "plages d'ACM en toutes lettres", source: acm, file: "acm_presences_PERI-WARHEM_2025.csv", write: func(t *testing.T, tb table) []byte {
			labels := map[string]string{"matin": "Accueil du matin", "midi": "Pause méridienne", "soir": "Accueil du soir",
				"journee": "Journée", "demi_journee": "Demi-journée"}
			tb = tb.mapColumn(tb.col(t, "acm_presences", "plage"), func(_ int, v string) string { return labels[v] })
			return csvBytes(t, tb, ';', "windows-1252")
		}},
		{name: "statuts de séjour en écriture inclusive", source: sejours, file: "sejours_inscriptions_2025.csv", write: func(t *testing.T, tb table) []byte {
			labels := map[string]string{"inscrit": "Inscrit(e)", "present": "Présent(e)", "desiste": "Désisté(e)", "liste_attente": "Liste d'attente"}
			tb = tb.mapColumn(tb.col(t, "sejours_inscriptions", "statut"), func(_ int, v string) string { return labels[v] })
			return csvBytes(t, tb, ';', "windows-1252")
		}},
	}
}

func readFile(t *testing.T, dir, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readTable reads a demo export as the ingest decodes it, dates of a workbook as text.
func readTable(t *testing.T, dir, rel string) table {
	t.Helper()
	k, _ := exports.ForFile(baseName(rel))
	isHeader := func(cells []string) bool { n, _ := headerScore(k, cells, nil); return n >= 2 }
	b := readFile(t, dir, rel)
	var g *grid
	var err error
	if strings.HasSuffix(rel, ".xlsx") {
		g, err = decodeXLSX(b, isHeader)
	} else {
		g, err = decodeCSV(b, isHeader)
	}
	if err != nil {
		t.Fatal(err)
	}
	tb := table{header: g.header}
	for _, r := range g.records {
		row := make([]string, len(g.header))
		copy(row, r.fields)
		tb.rows = append(tb.rows, row)
	}
	return tb
}

// loadVariant loads the base files and one file, and returns the rows of its raw table.
func loadVariant(t *testing.T, demo, source, file string, content []byte, columns map[string]map[string]string,
	values map[string]map[string]map[string]string) []string {
	rows, _ := load(t, demo, source, file, content, columns, values)
	return rows
}

func loadVariantSum(t *testing.T, demo string, v variant, content []byte) ([]string, *Summary) {
	columns := v.columns
	if v.inspect {
		columns = inspectBlock(t, demo, v.file, content)
	}
	return load(t, demo, v.source, v.file, content, columns, v.values)
}

// inspectBlock is the [colonnes] block Inspect proposes for a file.
func inspectBlock(t *testing.T, demo, file string, content []byte) map[string]map[string]string {
	t.Helper()
	dir := baseFolder(t, demo)
	p := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	l, _ := newLoader(t)
	if err := l.Reference(context.Background(), data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	ins, err := l.Inspect(context.Background(), Options{Dir: dir, Today: testToday, Workers: 1}, []string{p})
	if err != nil || len(ins) != 1 || len(ins[0].Columns) == 0 {
		t.Fatalf("inspect: %v, %+v", err, ins)
	}
	return map[string]map[string]string{ins[0].Kind: ins[0].Columns}
}

// baseFolder is a folder holding the variants' base files.
func baseFolder(t *testing.T, demo string) string {
	t.Helper()
	dir := t.TempDir()
	for _, rel := range variantBase {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, readFile(t, demo, rel), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, demo, source, file string, content []byte, columns map[string]map[string]string,
	values map[string]map[string]map[string]string) ([]string, *Summary) {
	t.Helper()
	dir := baseFolder(t, demo)
	if err := os.WriteFile(filepath.Join(dir, file), content, 0o644); err != nil {
		t.Fatal(err)
	}
	l, db := newLoader(t)
	ctx := context.Background()
	if err := l.Reference(ctx, data.Reference(), "data/reference", "200040954"); err != nil {
		t.Fatal(err)
	}
	sum, err := l.Exports(ctx, Options{Dir: dir, Columns: columns, Values: values, Secret: testSecret, Workers: 2, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	k, _ := exports.ForFile(baseName(source))
	_, out := queryLines(t, db, `SELECT * EXCLUDE (_fichier, _ligne, _chargement) FROM raw.`+k.Name+` ORDER BY ALL`)
	return out, sum
}
