package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"enfance/data/demo"
)

// TestDemoKeepsForeignFiles: a demo over an earlier one refuses the folder, and removes nothing,
// when a file its manifest does not list has joined the demo's.
func TestDemoKeepsForeignFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports")
	args := []string{"demo", "--out", dir, "--from", "2025", "--to", "2025", "-q"}
	if r := enfance(t, args...); r.code != 0 {
		t.Fatalf("demo: exit %d\n%s", r.code, r.stderr)
	}
	foreign := filepath.Join(dir, "mes-exports.csv")
	if err := os.WriteFile(foreign, []byte("réel"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := enfance(t, args...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "« mes-exports.csv »") || !strings.Contains(r.stderr, "rien n'a été supprimé") {
		t.Errorf("demo over a demo and a real file: exit %d\n%s", r.code, r.stderr)
	}
	for _, p := range []string{foreign, filepath.Join(dir, demo.ManifestFile)} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("removed although the folder was refused: %v", err)
		}
	}
}

// TestDemoDefaultFolder: without --out the demo goes to its own folder, never the exports folder
// that a run reads by default.
func TestDemoDefaultFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	if r := enfance(t, "demo", "--from", "2025", "--to", "2025", "-q"); r.code != 0 {
		t.Fatalf("demo: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(demoDir, demo.ManifestFile)); err != nil {
		t.Errorf("the demo is not in %s: %v", demoDir, err)
	}
	if _, err := os.Stat("data"); err == nil {
		t.Error("the demo wrote into the exports folder")
	}
	if r := enfance(t, "demo", "--data", "mes-exports"); r.code != exitUsage || !strings.Contains(r.stderr, "pas dans --data") {
		t.Errorf("demo --data: exit %d\n%s", r.code, r.stderr)
	}
}
