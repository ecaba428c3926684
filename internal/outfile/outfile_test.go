package outfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "rapport.pdf")
	for _, content := range []string{"premier", "second"} {
		if err := Write(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	if err := Write(filepath.Join(path, "sous-fichier"), nil); err == nil {
		t.Error("writing under a file succeeded")
	}
}

// TestWriteMode: a file written again keeps the permissions it is given (the desk keeps the
// territory file's own).
func TestWriteMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "territoire.toml")
	if err := WriteMode(path, []byte("a = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}
