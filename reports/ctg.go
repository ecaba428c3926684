package reports

import (
	"slices"
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/core"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// CTGSources names the sources of the CTG evaluation.
const CTGSources = "indicateurs clés de l'entrepôt enfance (exports des structures, registre des AM, INSEE)"

// ctgThemes groups the key indicators by the themes of the Convention Territoriale Globale.
var ctgThemes = []struct{ title, theme string }{
	{"Petite enfance", "petite enfance"},
	{"Assistants maternels", "assistants maternels"},
	{"Formation des assistants maternels", "formation"},
	{"Relais Petite Enfance", "relais"},
	{"Enfance", "enfance"},
	{"Jeunesse", "jeunesse"},
}

// CTG is the multi-year evaluation of the Convention Territoriale Globale: every key indicator
// from the first year to the last, by theme, and a table by commune.
func CTG(meta Meta, b *marts.Bundle, first, last int) (core.Maroto, error) {
	m, err := newDocument(meta, "Évaluation CTG "+strconv.Itoa(first)+"–"+strconv.Itoa(last))
	if err != nil {
		return nil, err
	}
	t := meta.Infos.SecretStatistique
	years := []int{}
	for y := max(first, last-6); y <= last; y++ { // seven years fit the page
		years = append(years, y)
	}
	m.AddRows(paragraph("Année de référence " + strconv.Itoa(first) + ", dernière année " + strconv.Itoa(last) +
		" : la valeur de chaque année et l'écart entre les deux."))
	addCompleteness(m, b, first, last)
	s := newScope(inCTG, b, last, years)
	addRetenir(m, s.facts())
	widths := []int{12 - len(years) - 2}
	for range years {
		widths = append(widths, 1)
	}
	widths = append(widths, 2)
	for _, th := range ctgThemes {
		var rows [][]string
		var codes []string
		for _, i := range b.IndicateursCles {
			if i.Theme == th.theme && !slices.Contains(codes, i.Code) {
				codes = append(codes, i.Code)
			}
		}
		for _, code := range codes {
			row := []string{""}
			for _, y := range years {
				cell := "–"
				if i, ok := s.at[indicatorKey{code, y}]; ok {
					row[0] = i.Libelle
					cell = marked(formatValue(i.Valeur, i.Unite, i.Unite == marts.UnitPersons, t), i.Donnees)
				}
				row = append(row, cell)
			}
			// The gap is from the reference year, even when the table shows only the last seven.
			end, start := s.at[indicatorKey{code, last}], s.at[indicatorKey{code, first}]
			end.ValeurN1, end.DonneesN1 = start.Valeur, start.Donnees
			rows = append(rows, append(row, trend(end)))
		}
		if len(rows) == 0 {
			continue
		}
		heading(m, th.title)
		header := []string{"Indicateur"}
		for _, y := range years {
			header = append(header, strconv.Itoa(y))
		}
		(&table{widths: widths, header: append(header, "Écart"), rows: rows}).addTo(m)
	}
	addCTGTargets(m, b, t)
	addCommuneTable(m, b, first, last)
	addCommuneUse(m, b, first, last, t)
	addCNAFCoverage(m, s)
	return m, nil
}

// addCommuneTable compares each commune's coverage in the first and the last year.
func addCommuneTable(m core.Maroto, b *marts.Bundle, first, last int) {
	heading(m, "Par commune : places (assistants maternels et EAJE) pour 100 enfants de moins de 3 ans")
	widths := []int{4, 2, 2, 2, 2}
	f, l := strconv.Itoa(first), strconv.Itoa(last)
	// The places beside the coverage are those it counts: AM and EAJE together.
	communes := table{widths: widths, header: []string{"Commune", "Places " + f, "Places " + l, "Couverture " + f, "Couverture " + l}}
	byKey := map[string]marts.CouvertureCommune{}
	for _, c := range b.CouvertureCommune {
		byKey[c.Insee+strconv.Itoa(c.Annee)] = c
	}
	for _, c := range b.DimCommune {
		a, z := byKey[c.Insee+f], byKey[c.Insee+l]
		communes.add(c.Nom, frfmt.Decimal(float64(a.PlacesAM)+a.PlacesEAJE, 1), frfmt.Decimal(float64(z.PlacesAM)+z.PlacesEAJE, 1), rateCell(a), rateCell(z))
	}
	communes.addTo(m)
}

func rateCell(c marts.CouvertureCommune) string {
	if !c.Taux.Valid {
		return "–"
	}
	return frfmt.Decimal(c.Taux.Float64, 1)
}
