package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"enfance/internal/warehouse"
)

// The fixture's crèche in March 2025, from one truth: 8 children, each present the 20 open days
// with 9,5 h booked, 9,125 h realised and 9,5 h billed; the 8th child's family is at the MSA. As
// a monthly statement, each child's month is 20 × 9,5 = 190 h booked and billed and
// 20 × 9,125 = 182,5 h realised. The 8th row is dated the 31st: the month alone counts.
const statementFile = "eaje_heures_mensuelles_CRECHE_2025-03.csv"

const statement = `code_structure;mois;enfant;date_naissance;commune_residence;regime;heures_contractualisees;heures_realisees;heures_facturees
CRECHE;01/03/2025;Enfant Crèche 1;11/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 2;12/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 3;13/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 4;14/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 5;15/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 6;16/05/2023;59067;general;190;182,5;190
CRECHE;01/03/2025;Enfant Crèche 7;17/05/2023;59067;general;190;182,5;190
CRECHE;31/03/2025;Enfant Crèche 8;18/05/2023;59067;msa;190;182,5;190
`

// statementFigures are the PSU figures of the crèche that a monthly statement must give as the
// daily presences do, worked out by hand from the truth above.
var statementFigures = []figure{
	{"heures réalisées du mois = 8 × 182,5", `SELECT heures_realisees FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 1460},
	{"heures facturées du mois = 8 × 190", `SELECT heures_facturees FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 1520},
	{"heures contractualisées du mois = 8 × 190", `SELECT heures_contractualisees FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 1520},
	{"occupation réelle du mois = 1 460 / 2 000", `SELECT taux_occupation_reel FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 0.73},
	{"enfants du mois", `SELECT enfants_distincts FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE' AND mois = DATE '2025-03-01'`, 8},
	{"heures réalisées de l'année", `SELECT heures_realisees FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 1460},
	{"occupation financière de l'année = 1 520 / 2 000", `SELECT taux_occupation_financier FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 0.76},
	{"taux de facturation = 1 520 / 1 460", `SELECT taux_facturation FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 1520.0 / 1460},
	{"enfants de l'année par place = 8 / 10", `SELECT enfants_par_place FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`, 0.8},
	{"heures facturées MSA = 190", `SELECT heures_facturees FROM marts.eaje_heures_regime WHERE code_structure = 'CRECHE' AND regime = 'msa'`, 190},
	{"heures réalisées du régime général = 7 × 182,5", `SELECT heures_realisees FROM marts.eaje_heures_regime WHERE code_structure = 'CRECHE' AND regime = 'general'`, 1277.5},
	{"part MSA = 190 / 1 520", `SELECT part_heures_facturees FROM marts.eaje_heures_regime WHERE code_structure = 'CRECHE' AND regime = 'msa'`, 0.125},
	{"enfants de Bergues à la crèche", `SELECT enfants FROM marts.accueil_par_commune WHERE code_structure = 'CRECHE' AND commune_insee = '59067'`, 8},
}

// statementMarts are the crèche's figures compared whole between the variants (the state of the
// data, complet or partiel, left out).
var statementMarts = []string{
	`SELECT * EXCLUDE (donnees) FROM marts.eaje_occupation_mensuelle WHERE code_structure = 'CRECHE'`,
	`SELECT * EXCLUDE (donnees) FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE'`,
	`SELECT * FROM marts.eaje_heures_regime WHERE code_structure = 'CRECHE'`,
	`SELECT * FROM marts.accueil_par_commune WHERE code_structure = 'CRECHE'`,
	`SELECT annee, indicateur, valeur FROM marts.indicateurs_cles WHERE indicateur LIKE 'eaje%'`,
}

// TestMonthlyStatement: the crèche's month sent as a monthly statement instead of daily
// presences gives the same occupation, hours and régime figures, and the month is received;
// sent both ways, the statement is refused with what to do, and nothing is counted twice.
func TestMonthlyStatement(t *testing.T) {
	daily := openWarehouse(t, buildFixture(t))
	checkVariant(t, "présences", daily)

	data := fixtureCopy(t)
	if err := os.Remove(filepath.Join(data, "eaje_presences_CRECHE_2025-03.csv")); err != nil {
		t.Fatal(err)
	}
	writeStatement(t, data)
	out := t.TempDir()
	if r := enfance(t, "run", "--data", data, "--out", out, "-q", "--strict"); r.code != 0 {
		t.Fatalf("run with the statement: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	monthly := openWarehouse(t, out)
	checkVariant(t, "relevé", monthly)
	sameMarts(t, daily, monthly)
	checkMonth(t, monthly, "complet", true, 8)

	both := fixtureCopy(t)
	writeStatement(t, both)
	out = t.TempDir()
	r := enfance(t, "run", "--data", both, "--out", out)
	if r.code != exitIncomplete {
		t.Fatalf("run with both: exit %d, want %d\n%s%s", r.code, exitIncomplete, r.stdout, r.stderr)
	}
	want := "le mois 03/2025 de CRECHE est aussi donné en présences journalières (fichier eaje_presences_CRECHE_2025-03.csv) : " +
		"un seul des deux par mois ; retirez l'un des fichiers"
	if !strings.Contains(r.stdout, statementFile+" : 8 ligne(s) rejetée(s), ligne 2 : "+want) {
		t.Errorf("the run does not say the statement was refused and why:\n%s", r.stdout)
	}
	twice := openWarehouse(t, out)
	checkVariant(t, "les deux", twice)
	sameMarts(t, daily, twice)
	checkMonth(t, twice, "partiel", false, 160)
	var n int
	if err := twice.QueryRow(`SELECT count(*) FROM raw.rejets WHERE code_motif = 'mois_deux_sources' AND colonne = 'mois' AND valeur = '2025-03' AND motif = ?`, want).Scan(&n); err != nil || n != 8 {
		t.Errorf("%d statement rows in raw.rejets with the reason (%v), want 8", n, err)
	}
}

func fixtureCopy(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs("testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	return copyExports(t, abs)
}

func writeStatement(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, statementFile), []byte(statement), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openWarehouse(t *testing.T, out string) *sql.DB {
	t.Helper()
	db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkVariant checks the statement figures on one variant's warehouse.
func checkVariant(t *testing.T, variant string, db *sql.DB) {
	t.Helper()
	t.Run(variant, func(t *testing.T) { checkFigures(t, db, statementFigures) })
}

// sameMarts compares the crèche's marts of two runs, row by row.
func sameMarts(t *testing.T, want, got *sql.DB) {
	t.Helper()
	for _, q := range statementMarts {
		if w, g := rowsText(t, want, q), rowsText(t, got, q); w != g {
			t.Errorf("%s\nwant:\n%s\ngot:\n%s", q, w, g)
		}
	}
}

func rowsText(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query + " ORDER BY ALL")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	_, lines, err := warehouse.TextRows(rows, goldenCell)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, cells := range lines {
		for _, c := range cells {
			b.WriteString(c + ";")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// checkMonth checks the crèche's March in marts.completude: owed once, as eaje_presences.
func checkMonth(t *testing.T, db *sql.DB, status string, statement bool, lines int) {
	t.Helper()
	var gotStatus string
	var gotStatement bool
	var gotLines int
	var noDays sql.NullInt64
	err := db.QueryRow(`SELECT statut, releve_mensuel, lignes_chargees, jours_sans_presence FROM marts.completude
		WHERE code_structure = 'CRECHE' AND type_export = 'eaje_presences' AND periode = '2025-03'`).Scan(&gotStatus, &gotStatement, &gotLines, &noDays)
	if err != nil {
		t.Fatal(err)
	}
	if gotStatus != status || gotStatement != statement || gotLines != lines || noDays.Valid == statement {
		t.Errorf("completude of March: %s, relevé %v, %d lines, days without presence %v; want %s, %v, %d",
			gotStatus, gotStatement, gotLines, noDays, status, statement, lines)
	}
	var owed int
	if err := db.QueryRow(`SELECT count(*) FROM marts.completude WHERE code_structure = 'CRECHE' AND periode = '2025-03'`).Scan(&owed); err != nil || owed != 1 {
		t.Errorf("March of the crèche owed %d times (%v), want once", owed, err)
	}
}

// TestMissingEAJEYear: a year none of whose months of presences was received has no figure of
// children (never 0 children), like its hours and rates.
func TestMissingEAJEYear(t *testing.T) {
	data := fixtureCopy(t)
	if err := os.Remove(filepath.Join(data, "eaje_presences_CRECHE_2025-03.csv")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if r := enfance(t, "run", "--data", data, "--out", out, "-q"); r.code != exitIncomplete {
		t.Fatalf("run without the crèche's presences: exit %d, want %d\n%s%s", r.code, exitIncomplete, r.stdout, r.stderr)
	}
	var enfants, parPlace, heures sql.NullFloat64
	var donnees string
	err := openWarehouse(t, out).QueryRow(`SELECT enfants_distincts, enfants_par_place, heures_realisees, donnees
		FROM marts.eaje_occupation_annuelle WHERE code_structure = 'CRECHE' AND annee = 2025`).Scan(&enfants, &parPlace, &heures, &donnees)
	if err != nil || enfants.Valid || parPlace.Valid || heures.Valid || donnees != "manquant" {
		t.Errorf("crèche 2025 without presences: enfants %v, par place %v, heures %v, données %q (%v); want all empty and manquant",
			enfants, parPlace, heures, donnees, err)
	}
}

// TestMissingACMPresences: an accueil whose presences were never received has, for each declared
// period, no enfants-jours, hours or actes (never 0), and its year is manquant.
func TestMissingACMPresences(t *testing.T) {
	data := fixtureCopy(t)
	if err := os.Remove(filepath.Join(data, "acm_presences_ALSH_2025.csv")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if r := enfance(t, "run", "--data", data, "--out", out, "-q"); r.code != exitIncomplete {
		t.Fatalf("run without the accueil's presences: exit %d, want %d\n%s%s", r.code, exitIncomplete, r.stdout, r.stderr)
	}
	db := openWarehouse(t, out)
	var periods, filled int
	err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE presences_enfants_jours IS NOT NULL OR heures_realisees IS NOT NULL
		OR enfants_distincts IS NOT NULL OR capacite_places_jours IS NOT NULL OR donnees IN ('complet', 'partiel'))
		FROM marts.acm_frequentation WHERE code_structure = 'ALSH'`).Scan(&periods, &filled)
	if err != nil || periods == 0 || filled != 0 {
		t.Errorf("acm_frequentation: %d of %d periods with figures or received (%v), want none of some", filled, periods, err)
	}
	var actes sql.NullFloat64
	var donnees string
	err = db.QueryRow(`SELECT actes_heures, donnees FROM marts.acm_actes WHERE code_structure = 'ALSH' AND annee = 2025 AND periode = 'annee'`).Scan(&actes, &donnees)
	if err != nil || actes.Valid || donnees != "manquant" {
		t.Errorf("acm_actes 2025: actes %v, données %q (%v), want empty and manquant", actes, donnees, err)
	}
}
