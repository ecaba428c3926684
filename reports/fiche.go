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
	var history []marts.Coverage
	var now *marts.Coverage
	for _, cv := range b.Coverage {
		if cv.Insee == c.Insee {
			history = append(history, cv)
		}
	}
	for i := range history {
		if history[i].Annee == year {
			now = &history[i]
		}
	}
	m.AddRows(paragraph(c.Nom + " (" + c.Insee + ") : " + frfmt.Int(c.Population) + " habitants (population municipale " +
		strconv.Itoa(c.PopulationAnnee) + ")."))
	addCompleteness(m, b, year, year)
	s := newScope(inFiche, b, year, []int{year})
	s.commune = c
	addRetenir(m, s.facts())
	addCommuneCare(m, now, year, t, stateOf(b, year, "", "am_registre") != "manquant")
	addTerritoryCoverage(m, s)
	addCommuneChildren(m, b, c.Insee, year, t)
	addCommuneHistory(m, history, now, t)
	return m, nil
}

// addCommuneCare is the commune's care for young children in the year: its assistants
// maternels, their places, its EAJE places and its coverage.
// Without the year's register of the AM, its figures are « manquant », never the year before's.
func addCommuneCare(m core.Maroto, now *marts.Coverage, year, t int, register bool) {
	heading(m, "L'accueil des jeunes enfants dans la commune en "+strconv.Itoa(year))
	none := "–"
	if !register {
		none = "manquant (registre des assistants maternels de l'année non reçu)"
	}
	rows := [][2]string{{"Assistants maternels agréés au 31 décembre", none}, {"Places agréées chez ces assistants maternels", none},
		{"Places en EAJE (part des sites d'un bus)", none}, {"Enfants de moins de 3 ans", none}, {"Places pour 100 enfants de moins de 3 ans", none}}
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
		m.AddRows(tableRow([]string{r[0], r[1]}, []int{8, 4}, false, i%2 == 1))
	}
}

// addCommuneChildren lists the structures that took children of the commune in the year.
// A structure whose presences of the year are not all in says « partiel » after its count.
func addCommuneChildren(m core.Maroto, b *marts.Bundle, insee string, year, t int) {
	heading(m, "Enfants et jeunes de la commune accueillis par les structures en "+strconv.Itoa(year))
	children := table{widths: []int{8, 4}, header: []string{"Structure", "Enfants"}}
	for _, c := range b.Care {
		if c.Insee == insee && c.Annee == year {
			state := partialOnly(stateOf(b, year, c.Code, "eaje_presences", "acm_presences", "sejours_inscriptions"))
			children.add(c.Nom, marked(frfmt.Persons(c.Enfants, t), state))
		}
	}
	if len(children.rows) == 0 {
		m.AddRows(paragraph("Aucun enfant de la commune dans les exports de l'année."))
		return
	}
	children.addTo(m)
}

// addCommuneHistory is the commune's assistants maternels, places and coverage year by year, and
// the change in places since the first year.
func addCommuneHistory(m core.Maroto, history []marts.Coverage, now *marts.Coverage, t int) {
	heading(m, "Évolution")
	years := table{widths: []int{2, 3, 3, 4}, header: []string{"Année", "Assistants maternels", "Places agréées", "Places pour 100 enfants"}}
	for _, h := range history {
		taux := "–"
		if h.Taux.Valid {
			taux = frfmt.Decimal(h.Taux.Float64, 1)
		}
		years.add(strconv.Itoa(h.Annee), frfmt.Persons(h.AM, t), frfmt.Int(h.PlacesAM), taux)
	}
	years.addTo(m)
	if len(history) > 0 && now != nil && history[0].Annee < now.Annee {
		first := history[0]
		m.AddRows(paragraph("Depuis " + strconv.Itoa(first.Annee) + " : " + signed(now.PlacesAM-first.PlacesAM) +
			" places agréées chez les assistants maternels de la commune."))
	}
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
