package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestUnsafeEntries: links, FIFOs and devices in the exports folder are refused without blocking
// and without quoting what they point to; the folder's ordinary files still load.
func TestUnsafeEntries(t *testing.T) {
	outside := t.TempDir()
	key := "c0ffee" + strings.Repeat("ab", 29)
	secretPath := filepath.Join(outside, "secret")
	if err := os.WriteFile(secretPath, []byte(key+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("antennes_rpe.csv", "code_antenne;nom;commune_insee\nANT-BERGUES;Bergues;59067\n")
	write("rpe_contacts_2021.csv", "date;antenne;public\n02/01/2021;ANT-BERGUES;parent\n")
	links := map[string]string{
		"rpe_contacts_2020.csv":   secretPath,
		"rpe_contacts_2019.csv":   "/dev/zero",
		"rpe_contacts_2018.csv":   filepath.Join(dir, "rpe_contacts_2021.csv"), // inside the folder: refused too
		"sous-dossier":            outside,
		"eaje_presences_2025.csv": "/etc/passwd",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "rpe_contacts_2017.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, sum := ingestDir(t, dir, nil)
	want := map[string]string{
		"rpe_contacts_2020.csv":   "lien symbolique refusé",
		"rpe_contacts_2019.csv":   "lien symbolique refusé",
		"rpe_contacts_2018.csv":   "lien symbolique refusé",
		"sous-dossier":            "lien symbolique refusé",
		"eaje_presences_2025.csv": "lien symbolique refusé",
		"rpe_contacts_2017.csv":   "tube nommé (FIFO) refusé",
	}
	for _, f := range sum.Files {
		if strings.Contains(f.Detail+f.FirstReason, "c0ffee") || strings.Contains(f.Detail, "root:") {
			t.Errorf("%s: the message quotes the target: %q", f.Path, f.Detail)
		}
		if msg, ok := want[f.Path]; ok {
			if f.Status != StatusRefused || !strings.Contains(f.Detail, msg) {
				t.Errorf("%s: %s %q, want refused with %q", f.Path, f.Status, f.Detail, msg)
			}
			delete(want, f.Path)
		}
		if f.Path == "rpe_contacts_2021.csv" && f.Loaded != 1 {
			t.Errorf("the ordinary file loaded %d rows", f.Loaded)
		}
	}
	if len(want) > 0 {
		t.Errorf("not in the summary: %v", want)
	}
}

// TestChangedWhileLoading: a file rewritten between the walk and its parsing is refused, so that
// the hash recorded is always that of the rows loaded.
func TestChangedWhileLoading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rpe_contacts_2021.csv")
	if err := os.WriteFile(path, []byte("date;antenne;public\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, hash, err := readExport(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rereadExport(path, hash); err != nil {
		t.Fatalf("unchanged file: %v", err)
	}
	if err := os.WriteFile(path, []byte("date;antenne;public\n02/01/2021;ANT-BERGUES;parent\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := rereadExport(path, hash); err != errChanged {
		t.Errorf("rewritten file: %v, want errChanged", err)
	}
}

// TestMessagesQuoteNoPerson: names and birth dates planted where messages used to quote them
// (a file without its header, shifted columns, a name with a line break, a birth date in words)
// appear in no summary and no column of the raw layer but pseudonyms.
func TestMessagesQuoteNoPerson(t *testing.T) {
	const head = "code_structure;date;enfant;date_naissance;commune_residence;heures_realisees;heures_facturees\n"
	capacity := "code_structure;date_debut;places;jours;heure_debut;heure_fin\nMA-LOUPS;01/01/2020;20;lun|mar|mer|jeu|ven;07:30;18:30\n"
	files := map[string]string{
		"structures.csv":              "code_structure;nom;type;commune_insee\nMA-LOUPS;Les Loups;eaje_multi_accueil;59663\n",
		"eaje_capacites_MA-LOUPS.csv": capacity,
		// the header line is lost: the first row is read as the header
		"eaje_presences_MA-LOUPS_2025-01.csv": "MA-LOUPS;03/01/2025;Zoé PLANTÉE;24/02/2024;59663;8;9\n",
		// the child and commune columns swapped
		"eaje_presences_MA-LOUPS_2025-02.csv": head + "MA-LOUPS;03/02/2025;59663;24/02/2024;Rose RICHARDOT;8;9\n",
		// a name holding a line break, a birth date in words, a name in an hours column
		"eaje_presences_MA-LOUPS_2025-03.csv": head + "MA-LOUPS;03/03/2025;\"Léon\nMARCHAND\";24/02/2024;59663;8;9\n" +
			"MA-LOUPS;04/03/2025;Ana BRIQUET;25 juillet 2024;59663;8;9\n" +
			"MA-LOUPS;05/03/2025;Ana BRIQUET;25/07/2024;59663;Ana BRIQUET;9\n",
	}
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db, sum := ingestDir(t, dir, nil)
	planted := []string{"PLANTÉE", "Zoé", "RICHARDOT", "MARCHAND", "Léon", "BRIQUET", "juillet", "25/07/2024", "24/02/2024"}
	var out strings.Builder
	for _, f := range sum.Files {
		fmt.Fprintf(&out, "%s %s %s %s %v\n", f.Path, f.Status, f.Detail, f.FirstReason, f.Warnings)
	}
	rows, err := db.Query(`SELECT coalesce(valeur, '') || ' ' || motif FROM raw.rejets UNION ALL SELECT coalesce(detail, '') FROM raw.chargements`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out.WriteString(s + "\n")
	}
	for _, p := range planted {
		if strings.Contains(out.String(), p) {
			t.Errorf("%q is quoted:\n%s", p, out.String())
		}
	}
	for _, want := range []string{"ligne d'en-tête manque", "(masquée)", "texte de 14 caractères"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
}

// TestFileNamesEscaped: a file name holding a line break or a bidirectional override cannot
// forge a line of the summary or hide its end.
func TestFileNamesEscaped(t *testing.T) {
	dir := t.TempDir()
	name := "rpe_contacts_2021\nrefusé : structures.csv\u202e.csv"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("date;antenne;public\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, sum := ingestDir(t, dir, nil)
	if len(sum.Files) != 1 {
		t.Fatalf("%d files", len(sum.Files))
	}
	if got := sum.Files[0].Path; strings.ContainsAny(got, "\n\u202e") || !strings.Contains(got, `\n`) {
		t.Errorf("path %q", got)
	}
}
