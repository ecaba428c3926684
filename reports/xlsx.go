package reports

import (
	"bytes"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/palette"
)

// cellFormat says how a column's cells are typed and shown.
type cellFormat int

const (
	asText cellFormat = iota
	asInt
	asDecimal
	asPercent
	asPersons // a count of persons: « < 5 » below the threshold of the secret statistique
	asDate
	asYear // a year: a whole number without a thousands separator (2025, not 2 025)
)

// sheet is one table of the workbook.
type sheet struct {
	name    string
	headers []string
	formats []cellFormat
	rows    [][]any
}

// Workbook writes the indicator tables of a year as an XLSX workbook: French headers, numbers as
// numbers and rates as percentages, so that they can be copied into the CAF's forms.
func Workbook(b *marts.Bundle, year int) ([]byte, error) {
	return writeWorkbook(workbookSheets(b, year), b.InfosEntrepot.SecretStatistique)
}

// writeWorkbook writes sheets into a new workbook, counts of persons hidden below threshold.
func writeWorkbook(sheets []sheet, threshold int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	styles.threshold = threshold
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, s, styles); err != nil {
			return nil, fmt.Errorf("feuille %s : %w", s.name, err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type styles struct{ header, integer, year, decimal, percent, date, threshold int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette.Zebra}}}); err != nil {
		return s, err
	}
	if s.integer, err = f.NewStyle(&excelize.Style{NumFmt: 3}); err != nil { // #,##0
		return s, err
	}
	if s.year, err = f.NewStyle(&excelize.Style{NumFmt: 1}); err != nil { // 0
		return s, err
	}
	custom := "0.00"
	if s.decimal, err = f.NewStyle(&excelize.Style{CustomNumFmt: &custom}); err != nil {
		return s, err
	}
	pct := "0.0%"
	if s.percent, err = f.NewStyle(&excelize.Style{CustomNumFmt: &pct}); err != nil {
		return s, err
	}
	date := "dd/mm/yyyy"
	s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &date})
	return s, err
}

