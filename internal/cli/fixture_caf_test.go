package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"enfance/internal/testtool"
	"enfance/internal/warehouse"
)

// TestFixtureCAFDeclarations checks, against figures worked out by hand from the fixture, what the
// CAF and the CTG ask beyond the occupation: the relais' detail (contacts by reason and channel,
// monenfant.fr availability, temps forts), and the same figures in the CAF evaluation.
func TestFixtureCAFDeclarations(t *testing.T) {
	out := buildFixture(t)
	db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checks := []figure{
		// Contacts: 6 lines, 3 parents, 2 AM, 1 partner; by reason autre 2 (a parent's mail, the
		// partner's mail), the 4 others once each; by channel téléphone 2, mail 2, accueil 1, rdv 1.
		{"contacts « autre »", `SELECT sum(contacts) FROM marts.rpe_contacts_motifs WHERE motif = 'autre'`, 2},
		{"contacts par téléphone", `SELECT sum(contacts) FROM marts.rpe_contacts_motifs WHERE canal = 'telephone'`, 2},
		{"contacts de parents pour chercher un mode d'accueil", `SELECT sum(contacts) FROM marts.rpe_contacts_motifs WHERE public = 'parent' AND motif = 'recherche_mode_accueil'`, 1},
		{"tous les contacts", `SELECT sum(contacts) FROM marts.rpe_contacts_motifs`, 6},
		// monenfant.fr: in activity on 31 December AM01 to AM10 and AM12 (AM11 retired in June) = 11.
		// Declared from 1 July: AM01 to AM05 in November, AM06 on 2 July = 6; AM07 only in May, AM11
		// retired. 6 / 11 = 54,5 %. Places of their last declaration: 1 + 0 + 2 + 1 + 0 + 3 = 7 (AM01's
		// 2 of May are replaced by her 1 of November).
		{"AM en activité au 31 décembre", `SELECT am_en_activite FROM marts.am_disponibilites_annuelles WHERE antenne = 'territoire'`, 11},
		{"AM à jour", `SELECT am_a_jour FROM marts.am_disponibilites_annuelles WHERE antenne = 'territoire'`, 6},
		{"part à jour = 6 / 11", `SELECT part_a_jour FROM marts.am_disponibilites_annuelles WHERE antenne = 'territoire'`, 6.0 / 11},
		{"places disponibles = 1 + 0 + 2 + 1 + 0 + 3", `SELECT places_disponibles FROM marts.am_disponibilites_annuelles WHERE antenne = 'territoire'`, 7},
		// Temps forts: the antenne's show in December (18 parents, 9 AM, 25 children) and the
		// summer party without an antenne (30, 12, 41): 2 events, 48 parents, 21 AM, 66 children.
		{"temps forts", `SELECT temps_forts FROM marts.rpe_temps_forts_annuels WHERE antenne = 'territoire'`, 2},
		{"parents = 18 + 30", `SELECT parents FROM marts.rpe_temps_forts_annuels WHERE antenne = 'territoire'`, 48},
		{"AM = 9 + 12", `SELECT am FROM marts.rpe_temps_forts_annuels WHERE antenne = 'territoire'`, 21},
		{"enfants de la fête intercommunale", `SELECT enfants FROM marts.rpe_temps_forts_annuels WHERE antenne = 'intercommunal'`, 41},
		// The ALSH's Wednesdays of March, a school week (no child on the other days): on the 5th,
		// children 1 to 5 stay 10 h with the meal, capped at 9 h (5 × 1 h removed), children 6 and 7
		// a half-day of 4,5 h, capped at 4 h (2 × 0,5 h), child 8 a half-day of 3 h; on the 12th,
		// children 1 to 4 stay 8,5 h, under the cap. Réalisées 50 + 9 + 3 + 34 = 96 h, écrêtées
		// 5 + 1 = 6 h, actes 90 h. The holiday Wednesday of 26 February (the ALSH open all week) is
		// not capped: the winter holidays keep their 480 h. The year: 576 h réalisées, 570 h of actes.
		{"heures des mercredis", `SELECT heures_realisees FROM marts.acm_actes WHERE periode = 'mercredis-2025-1'`, 96},
		{"écrêtées = 5 × 1 + 2 × 0,5", `SELECT heures_ecretees FROM marts.acm_actes WHERE periode = 'mercredis-2025-1'`, 6},
		{"mercredis plafonnés : 7 journées-enfants", `SELECT mercredis_plafonnes FROM marts.acm_actes WHERE periode = 'mercredis-2025-1'`, 7},
		{"actes des mercredis = 96 − 6", `SELECT actes_heures FROM marts.acm_actes WHERE periode = 'mercredis-2025-1'`, 90},
		{"vacances non plafonnées", `SELECT actes_heures FROM marts.acm_actes WHERE periode = 'hiver-2025'`, 480},
		{"actes de l'année = 480 + 90", `SELECT actes_heures FROM marts.acm_actes WHERE periode = 'annee'`, 570},
		{"indicateur clé : les actes plafonnés", `SELECT valeur FROM marts.indicateurs_cles WHERE indicateur = 'acm_heures_realisees'`, 570},
	}
	checkFigures(t, db, checks)
	bilan := flatText(testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, "reports", "bilan-caf-2025.pdf"), "-"))
	for _, want := range []string{
		// reason, then accueil, téléphone, courriel, rendez-vous, total
		"Recherche d'un mode d'accueil 0 1 0 0 1",
		"Autre 0 0 2 0 2",
		"Total 1 2 2 1 6",
		"Territoire 11 6 54,5 % 7",
		"Antenne A 1 18 9 25",
		"Intercommunaux 1 30 12 41",
		"Territoire 2 48 21 66",
		"Accueil de loisirs du 1er janvier au 30 juin 96,0 6,0 90,0",
		"Accueil de loisirs Année 2025 576,0 6,0 570,0",
		"9,0 h pour une journée avec repas, 4,0 h pour une demi-journée sans repas",
	} {
		if !strings.Contains(bilan, want) {
			t.Errorf("the CAF evaluation lacks %q:\n%s", want, bilan)
		}
	}
}

// flatText is a document's text on one line, single spaces, narrow spaces as spaces.
func flatText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u202f", " ")), " ")
}
