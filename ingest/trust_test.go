package ingest

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// service are the lists the rows of the small folders below are checked against.
var service = map[string]string{
	"antennes_rpe.csv": "code_antenne;nom;commune_insee\nANT-BERGUES;Bergues;59067\n",
	"structures.csv": "code_structure;nom;type;commune_insee\nMA-LOUPS;Les Loups;eaje_multi_accueil;59663\n" +
		"ALSH-WATTEN;Accueil de Watten;acm_extrascolaire;59647\n",
	"eaje_capacites_MA-LOUPS.csv": "code_structure;date_debut;places;jours;heure_debut;heure_fin\n" +
		"MA-LOUPS;01/01/2020;20;lun|mar|mer|jeu|ven;07:30;18:30\n",
}

const presenceHead = "code_structure;date;enfant;date_naissance;commune_residence;heures_realisees;heures_facturees\n"

// loadFiles writes the service's lists and files into a new folder and loads it.
func loadFiles(t *testing.T, files map[string]string) (*sql.DB, *Summary) {
	t.Helper()
	dir := t.TempDir()
	all := maps.Clone(service)
	maps.Copy(all, files)
	for name, content := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ingestDir(t, dir, nil)
}

// rejectsOf lists the rejects of a file as « ligne colonne code ».
func rejectsOf(t *testing.T, db *sql.DB, file string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT ligne, coalesce(colonne, '-'), code_motif FROM raw.rejets WHERE fichier = ? ORDER BY ligne, colonne`, file)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var line int
		var col, code string
		if err := rows.Scan(&line, &col, &code); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s %s", line, col, code))
	}
	return got
}

func fileSummary(t *testing.T, sum *Summary, path string) FileSummary {
	t.Helper()
	i := slices.IndexFunc(sum.Files, func(f FileSummary) bool { return f.Path == path })
	if i < 0 {
		t.Fatalf("%s is not in the summary", path)
	}
	return sum.Files[i]
}

// TestBounds: a value a real export cannot hold is rejected, naming its bound; a planned date
// and a far end of validity are not. The day of the run is testToday, 15/01/2026.
func TestBounds(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string
	}{
		{"presence in 1900", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;03/03/1900;Léa TEST;01/01/2024;59663;8;8\n",
			[]string{"2 date hors_bornes"}},
		{"presence in 2099", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;03/03/2099;Léa TEST;01/01/2024;59663;8;8\n",
			[]string{"2 date hors_bornes"}},
		{"presence after the day of the run", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;16/01/2026;Léa TEST;01/01/2024;59663;8;8\n",
			[]string{"2 date hors_bornes"}},
		{"presence on the day of the run", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;15/01/2026;Léa TEST;01/01/2024;59663;8;8\n",
			nil},
		{"child born in 1950", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;03/03/2025;Léa TEST;01/01/1950;59663;8;8\n",
			[]string{"2 date_naissance hors_bornes"}},
		{"more than 24 billed hours", "eaje_presences_MA-LOUPS.csv", presenceHead + "MA-LOUPS;03/03/2025;Léa TEST;01/01/2024;59663;8;25\n",
			[]string{"2 heures_facturees heures_hors_bornes"}},
		{"seven places agreed", "am_registre_2025.csv", amHead + "AM-1;ANT-BERGUES;59067;1970;01/01/2000;7\n",
			[]string{"2 places_agreees hors_bornes"}},
		{"six places agreed", "am_registre_2025.csv", amHead + "AM-1;ANT-BERGUES;59067;1970;01/01/2000;6\n",
			nil},
		{"AM born in 1930", "am_registre_2025.csv", amHead + "AM-1;ANT-BERGUES;59067;1930;01/01/2000;4\n",
			[]string{"2 annee_naissance hors_bornes"}},
		{"AM of 12", "am_registre_2025.csv", amHead + "AM-1;ANT-BERGUES;59067;2014;01/01/2000;4\n",
			[]string{"2 annee_naissance hors_bornes"}},
		{"agrément in 1900", "am_registre_2025.csv", amHead + "AM-1;ANT-BERGUES;59067;1970;01/01/1900;4\n",
			[]string{"2 date_premier_agrement hors_bornes"}},
		{"no place in a slot", "eaje_capacites_MA-LOUPS_2.csv", capacityHead + "MA-LOUPS;01/01/2020;;lun;07:30;18:30;0\n",
			[]string{"2 places hors_bornes"}},
		{"500 places in a slot", "eaje_capacites_MA-LOUPS_2.csv", capacityHead + "MA-LOUPS;01/01/2020;;lun;07:30;18:30;500\n",
			[]string{"2 places hors_bornes"}},
		{"slot valid until 2099", "eaje_capacites_MA-LOUPS_2.csv", capacityHead + "MA-LOUPS;01/01/2020;31/12/2099;lun;07:30;18:30;10\n",
			nil},
		{"400 places in an ACM", "acm_periodes_ALSH-WATTEN_2025.csv", "code_structure;periode;date_debut;date_fin;capacite_moins_6;capacite_6_plus\n" +
			"ALSH-WATTEN;ETE;07/07/2025;29/08/2025;20;400\n", []string{"2 capacite_6_plus hors_bornes"}},
		{"séjour for 99-year-olds", "sejours_2025.csv", "code_sejour;intitule;date_debut;date_fin;places;age_max\n" +
			"SEJ-1;Camp;07/07/2025;14/07/2025;24;99\n", []string{"2 age_max hors_bornes"}},
		{"séjour planned next summer", "sejours_2026.csv", "code_sejour;intitule;date_debut;date_fin;places\n" +
			"SEJ-2;Camp;06/07/2026;13/07/2026;24\n", nil},
		{"séjour in 2099", "sejours.csv", "code_sejour;intitule;date_debut;date_fin;places\n" +
			"SEJ-3;Camp;06/07/2099;13/07/2099;24\n", []string{"2 date_debut hors_bornes", "2 date_fin hors_bornes"}},
		{"closure planned next Christmas", "eaje_fermetures_MA-LOUPS_2026.csv", "code_structure;date\nMA-LOUPS;25/12/2026\n",
			nil},
		{"eight children with an AM", "rpe_participations_2025.csv", "code_atelier;identifiant_am;nb_enfants\nAT-1;AM-1;8\n",
			[]string{"2 nb_enfants hors_bornes"}},
		{"one and a half ETP", "agents_2025.csv", "matricule;date_debut;etp\nA1;01/01/2020;1,5\n",
			[]string{"2 etp hors_bornes"}},
		{"population in 2099", "population_age.csv", "commune_insee;annee;tranche;effectif\n59067;2099;0_2;120\n",
			[]string{"2 annee hors_bornes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, sum := loadFiles(t, map[string]string{tt.file: tt.content})
			if diff := cmp.Diff(tt.want, rejectsOf(t, db, tt.file)); diff != "" {
				t.Errorf("rejects (-want +got):\n%s", diff)
			}
			f := fileSummary(t, sum, tt.file)
			if f.Read != 1 || f.Rejected != min(len(tt.want), 1) {
				t.Errorf("read %d, rejected %d", f.Read, f.Rejected)
			}
		})
	}
}

const (
	amHead       = "identifiant_am;antenne;commune_insee;annee_naissance;date_premier_agrement;places_agreees\n"
	capacityHead = "code_structure;date_debut;date_fin;jours;heure_debut;heure_fin;places\n"
)

// TestBoundMessages: the reason names the bound, and quotes a birth date only to its month.
func TestBoundMessages(t *testing.T) {
	file := "eaje_presences_MA-LOUPS.csv"
	db, _ := loadFiles(t, map[string]string{file: presenceHead +
		"MA-LOUPS;03/03/1900;Léa TEST;01/01/2024;59663;8;8\n" +
		"MA-LOUPS;16/01/2026;Léa TEST;01/01/2024;59663;8;8\n" +
		"MA-LOUPS;03/03/2025;Léa TEST;17/01/1950;59663;8;8\n",
	})
	rows, err := db.Query(`SELECT motif FROM raw.rejets WHERE fichier = ? ORDER BY ligne`, file)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := []string{
		"« 03/03/1900 » est avant 2000, première année plausible pour cette colonne",
		"« 16/01/2026 » est après le jour du chargement (15/01/2026)",
		"« 1950-01 » est avant 1982, première année plausible pour cette colonne",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

// TestEveryFailingColumnIsRecorded: a rejected row gives one reject per failing column, so that
// one run tells everything to correct; the file counts it once.
func TestEveryFailingColumnIsRecorded(t *testing.T) {
	file := "eaje_presences_MA-LOUPS_2025-03.csv"
	db, sum := loadFiles(t, map[string]string{file: presenceHead +
		"MA-LOUPS;31/02/2025;Léa TEST;01/01/2024;59999;-2;9\n" + // three failing columns
		"MA-LOUPS;03/03/2025;Léa TEST;01/01/2024;59663;8;8\n" +
		"MA-LOUPS;04/03/2025;Léo TEST;01/01/2024;59999;12;12\n" + // a commune, and more than the day's 11 hours
		"MA-LOUPS;05/03/2025;Léo TEST;01/01/2024;;8;8\n" + // rejected: its key takes no place
		"MA-LOUPS;05/03/2025;Léo TEST;01/01/2024;59663;8;8\n",
	})
	want := []string{
		"2 commune_residence commune_inconnue", "2 date date_invalide", "2 heures_realisees heures_negatives",
		"4 commune_residence commune_inconnue", "4 heures_realisees heures_hors_bornes",
		"5 commune_residence valeur_manquante",
	}
	if diff := cmp.Diff(want, rejectsOf(t, db, file)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	f := fileSummary(t, sum, file)
	if f.Read != 5 || f.Loaded != 2 || f.Rejected != 3 {
		t.Errorf("read %d, loaded %d, rejected %d; want 5, 2, 3", f.Read, f.Loaded, f.Rejected)
	}
	if want := "ligne 2 : « 31/02/2025 » n'est pas une date"; !strings.HasPrefix(f.FirstReason, want) {
		t.Errorf("first reason %q, want %q…", f.FirstReason, want)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM raw.chargements WHERE lignes_lues <> lignes_chargees + lignes_rejetees`); n != 0 {
		t.Errorf("%d files break read = loaded + rejected", n)
	}
	if n := queryInt(t, db, `SELECT lignes_rejetees FROM raw.chargements WHERE fichier = '`+file+`'`); n != 3 {
		t.Errorf("raw.chargements counts %d rejected lines, want 3", n)
	}
}

