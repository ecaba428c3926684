package dashboards

import (
	"slices"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/palette"
)

// buildSections lays out every chart of the page, in reading order.
func buildSections(d *marts.Bundle, all []scope) []section {
	t := d.InfosEntrepot.SecretStatistique
	return []section{
		{ID: "petite-enfance", Title: "Petite enfance : occupation des EAJE", Charts: []*chart{eajeHeatmap(d, all), eajeTrend(d, all)}},
		{ID: "enfance", Title: "Enfance : accueils collectifs de mineurs", Charts: []*chart{acmFill(d, all)}},
		{ID: "jeunesse", Title: "Jeunesse : séjours", Charts: []*chart{sejours(d, t)}},
		{ID: "relais", Title: "Relais Petite Enfance", Charts: []*chart{rpeAteliers(d, all), rpeContacts(d, all), monenfant(d, all)}},
		{ID: "formation", Title: "Formation des assistants maternels", Charts: []*chart{trainingUptake(d, all), trainingSessions(d, all), brakesLevers(d)}},
		{ID: "assistants-maternels", Title: "Attractivité du métier d'assistant maternel", Charts: []*chart{amFlows(d, t), agePyramid(d, t), retirements(d, t)}},
		{ID: "couverture", Title: "Couverture des besoins d'accueil", Charts: []*chart{coverageMap(d)}},
	}
}

// bothLevels are the levels of a chart of structures: an antenne's, a commune's.
var bothLevels = []string{levelAntenne, levelCommune}

// ofAntenne tells a row of an antenne's mart that is the scope's antenne.
func ofAntenne(s scope, antenne string) bool { return s.Level == levelAntenne && s.Code == antenne }

func eajeHeatmap(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "eaje_occupation_mois", Height: 120 + 60*len(structureNames(d.EAJEOccupationMensuelle)), Options: eajeHeatmaps(d.EAJEOccupationMensuelle),
		Note: "Taux d'occupation réel : heures de présence des enfants / capacité théorique (places × heures d'ouverture des jours ouverts). " +
			"Une case vide est un mois dont les présences manquent ou ont été refusées."}
	narrowed(c, all, d.EAJEOccupationMensuelle, bothLevels, func(s scope, m marts.EAJEOccupationMensuelle) bool { return s.structures[m.Code] }, eajeHeatmaps)
	return c
}

// eajeHeatmaps are the monthly occupation of the rows' EAJE, a heatmap per year.
func eajeHeatmaps(all []marts.EAJEOccupationMensuelle) map[string]renderable {
	out := map[string]renderable{}
	names := structureNames(all)
	for y, rows := range byYear(all, func(m marts.EAJEOccupationMensuelle) int { return m.Annee }) {
		var data []opts.HeatMapData
		for _, m := range rows {
			data = append(data, opts.HeatMapData{Name: m.Nom + " — " + frfmt.Month(time.Month(m.Mois)) + monthState[m.Donnees],
				Value: [3]any{m.Mois - 1, slices.Index(names, m.Nom), rate(m.TauxReel)}})
		}
		h := charts.NewHeatMap()
		h.SetGlobalOptions(append(common("Taux d'occupation réel par mois ("+yearKey(y)+")", "", cellTooltip),
			charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: months}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names}),
			axes(60),
			charts.WithVisualMapOpts(opts.VisualMap{Min: 0, Max: 1, Calculable: opts.Bool(false), Orient: "horizontal", Left: "center", Bottom: "0",
				InRange: &opts.VisualMapInRange{Color: []string{palette.Zebra, palette.Series[0]}}, Text: []string{"100 %", "0 %"}}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		)...)
		h.AddSeries("Taux d'occupation réel", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: string(cellLabel)}))
		out[yearKey(y)] = h
	}
	return out
}

// monthState is said after a month (or a year) whose presences are not complete.
var monthState = map[string]string{"partiel": " (données partielles)", "manquant": " (présences manquantes)", "refuse": " (export refusé)"}

// structureNames lists the EAJE of the monthly mart, in order.
func structureNames(rows []marts.EAJEOccupationMensuelle) []string {
	var names []string
	for _, m := range rows {
		if !slices.Contains(names, m.Nom) {
			names = append(names, m.Nom)
		}
	}
	return names
}

