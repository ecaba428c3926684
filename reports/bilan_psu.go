package reports

import (
	"database/sql"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// psuColumnWords name the four declarations in a table's header, short enough for its columns.
func psuColumnWords(d marts.EAJEDeclarationsPSU) string {
	y, base := strconv.Itoa(d.Annee), strconv.Itoa(d.AnneeDonnees)
	switch d.Declaration {
	case "previsionnel":
		return "Prévisionnel " + y + " (base : réel " + base + ")"
	case "reel_n_1":
		return "Réel " + base
	case "actualise_juin":
		return "Actualisé " + y + " janv.–juin"
	}
	return "Actualisé " + y + " janv.–sept."
}

// addPSUDeclarations is one table per EAJE, ready to copy into the CAF's declarations of the
// prestation de service unique: the four declarations of the year in columns (prévisionnel N,
// réel N-1, actualisés janvier–juin and janvier–septembre N), the cumulated hours, days,
// capacity and rates in rows. A declaration whose months are partly missing says so in each
// cell; one with nothing received says « manquant ».
func addPSUDeclarations(m core.Maroto, b *marts.Bundle, year int) {
	var codes []string
	byCode := map[string][]marts.EAJEDeclarationsPSU{}
	for _, d := range b.EAJEDeclarationsPSU {
		if d.Annee != year {
			continue
		}
		if byCode[d.Code] == nil {
			codes = append(codes, d.Code)
		}
		byCode[d.Code] = append(byCode[d.Code], d)
	}
	if len(codes) == 0 {
		return
	}
	subheading(m, "Déclarations d'activité PSU de "+strconv.Itoa(year)+" (heures cumulées par période)")
	for _, code := range codes {
		decls := byCode[code]
		keepWithNext(m, text.NewRow(8, decls[0].Nom, props.Text{Size: 9, Style: fontstyle.Bold, Top: 2}), 8)
		tab := table{widths: []int{4, 2, 2, 2, 2}, header: []string{"Période déclarée"}}
		for _, d := range decls {
			tab.header = append(tab.header, psuColumnWords(d))
		}
		line := func(label string, cell func(marts.EAJEDeclarationsPSU) string) {
			row := []string{label}
			for _, d := range decls {
				if d.Donnees == "manquant" {
					row = append(row, "manquant")
					continue
				}
				row = append(row, marked(cell(d), d.Donnees))
			}
			tab.add(row...)
		}
		hours := func(v func(marts.EAJEDeclarationsPSU) sql.NullFloat64) func(marts.EAJEDeclarationsPSU) string {
			return func(d marts.EAJEDeclarationsPSU) string { return decimalCell(v(d), 1) }
		}
		months := []string{"Mois cumulés"}
		for _, d := range decls {
			months = append(months, frfmt.Month(monthOf(d.MoisDebut))+" à "+frfmt.Month(monthOf(d.MoisFin))+" "+strconv.Itoa(d.AnneeDonnees))
		}
		tab.add(months...)
		line("Jours d'ouverture", func(d marts.EAJEDeclarationsPSU) string { return intCell(d.Jours) })
		line("Heures-places offertes (capacité)", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.Capacite }))
		line("Heures réalisées", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.HeuresRealisees }))
		line("  dont régime général", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.RealiseesGeneral }))
		line("  dont MSA", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.RealiseesMSA }))
		line("  dont autres régimes", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.RealiseesAutre }))
		unknown := false
		for _, d := range decls {
			unknown = unknown || d.RealiseesNonRens.Float64 > 0 || d.FactureesNonRens.Float64 > 0
		}
		if unknown {
			line("  dont régime non renseigné", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.RealiseesNonRens }))
		}
		line("Heures facturées", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.HeuresFacturees }))
		line("  dont régime général", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.FactureesGeneral }))
		line("  dont MSA", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.FactureesMSA }))
		line("  dont autres régimes", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.FactureesAutre }))
		if unknown {
			line("  dont régime non renseigné", hours(func(d marts.EAJEDeclarationsPSU) sql.NullFloat64 { return d.FactureesNonRens }))
		}
		line("Taux d'occupation réel", func(d marts.EAJEDeclarationsPSU) string { return pct(d.TauxReel) })
		line("Taux d'occupation financier", func(d marts.EAJEDeclarationsPSU) string { return pct(d.TauxFinancier) })
		line("Taux de facturation", func(d marts.EAJEDeclarationsPSU) string { return pct(d.TauxFactura) })
		tab.addTo(m)
		if notes := psuGaps(decls); notes != "" {
			m.AddAutoRow(text.NewCol(12, notes, props.Text{Size: 8, Top: 1}))
		}
	}
	m.AddAutoRow(text.NewCol(12, "Prévisionnel : il ne se calcule pas à partir des données passées ; la colonne reprend le réel de "+
		"l'année précédente (base : réel N-1, à ajuster par la structure), ce n'est pas une prévision. Heures-places offertes : places "+
		"de chaque créneau × ses heures, sur les jours d'ouverture des mois reçus. Taux d'occupation réel = heures réalisées / "+
		"heures-places ; financier = heures facturées / heures-places ; taux de facturation = heures facturées / heures réalisées. "+
		"Une période dont un mois manque ou est partiel est marquée « partiel » : ses jours, sa capacité et ses taux portent sur les "+
		"mois reçus.", props.Text{Size: 8, Top: 1}))
}

// psuGaps says, for the declarations of an EAJE that lack months, how many.
func psuGaps(decls []marts.EAJEDeclarationsPSU) string {
	var parts []string
	for _, d := range decls {
		switch {
		case d.MoisOuverture == 0:
			parts = append(parts, psuColumnWords(d)+" : aucun mois d'ouverture connu de l'entrepôt")
		case d.MoisSansDonnees > 0:
			parts = append(parts, psuColumnWords(d)+" : "+strconv.Itoa(d.MoisSansDonnees)+" mois sur "+strconv.Itoa(d.MoisOuverture)+" sans présences")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Mois manquants — " + strings.Join(parts, " ; ") + "."
}

func decimalCell(v sql.NullFloat64, digits int) string {
	if !v.Valid {
		return "–"
	}
	return frfmt.Decimal(v.Float64, digits)
}

func intCell(v sql.NullInt64) string {
	if !v.Valid {
		return "–"
	}
	return frfmt.Int(int(v.Int64))
}
