package reports

import (
	"cmp"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// BilanSources names the sources of the CAF evaluation.
const BilanSources = "exports des structures (présences, capacités, déclarations TAM) ; registre et activité du RPE"

// Bilan is the CAF evaluation of a year: the PSU indicators of each EAJE by month with the
// taux de facturation band, ACM attendance by declared period, séjours, the relais' activity and
// training, brakes and levers, and the data quality annex.
func Bilan(meta Meta, b *marts.Bundle, year int) (core.Maroto, error) {
	m, err := newDocument(meta, "Bilan CAF "+strconv.Itoa(year)+" — Enfance-Jeunesse")
	if err != nil {
		return nil, err
	}
	t := meta.Infos.SecretStatistique
	addCompleteness(m, b, year, year)
	heading(m, "1. Établissements d'accueil du jeune enfant (prestation de service unique)")
	for _, y := range b.EAJEOccupationAnnuelle {
		if y.Annee != year {
			continue
		}
		keepWithNext(m, text.NewRow(11, y.Nom+" — zone de facturation : "+dash(y.Zone), props.Text{Size: 9, Style: fontstyle.Bold, Top: 2}), 11)
		months := table{widths: []int{2, 1, 2, 2, 2, 1, 1, 1},
			header: []string{"Mois", "Jours", "Capacité (h)", "Réalisées (h)", "Facturées (h)", "T. réel", "T. fin.", "T. fact."},
			total:  yearRow(y)}
		for _, mo := range b.EAJEOccupationMensuelle {
			if mo.Code == y.Code && mo.Annee == year {
				months.add(monthRow(mo)...)
			}
		}
		months.addTo(m)
		m.AddRows(text.NewRow(6, "Enfants accueillis dans l'année : "+frfmt.Persons(y.Enfants, t), props.Text{Size: 8, Top: 1}))
		if line := regimeLine(b.EAJEHeuresRegime, y.Code, year); line != "" {
			m.AddAutoRow(text.NewCol(12, line, props.Text{Size: 8, Top: 1}))
		}
	}
	addPSUDeclarations(m, b, year)
	heading(m, "2. Accueils collectifs de mineurs (périodes déclarées)")
	// Hours of presence, before the Wednesday caps of the actes (addACMActs); the fill rate is
	// per slot (morning, noon, evening, day), which child-days against place-days are not.
	acm := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Accueil", "Période", "Heures réalisées", "Enfants-jours", "Remplissage par créneau"}}
	for _, p := range rowsOfYear(b.ACMFrequentation, year, func(p marts.ACMFrequentation) int { return p.Annee }) {
		acm.add(p.Nom, periodOf(p), marked(frfmt.Decimal(p.HeuresRealisees, 1), p.Donnees), marked(frfmt.Int(p.EnfantsJours), p.Donnees),
			marked(pct(p.TauxRemplissage), p.Donnees))
	}
	acm.addTo(m)
	addACMActs(m, b, year)
	heading(m, "3. Séjours")
	sejours := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Séjour", "Places", "Participants", "En attente", "Remplissage"}}
	for _, s := range rowsOfYear(b.SejoursRemplissage, year, func(s marts.SejoursRemplissage) int { return s.Annee }) {
		sejours.add(s.Intitule, frfmt.Int(s.Places), marked(frfmt.Persons(s.Participants, t), s.Donnees), frfmt.Persons(s.ListeAttente, t),
			marked(pct(s.TauxRemplissage), s.Donnees))
	}
	sejours.addTo(m)
	addRPE(m, b, year, t)
	addQuality(m, b.QualiteDonnees)
	return m, nil
}

// regimeWords name the families' régimes.
var regimeWords = map[string]string{"general": "régime général", "msa": "MSA", "autre": "autres régimes", "non_renseigne": "régime non renseigné"}

// regimeLine says an EAJE's billed hours of the year by régime: the PSU is multiplied by the share
// of the régime général.
func regimeLine(rows []marts.EAJEHeuresRegime, code string, year int) string {
	var parts []string
	for _, r := range rows {
		if r.Code == code && r.Annee == year {
			parts = append(parts, cmp.Or(regimeWords[r.Regime], r.Regime)+" "+frfmt.Decimal(r.HeuresFacturees, 1)+" h ("+pct(r.Part)+")")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Heures facturées par régime des familles (la PSU est multipliée par la part du régime général) : " + strings.Join(parts, " ; ") + "."
}

// periodOf names a declared period by its days (« du 7 juillet au 29 août 2025 ») rather than its
// code; the code stays in the workbook.
func periodOf(p marts.ACMFrequentation) string {
	if p.Debut.IsZero() || p.Fin.IsZero() {
		return p.Periode
	}
	return frfmt.Span(p.Debut, p.Fin)
}

// perETP writes the AM for one ETP of animation, « – » without ETP.
func perETP(v sql.NullFloat64) string {
	if !v.Valid {
		return "–"
	}
	return frfmt.Decimal(v.Float64, 0)
}

// monthRow is a month of an EAJE in the CAF evaluation: a month without presences says so in
// place of its hours and rates, never 0.
func monthRow(mo marts.EAJEOccupationMensuelle) []string {
	name, days, capacity := frfmt.Month(monthOf(mo.Mois)), frfmt.Int(mo.Jours), frfmt.Decimal(mo.Capacite, 0)
	if !mo.HeuresRealisees.Valid {
		return []string{name, days, capacity, marked("", mo.Donnees), "–", "–", "–", "–"}
	}
	return []string{name + marked("", mo.Donnees), days, capacity, frfmt.Decimal(mo.HeuresRealisees.Float64, 1),
		frfmt.Decimal(mo.HeuresFacturees.Float64, 1), pct(mo.TauxReel), pct(mo.TauxFinancier), pct(mo.TauxFacturation)}
}

// yearRow is the year of an EAJE: its totals over the months received, said so when some miss
// (« Année (sans 2 mois) »: the rates are those of the other months).
func yearRow(y marts.EAJEOccupationAnnuelle) []string {
	label := "Année"
	switch {
	case y.Donnees == "manquant":
		return []string{"Année", "manquant", "", "", "", "", "", ""}
	case y.MoisSansDonnees > 0:
		label = "Année (sans " + strconv.Itoa(y.MoisSansDonnees) + " mois)"
	case y.Donnees == "partiel":
		label = "Année (partiel)"
	}
	return []string{label, frfmt.Int(y.Jours), frfmt.Decimal(y.Capacite, 0), frfmt.Decimal(y.HeuresRealisees, 1),
		frfmt.Decimal(y.HeuresFacturees, 1), pct(y.TauxReel), pct(y.TauxFinancier), pct(y.TauxFacturation)}
}

func addRPE(m core.Maroto, b *marts.Bundle, year, t int) {
	heading(m, "4. Relais Petite Enfance")
	rpe := table{widths: []int{3, 1, 1, 2, 1, 2, 2}, header: []string{"Antenne", "Ateliers", "Annulés", "AM venues", "Part des AM", "Contacts parents", "AM par ETP"}}
	ateliers := partialOnly(stateOf(b, year, "", "rpe_ateliers", "rpe_participations"))
	contacts := partialOnly(stateOf(b, year, "", "rpe_contacts"))
	for _, r := range rowsOfYear(b.RPEActiviteAnnuelle, year, func(r marts.RPEActiviteAnnuelle) int { return r.Annee }) {
		rpe.add(r.NomAntenne, marked(frfmt.Int(r.AteliersRealises), ateliers), marked(frfmt.Int(r.AteliersAnnules), ateliers),
			marked(frfmt.Persons(r.AMDistinctes, t), ateliers), marked(pct(r.TauxFrequentation), ateliers), marked(frfmt.Int(r.ContactsParents), contacts),
			perETP(r.AMParETP))
	}
	rpe.addTo(m)
	m.AddAutoRow(text.NewCol(12, "Part des AM : assistants maternels venus à au moins un atelier, rapportés aux agréés "+
		"de l'antenne au 1er janvier. Contacts parents : échanges du relais avec des parents (un parent peut en compter plusieurs). "+
		"AM par ETP : assistants maternels agréés au 1er janvier pour un équivalent temps plein d'animation (cible de la CNAF : 70).",
		props.Text{Size: 8, Top: 1}))
	addRPEDetail(m, b, year, t)
	subheading(m, "Départs en formation continue des assistants maternels")
	training := table{widths: []int{3, 2, 2, 2, 2, 1}, header: []string{"Antenne", "AM 1er janv.", "AM formées", "Départ", "Annulées", "Heures"}}
	formation := partialOnly(stateOf(b, year, "", "formation_sessions", "formation_inscriptions", "am_registre"))
	register := stateOf(b, year, "", "am_registre")
	for _, r := range rowsOfYear(b.FormationAnnuelle, year, func(r marts.FormationAnnuelle) int { return r.Annee }) {
		training.add(r.NomAntenne, marked(frfmt.Persons(r.AMActives, t), register), marked(frfmt.Persons(r.AMFormees, t), formation), marked(pct(r.TauxDepart), formation),
			frfmt.Int(r.SessionsAnnulees)+" sur "+frfmt.Int(r.SessionsProgrammees), frfmt.Decimal(r.Heures, 0))
	}
	training.addTo(m)
	subheading(m, "Freins et leviers à la formation (enquête auprès des assistants maternels)")
	brakes := table{widths: []int{6, 2, 2, 2}, header: []string{"Frein ou levier", "Réponses", "Part", "Non formées"}}
	for _, r := range rowsOfYear(b.FreinsLeviers, year, func(r marts.FreinsLeviers) int { return r.Annee }) {
		brakes.add(r.Libelle+" ("+r.Nature+")", frfmt.Persons(r.Reponses, t), pct(r.Part), pct(r.PartNonFormees))
	}
	brakes.addTo(m)
}

// addQuality is the annex: what was read, loaded and rejected, by kind of export.
func addQuality(m core.Maroto, files []marts.QualiteDonnees) {
	heading(m, "Annexe : qualité des données")
	type totals struct{ files, read, loaded, rejected, refused int }
	byKind := map[string]*totals{}
	var kinds []string
	for _, f := range files {
		t := byKind[f.Type]
		if t == nil {
			t = &totals{}
			byKind[f.Type] = t
			kinds = append(kinds, f.Type)
		}
		t.files++
		t.read += f.Lues
		t.loaded += f.Chargees
		t.rejected += f.Rejetees
		if f.Statut == "refuse" {
			t.refused++
		}
	}
	quality := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Type d'export", "Fichiers", "Lignes lues", "Chargées", "Rejetées"}}
	for _, k := range kinds {
		t := byKind[k]
		files := frfmt.Int(t.files)
		if t.refused > 0 {
			files += " (" + frfmt.Int(t.refused) + " refusé)"
		}
		quality.add(k, files, frfmt.Int(t.read), frfmt.Int(t.loaded), frfmt.Int(t.rejected))
	}
	quality.addTo(m)
	for _, f := range files {
		if f.Rejetees > 0 || f.Statut == "refuse" {
			reason := f.PremierMotif.String
			if f.Statut == "refuse" {
				reason = f.Detail.String
			}
			m.AddAutoRow(text.NewCol(12, f.Fichier+" : "+reason, props.Text{Size: 7.5, Top: 0.5}))
		}
	}
}

func heading(m core.Maroto, title string) {
	keepWithNext(m, text.NewRow(10, title, props.Text{Size: 11, Style: fontstyle.Bold, Top: 4}), 10)
}

func subheading(m core.Maroto, title string) {
	keepWithNext(m, text.NewRow(7, title, props.Text{Size: 9, Style: fontstyle.Bold, Top: 3}), 7)
}

func rowsOfYear[T any](rows []T, year int, of func(T) int) []T {
	var out []T
	for _, r := range rows {
		if of(r) == year {
			out = append(out, r)
		}
	}
	return out
}

func pct(v sql.NullFloat64) string {
	if !v.Valid {
		return "–"
	}
	return frfmt.Percent(v.Float64, 1)
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func monthOf(m int) time.Month { return time.Month(m) }