func eajeTrend(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "eaje_tendance", Height: 380, Options: eajeTrends(d.EAJEOccupationAnnuelle)}
	narrowed(c, all, d.EAJEOccupationAnnuelle, bothLevels, func(s scope, y marts.EAJEOccupationAnnuelle) bool { return s.structures[y.Code] }, eajeTrends)
	return c
}

// eajeTrends is the yearly occupation of the rows' EAJE, a line each.
func eajeTrends(rows []marts.EAJEOccupationAnnuelle) map[string]renderable {
	years := sortedYears(byYear(rows, func(y marts.EAJEOccupationAnnuelle) int { return y.Annee }))
	line := charts.NewLine()
	line.SetGlobalOptions(slices.Concat(common("Taux d'occupation réel par année", "Repère national : environ 70 %", pctTooltip), valuesUp(pctAxis))...)
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = yearKey(y)
	}
	line.SetXAxis(labels)
	var order []string
	series := map[string][]opts.LineData{}
	for _, y := range rows {
		if _, ok := series[y.Nom]; !ok {
			order = append(order, y.Nom)
			series[y.Nom] = make([]opts.LineData, len(years))
		}
		series[y.Nom][slices.Index(years, y.Annee)] = opts.LineData{Value: rate(y.TauxReel), Name: yearKey(y.Annee) + monthState[y.Donnees]}
	}
	for _, name := range order {
		line.AddSeries(name, series[name])
	}
	return map[string]renderable{allYears: line}
}

func acmFill(d *marts.Bundle, all []scope) *chart {
	options, height := acmFills(d.ACMFrequentation)
	c := &chart{ID: "acm_remplissage", Options: options, Height: height,
		Note: "Taux de remplissage de chaque période déclarée : enfants présents par créneau (matin, midi, soir ou journée) / places déclarées."}
	narrowed(c, all, d.ACMFrequentation, bothLevels, func(s scope, p marts.ACMFrequentation) bool { return s.structures[p.Code] },
		func(rows []marts.ACMFrequentation) map[string]renderable { o, _ := acmFills(rows); return o })
	return c
}

// acmFills are the fill rates of the rows' accueils by declared period, a heatmap per year, and
// the height the tallest needs.
func acmFills(all []marts.ACMFrequentation) (map[string]renderable, int) {
	out := map[string]renderable{}
	height := 0
	for y, rows := range byYear(all, func(p marts.ACMFrequentation) int { return p.Annee }) {
		var names, periods []string
		for _, p := range rows {
			if !slices.Contains(names, p.Nom) {
				names = append(names, p.Nom)
			}
			if !slices.Contains(periods, p.Periode) {
				periods = append(periods, p.Periode)
			}
		}
		var data []opts.HeatMapData
		for _, p := range rows {
			name := p.Nom + " — " + p.Periode
			if !p.Debut.IsZero() {
				name += ", " + frfmt.Span(p.Debut, p.Fin)
			}
			data = append(data, opts.HeatMapData{Name: name,
				Value: [3]any{slices.Index(periods, p.Periode), slices.Index(names, p.Nom), rate(p.TauxRemplissage)}})
		}
		h := charts.NewHeatMap()
		h.SetGlobalOptions(append(common("Taux de remplissage des accueils de mineurs par période ("+yearKey(y)+")", "", cellTooltip),
			charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: periods, AxisLabel: &opts.AxisLabel{Rotate: 20, Interval: "0"}}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names}),
			axes(60),
			charts.WithVisualMapOpts(opts.VisualMap{Min: 0, Max: 1, Calculable: opts.Bool(false), Orient: "horizontal", Left: "center", Bottom: "0",
				InRange: &opts.VisualMapInRange{Color: palette.Coverage[:2]}, Text: []string{"100 %", "0 %"}}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		)...)
		h.AddSeries("Taux de remplissage", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: string(cellLabel)}))
		out[yearKey(y)] = h
		height = max(height, 160+34*len(names))
	}
	return out, max(height, 300)
}

