package marts

import (
	"context"
	"slices"
)

// Bundle is every mart the reports and the dashboard show, read once. A field tagged with its
// mart is protected by the secrecy that mart declares.
type Bundle struct {
	InfosEntrepot             InfosEntrepot
	DimCommune                []DimCommune
	DimStructure              []DimStructure
	IndicateursCles           []IndicateursCles
	PopulationTerritoire      []PopulationTerritoire
	EAJEOccupationMensuelle   []EAJEOccupationMensuelle
	EAJEOccupationAnnuelle    []EAJEOccupationAnnuelle `mart:"eaje_occupation_annuelle"`
	ACMFrequentation          []ACMFrequentation       `mart:"acm_frequentation"`
	SejoursRemplissage        []SejoursRemplissage     `mart:"sejours_remplissage"`
	RPEActiviteAnnuelle       []RPEActiviteAnnuelle    `mart:"rpe_activite_annuelle"`
	FormationAnnuelle         []FormationAnnuelle      `mart:"formation_annuelle"`
	FreinsLeviers             []FreinsLeviers          `mart:"freins_leviers"`
	AMAttractiviteAnnuelle    []AMAttractiviteAnnuelle `mart:"am_attractivite_annuelle"`
	AMPyramideAges            []AMPyramideAges         `mart:"am_pyramide_ages"`
	AMProjectionDeparts       []AMProjectionDeparts    `mart:"am_projection_departs"`
	CouvertureCommune         []CouvertureCommune      `mart:"couverture_commune"`
	CarteCommunes             []CarteCommunes
	QualiteDonnees            []QualiteDonnees
	AccueilParCommune         []AccueilParCommune `mart:"accueil_par_commune"`
	Completude                []Completude
	LignesRejetees            []LignesRejetees
	EAJEHeuresRegime          []EAJEHeuresRegime
	RPEContactsMotifs         []RPEContactsMotifs
	AMDisponibilitesAnnuelles []AMDisponibilitesAnnuelles `mart:"am_disponibilites_annuelles"`
	RPETempsFortsAnnuels      []RPETempsFortsAnnuels
	ACMActes                  []ACMActes
	EAJEDeclarationsPSU       []EAJEDeclarationsPSU
	CTGSuivi                  []CTGSuivi
	CouvertureCNAFEPCI        []CouvertureCNAFEPCI
}

// ReadAll reads every mart of the bundle, with the statistical secrecy applied (see [Masked]).
func (r *Reader) ReadAll(ctx context.Context) (*Bundle, error) {
	d := &Bundle{}
	var err error
	steps := []func(){
		func() { d.InfosEntrepot, err = r.InfosEntrepot(ctx) },
		func() { d.DimCommune, err = r.DimCommune(ctx) },
		func() { d.DimStructure, err = r.DimStructure(ctx) },
		func() { d.IndicateursCles, err = r.IndicateursCles(ctx) },
		func() { d.PopulationTerritoire, err = r.PopulationTerritoire(ctx) },
		func() { d.EAJEOccupationMensuelle, err = r.EAJEOccupationMensuelle(ctx) },
		func() { d.EAJEOccupationAnnuelle, err = r.EAJEOccupationAnnuelle(ctx) },
		func() { d.ACMFrequentation, err = r.ACMFrequentation(ctx) },
		func() { d.SejoursRemplissage, err = r.SejoursRemplissage(ctx) },
		func() { d.RPEActiviteAnnuelle, err = r.RPEActiviteAnnuelle(ctx) },
		func() { d.FormationAnnuelle, err = r.FormationAnnuelle(ctx) },
		func() { d.FreinsLeviers, err = r.FreinsLeviers(ctx) },
		func() { d.AMAttractiviteAnnuelle, err = r.AMAttractiviteAnnuelle(ctx) },
		func() { d.AMPyramideAges, err = r.AMPyramideAges(ctx) },
		func() { d.AMProjectionDeparts, err = r.AMProjectionDeparts(ctx) },
		func() { d.CouvertureCommune, err = r.CouvertureCommune(ctx) },
		func() { d.CarteCommunes, err = r.CarteCommunes(ctx) },
		func() { d.QualiteDonnees, err = r.QualiteDonnees(ctx) },
		func() { d.AccueilParCommune, err = r.AccueilParCommune(ctx) },
		func() { d.Completude, err = r.Completude(ctx) },
		func() { d.LignesRejetees, err = r.LignesRejetees(ctx) },
		func() { d.EAJEHeuresRegime, err = r.EAJEHeuresRegime(ctx) },
		func() { d.RPEContactsMotifs, err = r.RPEContactsMotifs(ctx) },
		func() { d.AMDisponibilitesAnnuelles, err = r.AMDisponibilitesAnnuelles(ctx) },
		func() { d.RPETempsFortsAnnuels, err = r.RPETempsFortsAnnuels(ctx) },
		func() { d.ACMActes, err = r.ACMActes(ctx) },
		func() { d.EAJEDeclarationsPSU, err = r.EAJEDeclarationsPSU(ctx) },
		func() { d.CTGSuivi, err = r.CTGSuivi(ctx) },
		func() { d.CouvertureCNAFEPCI, err = r.CouvertureCNAFEPCI(ctx) },
	}
	for _, step := range steps {
		if step(); err != nil {
			return nil, err
		}
	}
	return d, r.protect(ctx, d)
}

// IndicatorYears are the years the key indicators cover, oldest first: the years a report or a
// page can describe.
func (b *Bundle) IndicatorYears() []int {
	var years []int
	for _, i := range b.IndicateursCles {
		years = append(years, i.Annee)
	}
	slices.Sort(years)
	return slices.Compact(years)
}

// ReportYear is the year the documents describe: year when given, else the reference year when
// the key indicators have it, else the last year they have.
func (b *Bundle) ReportYear(year int) int {
	if year != 0 {
		return year
	}
	years := b.IndicatorYears()
	if len(years) == 0 || slices.Contains(years, b.InfosEntrepot.AnneeReference) {
		return b.InfosEntrepot.AnneeReference
	}
	return years[len(years)-1]
}
