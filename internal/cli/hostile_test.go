package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileExportsAudit drops into the demo's exports what an attacker or a careless hand
// would: links to the key of the pseudonyms and to a system file, a FIFO, a file that lost its
// header line, shifted columns, a name holding a line break, a birth date in words, a file name
// that forges a line. The run ends, and no planted name, birth date, key or system line reaches
// stdout, stderr, the warehouse, Parquet, the PDFs, the workbooks or the dashboard.
func TestHostileExportsAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on a year of the demo")
	}
	data, out := filepath.Join(t.TempDir(), "exports"), t.TempDir()
	if r := enfance(t, "demo", "--out", data, "--from", "2025", "--to", "2025", "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	plant := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(data, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(name, target string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(data, name)); err != nil {
			t.Fatal(err)
		}
	}
	const head = "code_structure;date;enfant;date_naissance;commune_residence;heures_realisees;heures_facturees\n"
	plant("eaje_presences_MA-LOUPS_2024-01.csv", "MA-LOUPS;03/01/2024;Zéphyrine PLANTÉE;13/11/2023;59663;8;9\n")
	plant("eaje_presences_MA-LOUPS_2024-02.csv", head+"MA-LOUPS;05/02/2024;59663;13/11/2023;Zéphyrine PLANTÉE;8;9\n")
	plant("eaje_presences_MA-LOUPS_2024-03.csv", head+"MA-LOUPS;04/03/2024;\"Zéphyrine\nPLANTÉE\";13/11/2023;59663;8;9\n"+
		"MA-LOUPS;05/03/2024;Zéphyrine PLANTÉE;13 novembre 2023;59663;8;9\n")
	plant("rpe_contacts_2024\nrefusé : tout va bien.csv", "date;lieu\n02/01/2024;ici\n")
	link("rpe_contacts_2023.csv", os.Getenv("ENFANCE_SECRET"))
	link("eaje_presences_MA-LOUPS_2024-04.csv", "/etc/passwd")
	if err := syscall.Mkfifo(filepath.Join(data, "rpe_contacts_2022.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"run", "--data", data, "--out", out}, strings.NewReader(""), &stdout, &stderr, clock)
	if ctx.Err() != nil {
		t.Fatal("the run blocked on the exports folder")
	}
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	text := stdout.String() + stderr.String() + outputsText(t, out)
	for _, planted := range []string{"PLANTÉE", "Zéphyrine", "13/11/2023", "13 novembre", "2023-11-13", "root:x:0:0"} {
		if strings.Contains(text, planted) {
			i := strings.Index(text, planted)
			t.Errorf("%q reaches the outputs: …%s…", planted, text[max(i-80, 0):min(i+80, len(text))])
		}
	}
	checkNoKey(t, out, text)
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(line, "refusé : tout va bien") {
			t.Errorf("a file name forged a line of the summary: %q", line)
		}
	}
	for _, want := range []string{`rpe_contacts_2024\nrefusé : tout va bien.csv`, "lien symbolique refusé", "tube nommé (FIFO) refusé", "la ligne d'en-tête manque-t-elle"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout does not say %q:\n%s", want, stdout.String())
		}
	}
}
