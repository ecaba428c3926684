package reports

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/core"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// FicheSources names the sources of a commune's page.
const FicheSources = "INSEE (populations légales) ; registre des assistants maternels ; exports des structures"

// Fiche is the page of one commune for its maire: its assistants maternels and places, its
// children in each structure, its coverage and how it moved over the years.
func Fiche(meta Meta, b *marts.Bundle, c marts.Commune, year int) (core.Maroto, error) {
	m, err := newDocument(meta, c.Nom+" — fiche commune "+strconv.Itoa(year))
	if err != nil {
		return nil, err
	}
	t := meta.Infos.SecretStatistique
	var now, first *marts.Coverage
	var history []marts.Coverage
	for i := range b.Coverage {
		cv := b.Coverage[i]
		if cv.Insee != c.Insee {
			continue
		}
		history = append(history, cv)
		if cv.Annee == year {
			now = &b.Coverage[i]
		}
		if first == nil || cv.Annee < first.Annee {
			first = &b.Coverage[i]
		}
	}
	m.AddRows(paragraph(c.Nom + " (" + c.Insee + ") : " + frfmt.Int(c.Population) + " habitants (population municipale " +
		strconv.Itoa(c.PopulationAnnee) + ")."))
	heading(m, "L'accueil des jeunes enfants dans la commune en "+strconv.Itoa(year))
	widths := []int{8, 4}
	rows := [][2]string{{"Assistants maternels en activité au 31 décembre", "–"}, {"Places agréées chez ces assistants maternels", "–"},
		{"Places en EAJE (part des sites d'un bus)", "–"}, {"Enfants de moins de 3 ans", "–"}, {"Places pour 100 enfants de moins de 3 ans", "–"}}
	if now != nil {
		rows[0][1] = frfmt.Persons(now.AM, t)
		rows[1][1] = frfmt.Int(now.PlacesAM)
		rows[2][1] = frfmt.Decimal(now.PlacesEAJE, 1)
		if now.Enfants.Valid {
			rows[3][1] = frfmt.Persons(int(now.Enfants.Int64), t)
			if now.Estimation {
				rows[3][1] += " (estimation)"
			}
		}
		if now.Taux.Valid {
			rows[4][1] = frfmt.Decimal(now.Taux.Float64, 1)
		}
	}
	for i, r := range rows {
		m.AddRows(tableRow([]string{r[0], r[1]}, widths, false, i%2 == 1))
	}
	heading(m, "Enfants et jeunes de la commune accueillis par les structures en "+strconv.Itoa(year))
	m.AddRows(tableRow([]string{"Structure", "Enfants"}, widths, true, false))
	n := 0
	for _, care := range b.Care {
		if care.Insee == c.Insee && care.Annee == year {
			m.AddRows(tableRow([]string{care.Nom, frfmt.Persons(care.Enfants, t)}, widths, false, n%2 == 1))
			n++
		}
	}
	if n == 0 {
		m.AddRows(paragraph("Aucun enfant de la commune dans les exports de l'année."))
	}
	heading(m, "Évolution")
	widths = []int{2, 3, 3, 4}
	m.AddRows(tableRow([]string{"Année", "Assistants maternels", "Places agréées", "Places pour 100 enfants"}, widths, true, false))
	for i, h := range history {
		taux := "–"
		if h.Taux.Valid {
			taux = frfmt.Decimal(h.Taux.Float64, 1)
		}
		m.AddRows(tableRow([]string{strconv.Itoa(h.Annee), frfmt.Persons(h.AM, t), frfmt.Int(h.PlacesAM), taux}, widths, false, i%2 == 1))
	}
	if first != nil && now != nil && first.Annee < now.Annee {
		m.AddRows(paragraph("Depuis " + strconv.Itoa(first.Annee) + " : " + signed(now.PlacesAM-first.PlacesAM) +
			" places agréées chez les assistants maternels de la commune."))
	}
	return m, nil
}

// signed writes a whole number with its sign: +3, −12, 0.
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + frfmt.Int(n)
	case n < 0:
		return "−" + frfmt.Int(-n)
	}
	return "0"
}
