package reports

import "enfance/internal/marts"

// psuSheet is the four PSU declarations of the year for each EAJE, one row per declaration,
// ready to copy into the CAF's forms; the prévisionnel repeats the réel N-1 for the structure to
// adjust, and its label says so.
func psuSheet(b *marts.Bundle, year int) sheet {
	s := sheet{name: "EAJE déclarations PSU", headers: []string{"Code", "Structure", "Année", "Déclaration", "Année des données",
		"Mois de début", "Mois de fin", "Mois d'ouverture", "Mois sans présences", "Jours d'ouverture", "Heures-places offertes (capacité)",
		"Heures réalisées", "Réalisées régime général", "Réalisées MSA", "Réalisées autres régimes", "Réalisées régime non renseigné",
		"Heures facturées", "Facturées régime général", "Facturées MSA", "Facturées autres régimes", "Facturées régime non renseigné",
		"Part du régime général (heures facturées)", "Taux d'occupation réel", "Taux d'occupation financier", "Taux de facturation", "Données"},
		formats: []cellFormat{asText, asText, asYear, asText, asYear, asInt, asInt, asInt, asInt, asInt, asDecimal,
			asDecimal, asDecimal, asDecimal, asDecimal, asDecimal, asDecimal, asDecimal, asDecimal, asDecimal, asDecimal,
			asPercent, asPercent, asPercent, asPercent, asText}}
	for _, d := range b.EAJEDeclarationsPSU {
		if d.Annee != year {
			continue
		}
		s.rows = append(s.rows, []any{d.Code, d.Nom, d.Annee, d.Libelle, d.AnneeDonnees, d.MoisDebut, d.MoisFin, d.MoisOuverture,
			d.MoisSansDonnees, d.Jours, d.Capacite, d.HeuresRealisees, d.RealiseesGeneral, d.RealiseesMSA, d.RealiseesAutre,
			d.RealiseesNonRens, d.HeuresFacturees, d.FactureesGeneral, d.FactureesMSA, d.FactureesAutre, d.FactureesNonRens,
			d.PartGeneral, d.TauxReel, d.TauxFinancier, d.TauxFactura, d.Donnees})
	}
	return s
}
