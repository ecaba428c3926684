package reports

import (
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
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
	if len(b.CTGSuivi) == 0 {
		m.AddAutoRow(text.NewCol(12, "Le fichier de territoire ne donne pas les années de la convention ni ses cibles (section [ctg]) : "+
			"aucun objectif n'est suivi.", props.Text{Size: 8, Top: 1}))
		return
	}
	first := b.CTGSuivi[0]
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
	byCode := map[string][]marts.CTGSuivi{}
	var codes []string
	for _, c := range b.CTGSuivi {
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

// careKinds group the structures' types into the services of the commune table.
var careKinds = []struct {
	title, prefix string
	exports       []string
}{
	{"EAJE", "eaje_", []string{"eaje_presences"}},
	{"ACM", "acm_", []string{"acm_periodes", "acm_presences"}},
	{"Séjours", "jeunesse_", []string{"sejours", "sejours_inscriptions"}},
}

// addCommuneUse is the use of the services by the children of each commune (marts.accueil_par_commune)
// in the first and the last year: children received, added over the structures of a kind.
func addCommuneUse(m core.Maroto, b *marts.Bundle, first, last int, t int) {
	heading(m, "Par commune : enfants et jeunes accueillis par service")
	type key struct {
		insee, kind string
		year        int
	}
	type sum struct {
		total, parts int
		masked       bool
	}
	sums := map[key]*sum{}
	for _, c := range b.AccueilParCommune {
		if c.Annee != first && c.Annee != last {
			continue
		}
		for _, k := range careKinds {
			if !strings.HasPrefix(c.Type, k.prefix) {
				continue
			}
			x := key{c.Insee, k.title, c.Annee}
			if sums[x] == nil {
				sums[x] = &sum{}
			}
			s := sums[x]
			s.parts++
			if c.Enfants < 0 { // masked by the secret statistique
				s.masked = true
			}
			s.total += c.Enfants
		}
	}
	years := []int{first, last}
	if first == last {
		years = years[:1]
	}
	tab := table{widths: []int{12 - len(careKinds)*len(years)}, header: []string{"Commune"}}
	for _, k := range careKinds {
		for _, y := range years {
			tab.widths = append(tab.widths, 1)
			tab.header = append(tab.header, k.title+" "+strconv.Itoa(y))
		}
	}
	for _, c := range b.DimCommune {
		row := []string{c.Nom}
		received := false
		for _, k := range careKinds {
			for _, y := range years {
				s, state := sums[key{c.Insee, k.title, y}], stateOf(b, y, "", k.exports...)
				switch {
				case s == nil:
					row = append(row, marked("0", state))
					continue
				case s.masked && s.parts > 1: // the sum would give a masked count back
					row = append(row, "–")
				default:
					row = append(row, marked(frfmt.Persons(s.total, t), state))
				}
				received = true
			}
		}
		if received {
			tab.add(row...)
		}
	}
	if len(tab.rows) == 0 {
		m.AddAutoRow(text.NewCol(12, "Aucun enfant accueilli n'a de commune de résidence connue ces années-là.", props.Text{Size: 8, Top: 1}))
		return
	}
	tab.addTo(m)
	m.AddAutoRow(text.NewCol(12, "Enfants et jeunes différents de la commune (commune de résidence de leurs présences ou inscriptions) "+
		"accueillis dans l'année par chaque structure, additionnés sur les structures du service : un enfant venu dans deux "+
		"accueils de mineurs compte deux fois. EAJE : multi-accueils et haltes-garderies ; ACM : accueils de loisirs et "+
		"périscolaires ; séjours : participants présents ou inscrits. « – » : une somme qui compterait un effectif masqué par le "+
		"secret statistique. Les communes sans aucun enfant accueilli ces années-là et les enfants qui habitent hors du "+
		"territoire ne sont pas dans le tableau.", props.Text{Size: 8, Top: 1}))
}

// addCNAFCoverage puts the CNAF's published taux de couverture global of the EPCI and its
// neighbours beside this tool's places for 100 children, each named for what it counts; s is the
// evaluation's, its year the last.
func addCNAFCoverage(m core.Maroto, s *scope) {
	b, last := s.b, s.year
	if len(b.CouvertureCNAFEPCI) == 0 {
		return
	}
	heading(m, "Couverture : le chiffre de cet outil et celui publié par la CNAF")
	tab := table{widths: []int{4, 1, 1, 1, 1, 4}, header: []string{"Territoire", "Année", "Pour 100 enfants", "dont EAJE", "dont AM", "Source"}}
	var ours []int
	for _, c := range b.CouvertureCNAFEPCI {
		if !slices.Contains(ours, c.Annee) {
			ours = append(ours, c.Annee)
		}
	}
	if !slices.Contains(ours, last) {
		ours = append(ours, last)
	}
	for _, y := range ours {
		total, am := s.at[indicatorKey{"couverture_totale", y}], s.at[indicatorKey{"couverture_am", y}]
		if !total.Valeur.Valid && total.Donnees == "" {
			continue
		}
		eaje := sql.NullFloat64{}
		if total.Valeur.Valid && am.Valeur.Valid {
			eaje = sql.NullFloat64{Float64: total.Valeur.Float64 - am.Valeur.Float64, Valid: true}
		}
		source := "cet outil : places agréées des assistants maternels et places des EAJE des exports, pour 100 enfants de moins de 3 ans"
		if estimated(b, y) {
			source += " ; enfants de moins de 3 ans estimés"
		}
		tab.add(b.InfosEntrepot.Territoire+" (cet outil)", strconv.Itoa(y), marked(decimalCell(total.Valeur, 1), total.Donnees),
			marked(decimalCell(eaje, 1), total.Donnees), marked(decimalCell(am.Valeur, 1), am.Donnees), source)
	}
	for _, c := range b.CouvertureCNAFEPCI {
		source := "CNAF, taux de couverture global " + strconv.Itoa(c.Annee) + ", source secondaire « à vérifier sur data.caf.fr »"
		if c.Verifie {
			source = "CNAF, taux de couverture global " + strconv.Itoa(c.Annee) + " (data.caf.fr)"
		}
		tab.add(c.Nom+" (CNAF)", strconv.Itoa(c.Annee), decimalCell(c.Global, 1), decimalCell(c.EAJE, 1), decimalCell(c.AM, 1), source)
	}
	tab.addTo(m)
	m.AddAutoRow(text.NewCol(12, "Les deux chiffres ne se comparent pas tels quels. Celui de cet outil rapporte aux enfants de moins de "+
		"3 ans les places agréées des assistants maternels dont l'agrément court au 31 décembre (qu'ils accueillent des enfants "+
		"ou non) et les places des EAJE dont les exports arrivent ici. Le taux de couverture global de la CNAF compte aussi les enfants de 2 ans scolarisés, la "+
		"garde à domicile et les EAJE qui ne relèvent pas de l'intercommunalité, et, pour les assistants maternels, seulement les "+
		"places de ceux qui accueillent effectivement des enfants ; son total peut donc dépasser la somme de ses colonnes EAJE et "+
		"AM. Les chiffres de la CNAF ont été recopiés d'une source secondaire et n'ont pas été vérifiés : vérifiez-les sur "+
		"data.caf.fr avant de les citer.", props.Text{Size: 8, Top: 1}))
}

// estimated says whether a year's coverage rests on estimated counts of children.
func estimated(b *marts.Bundle, year int) bool {
	for _, c := range b.CouvertureCommune {
		if c.Annee == year && c.Estimation {
			return true
		}
	}
	return false
}