func writeSheet(f *excelize.File, s sheet, st styles) error {
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	header := make([]any, len(s.headers))
	for i, h := range s.headers {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
		if err := sw.SetColWidth(i+1, i+1, columnWidth(s, i)); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for r, row := range s.rows {
		cells := make([]any, len(row))
		for i, v := range row {
			cells[i] = cell(v, s.formats[i], st)
		}
		addr, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(addr, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// columnWidth fits a column to its header and its texts, within 12 and 60 characters.
func columnWidth(s sheet, i int) float64 {
	n := utf8.RuneCountInString(s.headers[i])
	for _, row := range s.rows {
		if text, ok := row[i].(string); ok {
			n = max(n, utf8.RuneCountInString(text))
		}
	}
	return float64(min(max(12, n+2), 60))
}

// styled is a value with its own format, in a column whose rows differ (key indicators: counts,
// rates, hours).
type styled struct {
	v      any
	format cellFormat
}

// cell types a value; text that a spreadsheet could take for a formula is neutralised.
func cell(v any, format cellFormat, st styles) any {
	if s, ok := v.(styled); ok {
		v, format = s.v, s.format
	}
	switch x := v.(type) {
	case nil:
		return nil
	case sql.NullFloat64:
		if !x.Valid {
			return nil
		}
		v = x.Float64
	case sql.NullInt64:
		if !x.Valid {
			return nil
		}
		v = x.Int64
	case sql.NullString:
		if !x.Valid {
			return nil
		}
		return neutralised(x.String)
	case string:
		return neutralised(x)
	}
	if n, ok := v.(int64); ok {
		v = int(n)
	}
	if n, ok := v.(int); ok && (n < 0 || format == asPersons && frfmt.Hidden(n, st.threshold)) {
		return frfmt.Persons(n, st.threshold) // masked by the secrecy the marts declare: no count is negative
	}
	switch format {
	case asPersons, asInt:
		return excelize.Cell{StyleID: st.integer, Value: v}
	case asDecimal:
		return excelize.Cell{StyleID: st.decimal, Value: v}
	case asPercent:
		return excelize.Cell{StyleID: st.percent, Value: v}
	case asDate:
		return excelize.Cell{StyleID: st.date, Value: v}
	case asYear:
		return excelize.Cell{StyleID: st.year, Value: v}
	}
	return v
}

// persons is a key indicator that counts persons, for a cell: the count, or « < 5 » below the
// threshold.
func persons(v sql.NullFloat64, threshold int) any {
	if !v.Valid {
		return nil
	}
	n := int(math.Round(v.Float64))
	if frfmt.Hidden(n, threshold) {
		return frfmt.Persons(n, threshold)
	}
	return n
}

// neutralised keeps a text from being read as a formula when the sheet is saved as CSV or the
// cell retyped: a leading = + - @ tab or return gets an apostrophe before it.
func neutralised(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func workbookSheets(b *marts.Bundle, year int) []sheet {
	key := sheet{name: "Indicateurs clés", headers: []string{"Année", "Indicateur", "Valeur", "Unité", "Données", "Valeur N-1", "Données N-1"},
		formats: []cellFormat{asYear, asText, asDecimal, asText, asText, asDecimal, asText}}
	for _, i := range b.IndicateursCles {
		if i.Annee == year {
			f := unitFormat(i.Unite)
			value, previous := any(styled{i.Valeur, f}), any(styled{i.ValeurN1, f})
			if i.Unite == marts.UnitPersons { // counts of persons: « < 5 » below the threshold
				value, previous = styled{persons(i.Valeur, b.InfosEntrepot.SecretStatistique), f}, styled{persons(i.ValeurN1, b.InfosEntrepot.SecretStatistique), f}
			}
			key.rows = append(key.rows, []any{i.Annee, i.Libelle, value, i.Unite, i.Donnees, previous, i.DonneesN1})
		}
	}
	eaje := sheet{name: "EAJE", headers: []string{"Code", "Structure", "Année", "Mois", "Heures réalisées", "Capacité théorique (heures)",
		"Taux d'occupation réel", "Taux d'occupation financier", "Données"},
		formats: []cellFormat{asText, asText, asYear, asInt, asDecimal, asDecimal, asPercent, asPercent, asText}}
	for _, m := range b.EAJEOccupationMensuelle {
		if m.Annee == year {
			eaje.rows = append(eaje.rows, []any{m.Code, m.Nom, m.Annee, m.Mois, m.HeuresRealisees, m.Capacite, m.TauxReel, m.TauxFinancier, m.Donnees})
		}
	}
	eajeYear := sheet{name: "EAJE année", headers: []string{"Code", "Structure", "Année", "Jours d'ouverture",
		"Capacité théorique (heures)", "Heures réalisées", "Heures facturées", "Taux d'occupation réel",
		"Taux d'occupation financier", "Taux de facturation", "Zone de facturation", "Enfants accueillis"},
		formats: []cellFormat{asText, asText, asYear, asInt, asDecimal, asDecimal, asDecimal, asPercent, asPercent, asPercent, asText, asPersons}}
	for _, y := range b.EAJEOccupationAnnuelle {
		if y.Annee == year {
			eajeYear.rows = append(eajeYear.rows, []any{y.Code, y.Nom, y.Annee, y.Jours, y.Capacite, y.HeuresRealisees, y.HeuresFacturees,
				y.TauxReel, y.TauxFinancier, y.TauxFacturation, y.Zone, y.Enfants})
		}
	}
	acm := sheet{name: "ACM", headers: []string{"Code", "Accueil", "Période", "Début", "Fin", "Enfants-jours", "Places-jours",
		"Taux de remplissage par créneau", "Enfants différents", "Actes (heures réalisées)", "Données"},
		formats: []cellFormat{asText, asText, asText, asDate, asDate, asInt, asInt, asPercent, asPersons, asDecimal, asText}}
	for _, p := range b.ACMFrequentation {
		if p.Annee == year {
			acm.rows = append(acm.rows, []any{p.Code, p.Nom, p.Periode, p.Debut, p.Fin, p.EnfantsJours, p.Capacite, p.TauxRemplissage, p.Enfants,
				p.HeuresRealisees, p.Donnees})
		}
	}
	sejours := sheet{name: "Séjours", headers: []string{"Code", "Séjour", "Places", "Participants", "Liste d'attente", "Taux de remplissage"},
		formats: []cellFormat{asText, asText, asInt, asPersons, asPersons, asPercent}}
	for _, s := range b.SejoursRemplissage {
		if s.Annee == year {
			sejours.rows = append(sejours.rows, []any{s.Code, s.Intitule, s.Places, s.Participants, s.ListeAttente, s.TauxRemplissage})
		}
	}
	training := sheet{name: "Formation", headers: []string{"Antenne", "AM actives au 1er janvier", "AM formées", "Taux de départ en formation",
		"Sessions programmées", "Sessions annulées", "Sessions sous le minimum", "Heures suivies"},
		formats: []cellFormat{asText, asPersons, asPersons, asPercent, asInt, asInt, asInt, asDecimal}}
	for _, t := range b.FormationAnnuelle {
		if t.Annee == year {
			training.rows = append(training.rows, []any{t.NomAntenne, t.AMActives, t.AMFormees, t.TauxDepart, t.SessionsProgrammees, t.SessionsAnnulees, t.SousMinimum, t.Heures})
		}
	}
	am := sheet{name: "Assistants maternels", headers: []string{"Année", "Agréés au 1er janvier", "Nouveaux agréments", "Cessations",
		"dont retraites", "Ratio de renouvellement", "Agréés au 31 décembre", "dont en activité (registre)", "Places agréées", "Âge moyen"},
		formats: []cellFormat{asYear, asPersons, asPersons, asPersons, asPersons, asDecimal, asPersons, asPersons, asInt, asDecimal}}
	for _, y := range b.AMAttractiviteAnnuelle {
		am.rows = append(am.rows, []any{y.Annee, y.Actives1erJanvier, y.Nouveaux, y.Cessations, y.Retraites, y.Ratio, y.Actives31Decembre,
			y.EnActivite, y.Places, y.AgeMoyen})
	}
	coverage := sheet{name: "Couverture", headers: []string{"Code INSEE", "Commune", "Places AM", "Places EAJE", "Enfants de moins de 3 ans",
		"Places pour 100 enfants", "Effectif estimé"}, formats: []cellFormat{asText, asText, asInt, asDecimal, asPersons, asDecimal, asText}}
	for _, c := range b.CouvertureCommune {
		if c.Annee == year {
			estimate := "non"
			if c.Estimation {
				estimate = "oui"
			}
			coverage.rows = append(coverage.rows, []any{c.Insee, c.Nom, c.PlacesAM, c.PlacesEAJE, c.Enfants, c.Taux, estimate})
		}
	}
	regimes := sheet{name: "EAJE régimes", headers: []string{"Code", "Année", "Régime", "Heures réalisées", "Heures facturées", "Part des heures facturées"},
		formats: []cellFormat{asText, asYear, asText, asDecimal, asDecimal, asPercent}}
	for _, r := range b.EAJEHeuresRegime {
		if r.Annee == year {
			regimes.rows = append(regimes.rows, []any{r.Code, r.Annee, r.Regime, r.HeuresRealisees, r.HeuresFacturees, r.Part})
		}
	}
	return append([]sheet{key, completenessSheet(b, year), eajeYear, eaje, regimes, psuSheet(b, year), acm, actsSheet(b, year), sejours, training, am, coverage, ctgSheet(b)}, rpeSheets(b, year)...)
}

// unitFormat is how a key indicator of a unit is written: a rate as a percentage, a count whole.
func unitFormat(unit string) cellFormat {
	switch unit {
	case "taux":
		return asPercent
	case "nombre", marts.UnitPersons:
		return asInt
	}
	return asDecimal
}

// completenessSheet lists, for the year, every export expected and what was received of it.
func completenessSheet(b *marts.Bundle, year int) sheet {
	s := sheet{name: "Complétude", headers: []string{"Code", "Structure", "Export", "Période", "Données", "Fichiers chargés",
		"Fichiers refusés", "Lignes chargées", "Lignes rejetées", "Raison du refus"},
		formats: []cellFormat{asText, asText, asText, asText, asText, asInt, asInt, asInt, asInt, asText}}
	for _, c := range b.Completude {
		if c.Annee == year {
			s.rows = append(s.rows, []any{c.Code, c.Nom, c.Type, c.Periode, c.Statut, c.Fichiers, c.FichiersRefuses,
				c.LignesChargees, c.LignesRejetees, c.Motif})
		}
	}
	return s
}