// TestUnknownStatusGivesEveryReason: a séjour registration with a status the registry does not
// know is a reject, with its other faults, never a row that lowers a fill rate.
func TestUnknownStatusGivesEveryReason(t *testing.T) {
	file := "sejours_inscriptions_2025.csv"
	db, sum := loadFiles(t, map[string]string{file: "code_sejour;jeune;date_naissance;commune_residence;statut\n" +
		"SEJ-1;Jeune TEST;01/05/2010;59999;annule\n" +
		"SEJ-1;Autre TEST;01/05/2011;59067;present\n",
	})
	want := []string{"2 commune_residence commune_inconnue", "2 statut valeur_hors_liste"}
	if diff := cmp.Diff(want, rejectsOf(t, db, file)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	if f := fileSummary(t, sum, file); f.Loaded != 1 || f.Rejected != 1 {
		t.Errorf("loaded %d, rejected %d", f.Loaded, f.Rejected)
	}
}

// TestDuplicatesAcrossFiles: rows of a second export of the same month, already loaded from the
// first, are rejected as duplicates of their line there; the file first in path order keeps
// them, whichever file a worker finished first.
func TestDuplicatesAcrossFiles(t *testing.T) {
	base := demoDir(t, false)
	db, _ := ingestDir(t, base, nil)
	march := queryInt(t, db, `SELECT count(*) FROM raw.eaje_presences WHERE code_structure = 'MA-LOUPS' AND month(date) = 3`)

	orig := "eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03.csv"
	b, err := os.ReadFile(filepath.Join(base, filepath.FromSlash(orig)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\r\n")
	part := strings.Join(lines[:301], "") // the header and 300 rows
	for _, tt := range []struct{ part, first string }{
		{"eaje/MA-LOUPS/eaje_presences_MA-LOUPS_2025-03_partie2.csv", orig}, // after the original: parsed first, rejected
		{"a/eaje_presences_MA-LOUPS_2025-03_partie2.csv", "a/eaje_presences_MA-LOUPS_2025-03_partie2.csv"},
	} {
		dir := copyTree(t, base)
		p := filepath.Join(dir, filepath.FromSlash(tt.part))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(part), 0o644); err != nil {
			t.Fatal(err)
		}
		later := orig
		if tt.first == orig {
			later = tt.part
		}
		for range 2 { // the same whatever the timing
			db, sum := ingestDir(t, dir, nil)
			if got := queryInt(t, db, `SELECT count(*) FROM raw.eaje_presences WHERE code_structure = 'MA-LOUPS' AND month(date) = 3`); got != march {
				t.Errorf("%s: %d presences in March, want %d", tt.part, got, march)
			}
			f := fileSummary(t, sum, later)
			if f.Rejected != 300 || f.Read != f.Loaded+f.Rejected {
				t.Errorf("%s: read %d, loaded %d, rejected %d; want 300 rejected", later, f.Read, f.Loaded, f.Rejected)
			}
			want := fmt.Sprintf("ligne 2 : doublon de %s, ligne 2 (même code_structure, date, enfant, date_naissance)", tt.first)
			if f.FirstReason != want {
				t.Errorf("first reason %q, want %q", f.FirstReason, want)
			}
			if n := queryInt(t, db, `SELECT count(*) FROM raw.rejets WHERE code_motif = 'doublon'`); n != 300 {
				t.Errorf("%d duplicates in raw.rejets, want 300", n)
			}
		}
	}
}

// TestExportStampsAreNotPeriods: monthly exports named by their export date are twelve months,
// not corrections of one another; a later export of the same month is one.
func TestExportStampsAreNotPeriods(t *testing.T) {
	base := demoDir(t, false)
	db, _ := ingestDir(t, base, nil)
	const loups = `SELECT count(*) FROM raw.eaje_presences WHERE code_structure = 'MA-LOUPS'`
	all := queryInt(t, db, loups)
	march := queryInt(t, db, loups+` AND month(date) = 3`)

	dir := copyTree(t, base)
	folder := filepath.Join(dir, "eaje", "MA-LOUPS")
	var stamped []string
	for m := 1; m <= 12; m++ {
		from := filepath.Join(folder, fmt.Sprintf("eaje_presences_MA-LOUPS_2025-%02d.csv", m))
		last := time.Date(2025, time.Month(m+1), 0, 0, 0, 0, 0, time.UTC) // the last day of month m
		to := fmt.Sprintf("eaje_presences_MA-LOUPS_%s.csv", last.Format("20060102"))
		if err := os.Rename(from, filepath.Join(folder, to)); err != nil {
			t.Fatal(err)
		}
		stamped = append(stamped, "eaje/MA-LOUPS/"+to)
	}
	db, sum := ingestDir(t, dir, nil)
	for _, p := range stamped {
		if f := fileSummary(t, sum, p); f.Status != StatusLoaded {
			t.Errorf("%s: %s %s", p, f.Status, f.Detail)
		}
	}
	if got := queryInt(t, db, loups); got != all {
		t.Errorf("%d presences at MA-LOUPS, want %d", got, all)
	}

	// A corrected export of March, stamped later, without its last five lines.
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(stamped[2])))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\r\n")
	if err := os.WriteFile(filepath.Join(folder, "eaje_presences_MA-LOUPS_20250415.csv"), []byte(strings.Join(lines[:len(lines)-6], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	db, sum = ingestDir(t, dir, nil)
	for i, p := range stamped {
		f := fileSummary(t, sum, p)
		switch {
		case i == 2 && (f.Status != StatusReplaced || f.Detail != "remplacé par eaje/MA-LOUPS/eaje_presences_MA-LOUPS_20250415.csv, plus récent"):
			t.Errorf("%s: %s %s, want replaced by the correction", p, f.Status, f.Detail)
		case i != 2 && f.Status != StatusLoaded:
			t.Errorf("%s: %s %s", p, f.Status, f.Detail)
		}
	}
	if got := queryInt(t, db, loups+` AND month(date) = 3`); got != march-5 {
		t.Errorf("after the correction: %d presences in March, want %d", got, march-5)
	}
}

// TestDatedRegisters: registers of the AM named with the day they were closed are registers of
// different years, not versions of one; a later export of the same year replaces the earlier.
func TestDatedRegisters(t *testing.T) {
	dir := t.TempDir()
	register := func(name string, ids ...string) {
		t.Helper()
		var b strings.Builder
		b.WriteString("identifiant_am;antenne;commune_insee;annee_naissance;date_premier_agrement;places_agreees\n")
		for _, id := range ids {
			b.WriteString(id + ";ANT-BERGUES;59067;1970;01/09/2010;4\n")
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "antennes_rpe.csv"), []byte("code_antenne;nom;commune_insee\nANT-BERGUES;Bergues;59067\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	register("am_registre_20241231.csv", "AM1", "AM2")
	register("am_registre_20251231.csv", "AM1", "AM2", "AM3")
	register("am_registre_20250105.csv", "AM1")
	_, sum := ingestDir(t, dir, nil)
	want := map[string]string{"am_registre_20241231.csv": StatusLoaded, "am_registre_20250105.csv": StatusReplaced, "am_registre_20251231.csv": StatusLoaded}
	for name, status := range want {
		if f := fileSummary(t, sum, name); f.Status != status {
			t.Errorf("%s: %s %s, want %s", name, f.Status, f.Detail, status)
		}
	}
}

// TestSeenKeys: the filter marks the second row of every key, and few rows whose key is new.
func TestSeenKeys(t *testing.T) {
	sk := &seenKeys{bits: make([]uint64, 1024)} // 65 536 bits: 8 a key below
	rows := func(from, to int) *parsed {
		p := &parsed{}
		for i := from; i < to; i++ {
			p.rows = append(p.rows, []driver.Value{fmt.Sprint(i), "f.csv", int32(i), int32(101)})
			p.keys = append(p.keys, hashKey(rowKey{fmt.Sprint(i)}))
		}
		return p
	}
	sk.add(101, rows(0, 8000))
	vain := len(sk.marked)
	sk.add(102, rows(7000, 8000))
	if again := len(sk.marked) - vain; again != 1000 {
		t.Errorf("%d of 1 000 keys seen again marked", again)
	}
	if vain > 400 {
		t.Errorf("%d of 8 000 new keys marked", vain)
	}
}
