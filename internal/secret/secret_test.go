package secret

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "conf", "secret")
	key, created, err := Load(path)
	if err != nil || !created || len(key) != Size {
		t.Fatalf("first Load: %d bytes, created %v, %v", len(key), created, err)
	}
	info, _ := os.Stat(path)
	dir, _ := os.Stat(filepath.Dir(path))
	if info.Mode().Perm() != 0o600 || dir.Mode().Perm() != 0o700 {
		t.Errorf("modes %v and %v, want 0600 and 0700", info.Mode().Perm(), dir.Mode().Perm())
	}
	again, created, err := Load(path)
	if err != nil || created || !bytes.Equal(again, key) {
		t.Errorf("second Load: created %v, same key %v, %v", created, bytes.Equal(again, key), err)
	}
	if err := os.WriteFile(path, []byte("abcd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path); err == nil || !strings.Contains(err.Error(), "abîmée") {
		t.Errorf("damaged key: %v", err)
	}
}

// TestLoadNotAFile: a folder where the key should be is refused.
func TestLoadNotAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path); err == nil || !strings.Contains(err.Error(), "ce n'est pas un fichier ordinaire") {
		t.Errorf("folder as key: %v", err)
	}
}
