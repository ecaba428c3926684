//go:build unix

package secret

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadOpenKey: a key that the group or the others may read or write is refused, with the
// command that closes it; once closed, it loads.
func TestLoadOpenKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mes clés", "secret")
	key, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o620} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, _, err := Load(path)
		if err == nil || !strings.Contains(err.Error(), "accessible à d'autres comptes") ||
			!strings.Contains(err.Error(), "« chmod 600 '"+path+"' »") {
			t.Errorf("mode %04o: %v", mode, err)
		}
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if again, _, err := Load(path); err != nil || !bytes.Equal(again, key) {
		t.Errorf("mode 0400: same key %v, %v", bytes.Equal(again, key), err)
	}
}

// TestLoadFIFO: a FIFO where the key should be is refused at once rather than waited on.
func TestLoadFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "ce n'est pas un fichier ordinaire") {
			t.Errorf("FIFO as key: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load blocks on a FIFO")
	}
}

// TestLoadLink: a link to a key kept private is followed.
func TestLoadLink(t *testing.T) {
	dir := t.TempDir()
	key, _, err := Load(filepath.Join(dir, "secret"))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lien")
	if err := os.Symlink("secret", link); err != nil {
		t.Fatal(err)
	}
	if again, _, err := Load(link); err != nil || !bytes.Equal(again, key) {
		t.Errorf("through a link: same key %v, %v", bytes.Equal(again, key), err)
	}
}
