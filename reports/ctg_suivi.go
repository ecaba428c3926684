package reports

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/marts"
)

// ctgRule is the rule of « en bonne voie », as the CTG evaluation and the guide state it.
const ctgRule = "Base : la valeur de l'année avant la première année de la convention. Cible : la valeur à atteindre la " +
	"dernière année (fichier de territoire, section [ctg.cibles]). Un indicateur est « en bonne voie » quand il a fait, depuis " +
	"la base, au moins la part du chemin vers la cible qui correspond aux années écoulées (par exemple la moitié du chemin à " +
	"mi-parcours), « cible atteinte » quand il l'atteint déjà, « en retard » sinon. Une valeur ou une base calculée sur des " +
	"données incomplètes n'est jamais dite en bonne voie : « données incomplètes »."

// addCTGTargets is the follow-up of the CTG's targets: for each indicator with a target, its
// baseline, its value each year of the convention, the target and where it stands (see
// marts.ctg_suivi for the rule).
func addCTGTargets(m core.Maroto, b *marts.Bundle, t int) {
	heading(m, "Suivi des objectifs de la convention")
	if len(b.CTG) == 0 {
		m.AddAutoRow(text.NewCol(12, "Le fichier de territoire ne donne pas les années de la convention ni ses cibles (section [ctg]) : "+
			"aucun objectif n'est suivi.", props.Text{Size: 8, Top: 1}))
		return
	}
	first := b.CTG[0]
	var years []int
	for y := max(first.Premiere, first.Derniere-4); y <= first.Derniere; y++ { // five years fit the page
		years = append(years, y)
	}
	m.AddAutoRow(text.NewCol(12, "Convention "+strconv.Itoa(first.Premiere)+"–"+strconv.Itoa(first.Derniere)+", base "+
		strconv.Itoa(first.AnneeBase)+". "+ctgRule, props.Text{Size: 8, Top: 1, Bottom: 1}))
	tab := table{widths: []int{12 - len(years) - 4, 1}, header: []string{"Indicateur", "Base " + strconv.Itoa(first.AnneeBase)}}
	for _, y := range years {
		tab.widths = append(tab.widths, 1)
		tab.header = append(tab.header, strconv.Itoa(y))
	}
	tab.widths = append(tab.widths, 1, 2)
	tab.header = append(tab.header, "Cible "+strconv.Itoa(first.Derniere), "Où en est-on ?")
	byCode := map[string][]marts.CTGTrack{}
	var codes []string
	for _, c := range b.CTG {
		if !c.Cible.Valid {
			continue
		}
		if byCode[c.Code] == nil {
			codes = append(codes, c.Code)
		}
		byCode[c.Code] = append(byCode[c.Code], c)
	}
	for _, code := range codes {
		rows := byCode[code]
		person := rows[0].Unite == marts.UnitPersons
		row := []string{rows[0].Libelle, marked(formatValue(rows[0].ValeurBase, rows[0].Unite, person, t), rows[0].DonneesBase)}
		status := ""
		for _, y := range years {
			cell := "–"
			for _, c := range rows {
				if c.Annee != y {
					continue
				}
				if c.Valeur.Valid || c.Donnees != "manquant" {
					cell = marked(formatValue(c.Valeur, c.Unite, person, t), c.Donnees)
				}
				if c.Appreciation != "à venir" {
					status = c.Appreciation + " (" + strconv.Itoa(y) + ")"
				}
			}
			row = append(row, cell)
		}
		tab.add(append(row, formatValue(rows[0].Cible, rows[0].Unite, false, t), status)...)
	}
	if len(codes) == 0 {
		m.AddAutoRow(text.NewCol(12, "Aucune cible n'est donnée (section [ctg.cibles] du fichier de territoire).", props.Text{Size: 8, Top: 1}))
		return
	}
	tab.addTo(m)
}
