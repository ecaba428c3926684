package reports

import "enfance/internal/marts"

// ctgSheet is the CTG follow-up, every key indicator and year of the convention: baseline,
// target, value, the value expected on the way from the baseline to the target, and where it
// stands. Counts of persons are hidden below the threshold of the secret statistique.
func ctgSheet(b *marts.Bundle) sheet {
	s := sheet{name: "CTG suivi", headers: []string{"Indicateur", "Libellé", "Unité", "Année", "Année de base", "Valeur de base",
		"Données de base", "Cible", "Année de la cible", "Valeur", "Données", "Valeur attendue", "Appréciation"},
		formats: []cellFormat{asText, asText, asText, asYear, asYear, asDecimal, asText, asDecimal, asYear, asDecimal, asText, asDecimal, asText}}
	for _, c := range b.CTGSuivi {
		f := unitFormat(c.Unite)
		base, value := any(styled{c.ValeurBase, f}), any(styled{c.Valeur, f})
		if c.Unite == marts.UnitPersons {
			base, value = styled{persons(c.ValeurBase, b.InfosEntrepot.SecretStatistique), f}, styled{persons(c.Valeur, b.InfosEntrepot.SecretStatistique), f}
		}
		s.rows = append(s.rows, []any{c.Code, c.Libelle, c.Unite, c.Annee, c.AnneeBase, base, c.DonneesBase, styled{c.Cible, f}, c.Derniere,
			value, c.Donnees, styled{c.Attendue, f}, c.Appreciation})
	}
	return s
}
