package reports

import (
	"bytes"
	"database/sql"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"enfance/internal/marts"
	"enfance/internal/palette"
)

// squareGeoJSON is a commune drawn as a square of side 0.05° from (lon, lat).
func squareGeoJSON(lon, lat float64) string {
	return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%[1]g,%[2]g],[%[3]g,%[2]g],[%[3]g,%[4]g],[%[1]g,%[4]g],[%[1]g,%[2]g]]]}`,
		lon, lat, lon+0.05, lat+0.05)
}

// ficheBundle: five communes, Bergues and Quaëdypre in the antenne of Bergues, Quaëdypre's
// AM masked; the relais' two antennes; squares for boundaries.
func ficheBundle() *marts.Bundle {
	b := communeBundle()
	b.DimCommune = append([]marts.DimCommune(nil), communes...)
	for i := range b.DimCommune {
		b.DimCommune[i].Antenne, b.DimCommune[i].NomAntenne = "ANT-W", "Antenne de Wormhout"
	}
	b.DimCommune[1].Antenne, b.DimCommune[1].NomAntenne = "ANT-B", "Antenne de Bergues"
	b.DimCommune[2].Antenne, b.DimCommune[2].NomAntenne = "ANT-B", "Antenne de Bergues"
	b.CouvertureCommune = []marts.CouvertureCommune{
		coverage("59046", 2025, 6, 20, 40), coverage("59478", 2025, marts.Masked, 9, 10), coverage("59663", 2025, 40, 120, 75.04),
		coverage("59666", 2025, 12, 40, 30),
		coverage("59067", 2023, 36, 117, 60.3), coverage("59067", 2024, 33, 105, 54.0), coverage("59067", 2025, 30, 97, 75.0),
	}
	b.RPEActiviteAnnuelle = []marts.RPEActiviteAnnuelle{
		{Antenne: "ANT-B", NomAntenne: "Antenne de Bergues", Annee: 2025, AMActives: 215, AMParETP: sql.NullFloat64{Float64: 107.5, Valid: true}},
		{Antenne: "ANT-W", NomAntenne: "Antenne de Wormhout", Annee: 2025, AMActives: 150, AMParETP: sql.NullFloat64{Float64: 75, Valid: true}},
	}
	for i, c := range communes {
		b.CarteCommunes = append(b.CarteCommunes, marts.CarteCommunes{Insee: c.Insee, Nom: c.Nom, GeoJSON: squareGeoJSON(2.3+0.05*float64(i), 50.9)})
	}
	return b
}

// TestFicheComparesAndLocates: a commune page gives its figures beside its antenne's and the
// territory's, the relais beside the 70 AM target with its source, and its data's last day.
func TestFicheComparesAndLocates(t *testing.T) {
	b := ficheBundle()
	end := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	m, err := Fiche(Meta{Infos: infos, Sources: FicheSources, Arretees: &end}, b, b.DimCommune[1], 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, m))
	for _, want := range []string{
		"Bergues (59067) 3 525 habitants (population municipale 2023) Relais Petite Enfance : Antenne de Bergues",
		"Places agréées des assistants maternels",
		"Bergues Antenne de Territoire Bergues", // the antenne's name on two lines
		// Bergues and Quaëdypre: Quaëdypre's masked AM makes the antenne's sum « – »; the
		// territory's AM are all the communes', one masked: « – » too.
		"Assistants maternels agréés au 31 décembre 30 – –",
		"Places agréées chez ces assistants maternels 97 106 286",
		"Enfants de moins de 3 ans 100 200 500",
		// Antenne: 106 places for 200 children; territory: the key indicator.
		"Places pour 100 enfants de moins de 3 ans 75,0 53,0 51,9",
		"Antenne : les 2 communes qu'elle couvre ; territoire : les 5 communes.",
		"« – » : une somme qui compterait un effectif masqué par le secret statistique.",
		"107,5 assistants maternels pour un ETP d'animation dans son antenne (Antenne de Bergues), 91,2 pour l'ensemble du relais ; repère : 1 ETP pour 70 assistants maternels au plus (objectif de la COG État-Cnaf 2018-2022, repris par le référentiel national des Relais Petite Enfance (Cnaf, 2021)).",
		"Évolution 2023 2024 2025 Assistants maternels 36 33 30 Places agréées 117 105 97",
		"Données arrêtées au 31 décembre 2025",
		"page 1 sur 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Bergues' page lacks %q:\n%s", want, text)
		}
	}
}

// TestLocator: the commune is filled, the others only outlined, from the geometry read once.
func TestLocator(t *testing.T) {
	b := ficheBundle()
	img, err := locator(b.CarteCommunes, "59067", 300)
	if err != nil {
		t.Fatal(err)
	}
	p, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	ter, _ := territoryOf(b.CarteCommunes)
	pr := ter.at(300)
	at := func(insee string) (uint32, uint32, uint32) {
		cx, cy := centroid(largest(pr.shapes[insee]))
		r, g, bl, _ := p.At(int(cx), int(cy)).RGBA()
		return r >> 8, g >> 8, bl >> 8
	}
	fr, fg, fb := palette.RGB(palette.Series[0])
	if r, g, bl := at("59067"); int(r) != fr || int(g) != fg || int(bl) != fb {
		t.Errorf("Bergues is (%d,%d,%d), want the fill %s", r, g, bl, palette.Series[0])
	}
	zr, zg, zb := palette.RGB(palette.Zebra)
	if r, g, bl := at("59046"); int(r) != zr || int(g) != zg || int(bl) != zb {
		t.Errorf("Bambecque is (%d,%d,%d), want the background %s", r, g, bl, palette.Zebra)
	}
	again, _ := territoryOf(b.CarteCommunes)
	if again != ter {
		t.Error("the boundaries are read again for the same slice")
	}
}

// TestDataEnd: the last day of the year's activity data received; a missing month does not count.
func TestDataEnd(t *testing.T) {
	b := &marts.Bundle{
		Completude: []marts.Completude{
			{Type: "eaje_presences", Annee: 2025, Periode: "2025-10", Statut: "complet"},
			{Type: "eaje_presences", Annee: 2025, Periode: "2025-11", Statut: "partiel"},
			{Type: "eaje_presences", Annee: 2025, Periode: "2025-12", Statut: "manquant"},
			{Type: "am_registre", Annee: 2025, Periode: "2025", Statut: "complet"},
		},
		ACMFrequentation: []marts.ACMFrequentation{{Annee: 2025, Donnees: "complet", Fin: time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC)},
			{Annee: 2025, Donnees: "manquant", Fin: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}},
	}
	if got := b.DataEnd(2025); got == nil || !got.Equal(time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dataEnd = %v, want 30 November 2025", got)
	}
	if got := b.DataEnd(2024); got != nil {
		t.Errorf("dataEnd of a year without data = %v, want none", got)
	}
	meta := Meta{Infos: infos, Arretees: b.DataEnd(2025)}
	if got := meta.dates(); got != "Données arrêtées au 30 novembre 2025 · édité le 29 novembre 2026 par enfance" {
		t.Errorf("dates = %q", got)
	}
}

// TestBriefReferences: the note sets the relais and the EAJE's occupation beside their
// references, each with its source and year, and says why each compares only roughly.
func TestBriefReferences(t *testing.T) {
	b := ficheBundle()
	b.IndicateursCles = append(b.IndicateursCles, marts.IndicateursCles{Annee: 2025, Code: "eaje_occupation_financiere", Libelle: "Taux d'occupation financier des EAJE",
		Unite: "taux", Valeur: sql.NullFloat64{Float64: 0.741, Valid: true}})
	m, err := Brief(Meta{Infos: infos, Sources: BriefSources}, b, 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, m))
	for _, want := range []string{
		"Repères Indicateur Territoire 2025 Repère Source du repère",
		"Assistants maternels pour un ETP 91,2 70 au plus objectif de la COG État-Cnaf",
		"Taux d'occupation financier des EAJE 74,1 % 69 % (2019) Sécurité sociale, PQE Famille, indicateur « augmenter le taux",
		"Le repère compte les assistants maternels en activité",
		"il se compare au taux d'occupation financier du territoire, pas au taux réel",
		"Légende : places d'accueil pour 100 enfants de moins de 3 ans",
		"moins de 10 10 à moins de 20 20 à moins de 30 30 à moins de 40 40 et plus", // up to 75,04
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the note lacks %q:\n%s", want, text)
		}
	}
}

// TestFicheTerritoryAMAgrees: with a commune's AM masked, the territory's AM of a commune page
// are the relais' AM agréés on 31 December (the row's definition), not the key indicator's AM
// en activité, which leaves out those without children or suspended.
func TestFicheTerritoryAMAgrees(t *testing.T) {
	b := ficheBundle()
	b.AMAttractiviteAnnuelle = []marts.AMAttractiviteAnnuelle{{Annee: 2025, Actives31Decembre: 61, EnActivite: sql.NullInt64{Int64: 55, Valid: true}}}
	b.IndicateursCles = append(b.IndicateursCles, marts.IndicateursCles{Annee: 2025, Code: "am_actives", Libelle: "Assistants maternels en activité au 31 décembre",
		Unite: marts.UnitPersons, Valeur: sql.NullFloat64{Float64: 55, Valid: true}, Donnees: "complet"})
	m, err := Fiche(Meta{Infos: infos, Sources: FicheSources}, b, b.DimCommune[1], 2025)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, m))
	if want := "Assistants maternels agréés au 31 décembre 30 – 61"; !strings.Contains(text, want) {
		t.Errorf("Bergues' page lacks %q:\n%s", want, text)
	}
}