func sejours(d *marts.Bundle, threshold int) *chart {
	c := &chart{ID: "sejours", Height: 400, Options: map[string]renderable{}}
	for y, rows := range byYear(d.SejoursRemplissage, func(s marts.SejoursRemplissage) int { return s.Annee }) {
		var names []string
		var counts []int
		var places, present []opts.BarData
		for _, s := range rows {
			names, counts = append(names, s.Intitule), append(counts, s.Participants)
			places = append(places, opts.BarData{Value: s.Places, Name: s.Intitule})
			present = append(present, opts.BarData{Value: masked(s.Participants, threshold), Name: s.Intitule})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Places et participants des séjours ("+yearKey(y)+")", "", personTooltip), valuesUp(numAxis),
			[]charts.GlobalOpts{charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Rotate: 25, Interval: "0"}})})...)
		bar.SetXAxis(names).AddSeries("Places", places).AddSeries("Participants", present, maskedMarks(names, counts, threshold, false))
		c.Options[yearKey(y)] = bar
	}
	return c
}

func rpeAteliers(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "rpe_ateliers", Height: 380, Options: rpeBars(d.RPEActiviteAnnuelle),
		Note: "Ateliers d'éveil tenus et annulés par antenne ; la bulle de la fréquentation donne la part des assistants maternels actifs venus au moins une fois."}
	narrowed(c, all, d.RPEActiviteAnnuelle, []string{levelAntenne}, func(s scope, r marts.RPEActiviteAnnuelle) bool { return ofAntenne(s, r.Antenne) }, rpeBars)
	return c
}

// rpeBars are the ateliers of the rows' antennes, a chart per year.
func rpeBars(all []marts.RPEActiviteAnnuelle) map[string]renderable {
	out := map[string]renderable{}
	for y, rows := range byYear(all, func(r marts.RPEActiviteAnnuelle) int { return r.Annee }) {
		var names []string
		var held, cancelled []opts.BarData
		for _, r := range rows {
			names = append(names, r.NomAntenne)
			held = append(held, opts.BarData{Value: r.AteliersRealises, Name: r.NomAntenne})
			cancelled = append(cancelled, opts.BarData{Value: r.AteliersAnnules, Name: r.NomAntenne})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Ateliers d'éveil par antenne ("+yearKey(y)+")", "", numTooltip), valuesUp(numAxis))...)
		bar.SetXAxis(names).AddSeries("Réalisés", held).AddSeries("Annulés", cancelled)
		out[yearKey(y)] = bar
	}
	return out
}

// territory keeps the territory's rows of a mart with an « antenne » column.
func territory(rows []marts.FormationAnnuelle) []marts.FormationAnnuelle {
	var out []marts.FormationAnnuelle
	for _, r := range rows {
		if r.Antenne == "territoire" {
			out = append(out, r)
		}
	}
	return out
}

func trainingUptake(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "formation_depart", Height: 360, Options: uptakeBars(territory(d.FormationAnnuelle))}
	narrowed(c, all, d.FormationAnnuelle, []string{levelAntenne}, func(s scope, r marts.FormationAnnuelle) bool { return ofAntenne(s, r.Antenne) }, uptakeBars)
	return c
}

