package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// register2024 is the fixture's register as it stood at the end of 2024: AM07 then worked for a
// second antenne with 2 places, AM08 in Bergues with 4 places; AM11 had not retired, AM12 was not
// yet agréée. The 2025 register (testdata/fixture) has AM07 in ANT-A with 3 places and AM08 in
// Bierne with 3 places.
const register2024 = `identifiant_am;antenne;commune_insee;annee_naissance;date_premier_agrement;places_agreees;mam;statut;date_cessation;motif_cessation
AM01 Alice;ANT-A;59067;1960;01/05/2010;4;;active;;
AM02 Brigitte;ANT-A;59067;1963;01/05/2010;2;;active;;
AM03 Céline;ANT-A;59067;1970;01/05/2010;3;MAM Test;active;;
AM04 Denise;ANT-A;59067;1975;01/05/2010;3;;active;;
AM05 Émilie;ANT-A;59067;1980;01/05/2010;3;;active;;
AM06 Fanny;ANT-A;59067;1985;01/05/2010;3;;active;;
AM07 Gaëlle;ANT-B;59082;1990;01/05/2010;2;;active;;
AM08 Hélène;ANT-A;59067;1972;01/05/2010;4;;active;;
AM09 Inès;ANT-A;59082;1968;01/05/2010;3;;active;;
AM10 Julie;ANT-A;59082;1978;01/05/2010;3;;active;;
AM11 Karine;ANT-A;59067;1961;01/01/2005;3;;active;;
`

// amHistoryRun runs the fixture with a second antenne and the 2024 register at old2024, and the
// fixture's 2025 register moved to new2025 (paths relative to the exports folder).
func amHistoryRun(t *testing.T, old2024, new2025 string) string {
	t.Helper()
	data := fixtureCopy(t)
	antennes := "code_antenne;nom;commune_insee;communes_couvertes;etp_animation\n" +
		"ANT-A;Antenne A;59067;59067|59082;0,5\nANT-B;Antenne B;59082;;0,5\n"
	write := func(name, content string) {
		p := filepath.Join(data, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("antennes_rpe.csv", antennes)
	write(old2024, register2024)
	if new2025 != "am_registre_2025.csv" {
		b, err := os.ReadFile(filepath.Join(data, "am_registre_2025.csv"))
		if err != nil {
			t.Fatal(err)
		}
		write(new2025, string(b))
		if err := os.Remove(filepath.Join(data, "am_registre_2025.csv")); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	if r := enfance(t, "run", "--data", data, "--out", out, "--year", "2025", "-q"); r.code != exitOK && r.code != exitIncomplete {
		t.Fatalf("run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return out
}

// TestAMHistory: each year's AM figures come from the situation valid that year, whatever the
// order of the registers' paths: a move in 2025 does not rewrite 2024.
func TestAMHistory(t *testing.T) {
	cases := []struct{ name, old2024, new2025 string }{
		{"chemins dans l'ordre des années", "am_registre_2024.csv", "am_registre_2025.csv"},
		{"ancien registre dans un sous-dossier, chargé après", "archives/am_registre_2024.csv", "am_registre_2025.csv"},
		{"registre sans année dans son nom", "archives/am_registre_2024.csv", "am_registre.csv"},
	}
	attractivite := func(column, antenne, year string) string {
		return `SELECT ` + column + ` FROM marts.am_attractivite_annuelle WHERE antenne = '` + antenne + `' AND annee = ` + year
	}
	couverture := func(column, commune, year string) string {
		return `SELECT ` + column + ` FROM marts.couverture_commune WHERE commune_insee = '` + commune + `' AND annee = ` + year
	}
	figures := []figure{
		{"2024 : AM07 dans l'antenne B", attractivite("am_actives_31_decembre", "ANT-B", "2024"), 1},
		{"2024 : ses 2 places dans l'antenne B", attractivite("places_agreees", "ANT-B", "2024"), 2},
		{"2024 : AM01 à AM11 moins AM07 dans l'antenne A", attractivite("am_actives_31_decembre", "ANT-A", "2024"), 10},
		{"2025 : plus personne dans l'antenne B", `SELECT count(*) FROM marts.am_annees WHERE annee = 2025 AND antenne = 'ANT-B'`, 0},
		{"2025 : AM07 dans l'antenne A au 1er janvier", attractivite("am_actives_1er_janvier", "ANT-A", "2025"), 11},
		{"2025 : places au 31 décembre = 4 + 2 + 8 × 3 + 2", attractivite("places_agreees", "territoire", "2025"), 32},
		{"2024 : places de Bergues = 4 + 2 + 3 × 4 + 4 (AM08) + 3 (AM11)", couverture("places_am", "59067", "2024"), 25},
		{"2024 : places de Bierne = 2 (AM07) + 3 + 3", couverture("places_am", "59082", "2024"), 8},
		{"2025 : places de Bierne = 4 × 3", couverture("places_am", "59082", "2025"), 12},
		{"2025 : places de Bergues = 4 + 2 + 4 × 3 + 2", couverture("places_am", "59067", "2025"), 20},
		{"AM07 : deux périodes", `SELECT count(*) FROM marts.am_historique h JOIN marts.am_annees a USING (identifiant_am)
			WHERE a.annee = 2024 AND a.antenne = 'ANT-B'`, 2},
		{"AM07 : l'antenne B jusqu'au 31 décembre 2024, du registre 2024", `SELECT count(*) FROM marts.am_historique
			WHERE antenne = 'ANT-B' AND valide_du = DATE '2010-05-01' AND valide_au = DATE '2024-12-31' AND annee_registre = 2024`, 1},
		{"AM07 : l'antenne A depuis le 1er janvier 2025, du registre 2025", `SELECT count(*) FROM marts.am_historique h JOIN marts.am_annees a USING (identifiant_am)
			WHERE a.annee = 2024 AND a.antenne = 'ANT-B' AND h.antenne = 'ANT-A' AND h.valide_du = DATE '2025-01-01' AND h.valide_au IS NULL AND h.annee_registre = 2025`, 1},
		{"plusieurs périodes : AM07 et AM08 (déménagement), AM11 (statut cessation)", `SELECT count(*) FROM (
			SELECT identifiant_am FROM marts.am_historique GROUP BY ALL HAVING count(*) > 1)`, 3},
		{"AM11 : sa dernière période s'arrête à sa cessation", `SELECT count(*) FROM marts.am_historique WHERE valide_au = DATE '2025-06-30'`, 1},
		{"une ligne par AM et par année : 11 en 2024, 12 en 2025", `SELECT count(*) FROM marts.am_annees`, 23},
		{"2024 : places perdues en cinq ans à Bergues = 4 (AM01) + 3 (AM11) + 2 (AM02)", `SELECT sum(places_perdues_projetees) FROM marts.am_projection_departs_communes
			WHERE annee_reference = 2024 AND commune_insee = '59067'`, 9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openWarehouse(t, amHistoryRun(t, c.old2024, c.new2025))
			checkFigures(t, db, figures)
		})
	}
}
