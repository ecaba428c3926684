package dashboards

import (
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"enfance/internal/marts"
)

func rpeContacts(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "rpe_contacts", Height: 380, Options: contactBars(d.RPEContactsMotifs),
		Note: "Contacts du relais de l'année, tous publics, par motif principal et par canal, d'après l'export des contacts (marts.rpe_contacts_motifs)."}
	narrowed(c, all, d.RPEContactsMotifs, []string{levelAntenne}, func(s scope, r marts.RPEContactsMotifs) bool { return ofAntenne(s, r.Antenne) }, contactBars)
	return c
}

// contactBars are the rows' contacts by reason, a series per channel, a chart per year.
func contactBars(all []marts.RPEContactsMotifs) map[string]renderable {
	out := map[string]renderable{}
	for y, rows := range byYear(all, func(r marts.RPEContactsMotifs) int { return r.Annee }) {
		var motifs, canaux []string
		count := map[[2]string]int{}
		for _, r := range rows {
			m, k := marts.WordsOf(marts.ContactReasons, r.Motif), marts.WordsOf(marts.ContactChannels, r.Canal)
			if !slices.Contains(motifs, m) {
				motifs = append(motifs, m)
			}
			if !slices.Contains(canaux, k) {
				canaux = append(canaux, k)
			}
			count[[2]string{m, k}] += r.Contacts
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Contacts du relais par motif et canal ("+yearKey(y)+")", "", numTooltip), valuesUp(numAxis))...)
		bar.SetXAxis(motifs)
		for _, k := range canaux {
			data := make([]opts.BarData, len(motifs))
			for i, m := range motifs {
				data[i] = opts.BarData{Value: count[[2]string{m, k}], Name: m}
			}
			bar.AddSeries(k, data, charts.WithBarChartOpts(opts.BarChart{Stack: "canal"}))
		}
		out[yearKey(y)] = bar
	}
	return out
}

func monenfant(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "rpe_monenfant", Height: 340, Options: availabilityBars(d.AMDisponibilitesAnnuelles),
		Note: "Part des assistants maternels en activité au 31 décembre dont les disponibilités sur monenfant.fr sont à jour : une déclaration du 1er juillet au 31 décembre (décret 2021-1131)."}
	narrowed(c, all, d.AMDisponibilitesAnnuelles, []string{levelAntenne}, func(s scope, a marts.AMDisponibilitesAnnuelles) bool { return ofAntenne(s, a.Antenne) }, availabilityBars)
	return c
}

// availabilityBars are the rows' shares of AM up to date on monenfant.fr, by antenne, a chart
// per year.
func availabilityBars(all []marts.AMDisponibilitesAnnuelles) map[string]renderable {
	out := map[string]renderable{}
	for y, rows := range byYear(all, func(a marts.AMDisponibilitesAnnuelles) int { return a.Annee }) {
		var names []string
		var data []opts.BarData
		for _, a := range rows {
			names = append(names, a.NomAntenne)
			data = append(data, opts.BarData{Value: rate(a.Part), Name: a.NomAntenne})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Assistants maternels à jour sur monenfant.fr ("+yearKey(y)+")", "", pctTooltip), valuesUp(pctAxis))...)
		bar.SetXAxis(names).AddSeries("Part à jour", data)
		out[yearKey(y)] = bar
	}
	return out
}
