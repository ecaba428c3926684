package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"enfance/internal/warehouse"
)

// TestNewKeyIsNoticed: a run made with another key of the pseudonyms says so.
func TestNewKeyIsNoticed(t *testing.T) {
	out := buildFixture(t)
	t.Setenv("ENFANCE_SECRET", filepath.Join(t.TempDir(), "another-secret"))
	r := enfance(t, "run", "--data", "testdata/fixture", "--out", out)
	if r.code != 0 || !strings.Contains(r.stderr, "la clé des pseudonymes n'est plus celle de l'entrepôt précédent") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if info, err := os.Stat(os.Getenv("ENFANCE_SECRET")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the new key file: %v", err)
	}
}

// TestSameExportsSameMarts: two runs on the same exports give identical marts, row for row.
func TestSameExportsSameMarts(t *testing.T) {
	a, b := martsDigest(t, buildFixture(t)), martsDigest(t, buildFixture(t))
	if a != b {
		t.Error("two runs on the same exports give different marts")
	}
}

// martsDigest hashes every mart but those skipped, ordered by all its columns.
func martsDigest(t *testing.T, out string, skip ...string) string {
	t.Helper()
	db, err := warehouse.OpenReadOnly(filepath.Join(out, warehouse.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := warehouse.Tables(t.Context(), db, "marts")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range tables {
		if slices.Contains(skip, name) {
			continue
		}
		var digest sql.NullString
		q := "SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM " + warehouse.Qualified("marts", name) + " AS t"
		if err := db.QueryRow(q).Scan(&digest); err != nil {
			t.Fatal(err)
		}
		b.WriteString(name + "=" + digest.String + "\n")
	}
	return b.String()
}

// TestCorpusUnderStrict: the corpus of broken exports ends with the rejects reported and exit
// code 3 under --strict, never a panic.
func TestCorpusUnderStrict(t *testing.T) {
	r := enfance(t, "ingest", "--data", "../../ingest/testdata/corpus", "--out", t.TempDir(), "--strict")
	if r.code != exitRejected || !strings.Contains(r.stderr, "--strict") || strings.Contains(r.stderr, "panic") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"refusé : utf16/rpe_contacts_2018.csv : colonne(s) obligatoire(s) absente(s)", "rejets : dates_absurdes/rpe_contacts_2014.csv : 4 ligne(s) rejetée(s)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stdout)
		}
	}
}

// cancelOn cancels a run once its stdout has said a given text.
type cancelOn struct {
	bytes.Buffer
	text   string
	cancel context.CancelFunc
}

func (w *cancelOn) Write(p []byte) (int, error) {
	n, err := w.Buffer.Write(p)
	if strings.Contains(w.String(), w.text) {
		w.cancel()
	}
	return n, err
}

// TestInterruptedRunSaysWhatIsNew: a run stopped after it published the warehouse says that
// only the warehouse is new, not that nothing changed.
func TestInterruptedRunSaysWhatIsNew(t *testing.T) {
	out, data := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &cancelOn{text: "entrepôt : ", cancel: cancel}
	var stderr bytes.Buffer
	code := run(ctx, []string{"run", "--data", data, "--out", out}, strings.NewReader(""), stdout, &stderr, clock)
	msg := stderr.String()
	if code != exitFailure || !strings.Contains(msg, "seuls sont nouveaux : l'entrepôt") || strings.Contains(msg, "n'a pas changé") ||
		!strings.Contains(msg, "les rapports, le tableau de bord sont ceux du traitement précédent") {
		t.Errorf("exit %d, stderr:\n%s", code, msg)
	}
}
