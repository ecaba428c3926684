package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// CTG is the Convention Territoriale Globale the territory signed with its Caf: its first and
// last years, and a target for some key indicators (codes of marts.indicateurs_cles) to reach in
// its last year. The year before the first is the baseline. Zero years mean no CTG follow-up.
type CTG struct {
	PremiereAnnee int `toml:"premiere_annee"`
	DerniereAnnee int `toml:"derniere_annee"`
	// Cibles maps an indicator's code to its target, in the indicator's unit as the mart stores
	// it: a rate as a fraction (0.75 for 75 %), places for 100 children as a number (45).
	Cibles map[string]float64 `toml:"cibles"`
}

// IndicatorCodes are the codes of the key indicators (marts.indicateurs_cles), the ones a CTG
// target may name; RateIndicators are those stored as fractions.
var (
	IndicatorCodes = []string{
		"am_actives", "places_am", "nouveaux_agrements", "cessations", "ratio_renouvellement", "age_moyen_am",
		"am_55_ans_plus", "part_am_55_ans_plus", "couverture_am", "couverture_totale", "taux_depart_formation",
		"am_formees", "taux_annulation", "eaje_occupation_reelle", "eaje_occupation_financiere", "eaje_taux_facturation",
		"eaje_heures_realisees", "acm_heures_realisees", "acm_enfants_jours", "acm_remplissage", "sejours_places",
		"sejours_remplissage", "ateliers_realises", "contacts_parents",
	}
	RateIndicators = []string{
		"part_am_55_ans_plus", "taux_depart_formation", "taux_annulation", "eaje_occupation_reelle",
		"eaje_occupation_financiere", "eaje_taux_facturation", "acm_remplissage", "sejours_remplissage",
	}
)

// checkCTG checks the CTG's years and targets.
func checkCTG(c CTG) (errs []error) {
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	p, d := c.PremiereAnnee, c.DerniereAnnee
	switch {
	case p == 0 && d == 0:
		if len(c.Cibles) > 0 {
			bad("ctg.cibles sans ctg.premiere_annee ni ctg.derniere_annee : donnez les années de la convention")
		}
		return errs
	case p < 2000 || p > 2100 || d < 2000 || d > 2100:
		bad("ctg.premiere_annee %d et ctg.derniere_annee %d : deux années de 2000 à 2100", p, d)
	case d < p:
		bad("ctg.derniere_annee %d est avant ctg.premiere_annee %d", d, p)
	}
	for _, code := range slices.Sorted(maps.Keys(c.Cibles)) {
		v := c.Cibles[code]
		switch {
		case !slices.Contains(IndicatorCodes, code):
			bad("ctg.cibles.%s : indicateur inconnu (codes possibles : %s)", code, strings.Join(IndicatorCodes, ", "))
		case v < 0:
			bad("ctg.cibles.%s %v est négative", code, v)
		case slices.Contains(RateIndicators, code) && v > 2:
			bad("ctg.cibles.%s %v : un taux s'écrit en fraction (0.75 pour 75 %%)", code, v)
		}
	}
	return errs
}
