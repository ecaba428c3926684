package cli

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestServeCommand(t *testing.T) {
	if r := enfance(t, "--help"); !strings.Contains(r.stdout, "\n  serve ") {
		t.Errorf("enfance --help does not list serve:\n%s", r.stdout)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	r := enfance(t, "serve", "--no-browser", "--port", port, "--data", t.TempDir(), "--out", t.TempDir())
	if r.code != exitUsage || !strings.Contains(r.stderr, "port "+port+" n'est pas libre") {
		t.Errorf("serve on a busy port: exit %d\n%s", r.code, r.stderr)
	}
}

// TestServeReadsItsTerritoryFile checks that a territoire.toml the desk created beside the
// exports folder is read at the desk's next start.
func TestServeReadsItsTerritoryFile(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "exports")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, deskConfigName)
	if err := os.WriteFile(path, []byte("[colonnes.eaje_presences]\n\"Temps passé\" = \"heures_realisees\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, before := startDesk(t, data, filepath.Join(root, "out"))
	if want := "fichier du territoire : " + path; len(before) != 1 || before[0] != want {
		t.Errorf("serve printed %q before its address, want %q", before, want)
	}
}