// uptakeBars are the rows' rates of AM trained, by year.
func uptakeBars(rows []marts.FormationAnnuelle) map[string]renderable {
	var years []string
	var data []opts.BarData
	for _, r := range rows {
		years = append(years, yearKey(r.Annee))
		data = append(data, opts.BarData{Value: rate(r.TauxDepart), Name: yearKey(r.Annee)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(slices.Concat(common("Taux de départ en formation des assistants maternels", "AM formées dans l'année / AM agréées au 1er janvier", pctTooltip), valuesUp(pctAxis))...)
	bar.SetXAxis(years).AddSeries("Taux de départ en formation", data)
	return map[string]renderable{allYears: bar}
}

func trainingSessions(d *marts.Bundle, all []scope) *chart {
	c := &chart{ID: "formation_sessions", Height: 360, Options: sessionBars(territory(d.FormationAnnuelle))}
	narrowed(c, all, d.FormationAnnuelle, []string{levelAntenne}, func(s scope, r marts.FormationAnnuelle) bool { return ofAntenne(s, r.Antenne) }, sessionBars)
	return c
}

// sessionBars are the rows' training sessions, by year.
func sessionBars(rows []marts.FormationAnnuelle) map[string]renderable {
	var years []string
	var planned, cancelled, under []opts.BarData
	for _, r := range rows {
		y := yearKey(r.Annee)
		years = append(years, y)
		planned = append(planned, opts.BarData{Value: r.SessionsProgrammees, Name: y})
		cancelled = append(cancelled, opts.BarData{Value: r.SessionsAnnulees, Name: y})
		under = append(under, opts.BarData{Value: r.SousMinimum, Name: y})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(slices.Concat(common("Sessions de formation programmées et annulées", "", numTooltip), valuesUp(numAxis))...)
	bar.SetXAxis(years).AddSeries("Programmées", planned).AddSeries("Annulées", cancelled).AddSeries("Sous l'effectif minimal", under)
	return map[string]renderable{allYears: bar}
}

func brakesLevers(d *marts.Bundle) *chart {
	c := &chart{ID: "freins_leviers", Height: 460, Options: map[string]renderable{},
		Note: "Part des répondants à l'enquête qui citent chaque frein ou levier, et la même part parmi ceux qui ne se sont pas formés dans l'année."}
	for y, rows := range byYear(d.FreinsLeviers, func(b marts.FreinsLeviers) int { return b.Annee }) {
		var names []string
		var all, untrained []opts.BarData
		for i := len(rows) - 1; i >= 0; i-- { // ECharts draws the first category at the bottom
			b := rows[i]
			label := b.Libelle + " (" + b.Nature + ")"
			names = append(names, label)
			all = append(all, opts.BarData{Value: rate(b.Part), Name: label})
			untrained = append(untrained, opts.BarData{Value: rate(b.PartNonFormees), Name: label})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Freins et leviers à la formation ("+yearKey(y)+")", "", pctTooltip), valuesAcross(pctAxis))...)
		bar.SetXAxis(names).AddSeries("Tous les répondants", all).AddSeries("Non formés dans l'année", untrained)
		bar.XYReversal()
		c.Options[yearKey(y)] = bar
	}
	return c
}

func amFlows(d *marts.Bundle, threshold int) *chart {
	var years []string
	var in, out, retired []opts.BarData
	var ins, outs, retirees []int
	for _, r := range d.AMAttractiviteAnnuelle {
		y := yearKey(r.Annee)
		years = append(years, y)
		ins, outs, retirees = append(ins, r.Nouveaux), append(outs, r.Cessations), append(retirees, r.Retraites)
		in = append(in, opts.BarData{Value: masked(r.Nouveaux, threshold), Name: y})
		out = append(out, opts.BarData{Value: masked(r.Cessations, threshold), Name: y})
		retired = append(retired, opts.BarData{Value: masked(r.Retraites, threshold), Name: y})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(slices.Concat(common("Arrivées et départs d'assistants maternels", "Nouveaux agréments et cessations d'activité par année", personTooltip), valuesUp(numAxis))...)
	bar.SetXAxis(years).AddSeries("Nouveaux agréments", in, maskedMarks(years, ins, threshold, false)).
		AddSeries("Cessations", out, maskedMarks(years, outs, threshold, false)).
		AddSeries("dont départs en retraite", retired, maskedMarks(years, retirees, threshold, false))
	return &chart{ID: "am_flux", Height: 380, Options: map[string]renderable{allYears: bar}}
}

func agePyramid(d *marts.Bundle, threshold int) *chart {
	c := &chart{ID: "am_pyramide", Height: 400, Options: map[string]renderable{}}
	for y, rows := range byYear(d.AMPyramideAges, func(b marts.AMPyramideAges) int { return b.Annee }) {
		var names []string
		var counts []int
		var data []opts.BarData
		for _, b := range rows {
			names, counts = append(names, b.Tranche), append(counts, b.AM)
			data = append(data, opts.BarData{Value: masked(b.AM, threshold), Name: b.Tranche})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Pyramide des âges des assistants maternels au 31 décembre "+yearKey(y), "", personTooltip), valuesAcross(numAxis))...)
		bar.SetXAxis(names).AddSeries("Assistants maternels", data, maskedMarks(names, counts, threshold, true))
		bar.XYReversal()
		c.Options[yearKey(y)] = bar
	}
	return c
}

func retirements(d *marts.Bundle, threshold int) *chart {
	c := &chart{ID: "am_projection", Height: 380, Options: map[string]renderable{},
		Note: "Départs projetés à l'âge de retraite du territoire, parmi les assistants maternels actifs au 31 décembre de l'année choisie, et leurs places."}
	for y, rows := range byYear(d.AMProjectionDeparts, func(p marts.AMProjectionDeparts) int { return p.AnneeReference }) {
		var years []string
		var counts []int
		var departures, places []opts.BarData
		for _, p := range rows {
			py := yearKey(p.Annee)
			years, counts = append(years, py), append(counts, p.Departs)
			departures = append(departures, opts.BarData{Value: masked(p.Departs, threshold), Name: py})
			var lost any = p.Places // the places of masked departures would reveal them: none drawn
			if frfmt.Hidden(p.Departs, threshold) {
				lost = nil
			}
			places = append(places, opts.BarData{Value: lost, Name: py})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(slices.Concat(common("Départs en retraite projetés après "+yearKey(y), "", personTooltip), valuesUp(numAxis))...)
		bar.SetXAxis(years).AddSeries("Départs projetés", departures, maskedMarks(years, counts, threshold, false)).AddSeries("Places perdues", places)
		c.Options[yearKey(y)] = bar
	}
	return c
}

func coverageMap(d *marts.Bundle) *chart {
	c := &chart{ID: "couverture_carte", Height: 620, Options: map[string]renderable{}, Outlines: true,
		Note: "Places d'accueil (assistants maternels actifs et EAJE) pour 100 enfants de moins de 3 ans, par commune. Les effectifs d'enfants marqués « estimation » ne sont pas des chiffres de l'INSEE."}
	for y, rows := range byYear(d.CouvertureCommune, func(r marts.CouvertureCommune) int { return r.Annee }) {
		var data []opts.MapData
		for _, r := range rows {
			data = append(data, opts.MapData{Name: r.Nom, Value: rate(r.Taux)})
		}
		m := charts.NewMap()
		m.RegisterMapType("territoire")
		m.SetGlobalOptions(append(common("Couverture des besoins d'accueil des moins de 3 ans ("+yearKey(y)+")", estimationNote(rows),
			coverageTooltip),
			charts.WithVisualMapOpts(opts.VisualMap{Min: 0, Max: palette.CoverageTop, Calculable: opts.Bool(true), Left: "left", Bottom: "20",
				InRange: &opts.VisualMapInRange{Color: palette.Coverage}, Text: []string{strconv.Itoa(palette.CoverageTop) + " places et plus", "0"}}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))...)
		m.AddSeries("Places pour 100 enfants", data)
		c.Options[yearKey(y)] = noLegendSymbols{m}
	}
	return c
}

// noLegendSymbols is a map chart that does not dot every commune with the series' legend symbol,
// which ECharts does whenever a legend component exists, even hidden, and whose communes the page
// outlines when an antenne or a commune is chosen; go-echarts has no option for either.
type noLegendSymbols struct{ *charts.Map }

func (m noLegendSymbols) JSON() map[string]any {
	type series struct {
		charts.SingleSeries
		ShowLegendSymbol bool           `json:"showLegendSymbol"`
		SelectedMode     string         `json:"selectedMode"` // the communes of the antenne or commune chosen
		Select           map[string]any `json:"select"`
	}
	o := m.Map.JSON()
	var all []series
	for _, s := range m.MultiSeries {
		all = append(all, series{s, false, "multiple", map[string]any{"itemStyle": map[string]any{"borderColor": palette.Text, "borderWidth": 2.5}}})
	}
	o["series"] = all
	return o
}

func estimationNote(rows []marts.CouvertureCommune) string {
	for _, r := range rows {
		if r.Estimation {
			return "Effectifs d'enfants estimés"
		}
	}
	return "Effectifs d'enfants : INSEE"
}
