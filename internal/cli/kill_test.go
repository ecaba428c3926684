package cli

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"enfance/internal/warehouse"
)

// TestKilledRunsNeverCorrupt kills `enfance run` at random moments, twenty times, and checks each
// time that the published warehouse opens and holds the same marts as before (all runs read the
// same exports; only the build time in infos_entrepot moves): a run is published whole or not at
// all. Then SIGTERM stops a run with a French message, and a last run succeeds
// with nothing left behind.
func TestKilledRunsNeverCorrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it forty times")
	}
	bin := filepath.Join(t.TempDir(), "enfance")
	build := exec.Command("go", "build", "-o", bin, "./cmd/enfance")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data, out := filepath.Join(t.TempDir(), "exports"), t.TempDir()
	if r := enfance(t, "demo", "--out", data, "--from", "2025", "--to", "2025", "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "run", "--data", data, "--out", out, "-q")
		cmd.Env = append(os.Environ(), "ENFANCE_SECRET="+filepath.Join(out, "..", "cle-kill-test"))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	if err := start().Wait(); err != nil {
		t.Fatalf("first run: %v", err)
	}
	want := martsDigest(t, out, "infos_entrepot")
	r := rand.New(rand.NewPCG(8, 29))
	for i := range 20 {
		cmd := start()
		time.Sleep(time.Duration(r.IntN(2500)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		if got := martsDigest(t, out, "infos_entrepot"); got != want {
			t.Fatalf("after kill %d the published warehouse changed:\n%s\nwant\n%s", i+1, got, want)
		}
	}
	cmd := start()
	time.Sleep(300 * time.Millisecond)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); err == nil || code != exitFailure ||
		!strings.Contains(cmd.Stderr.(*strings.Builder).String(), "interrompu") {
		t.Errorf("SIGTERM: exit %d, stderr %q", code, cmd.Stderr.(*strings.Builder).String())
	}
	if err := start().Wait(); err != nil {
		t.Fatalf("run after the kills: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(out, warehouse.FileName+".build-*"))
	if _, err := os.Stat(filepath.Join(out, warehouse.LockFile)); err == nil || len(left) > 0 {
		t.Errorf("left behind: lock %v, builds %v", err == nil, left)
	}
	if got := martsDigest(t, out, "infos_entrepot"); got != want {
		t.Error("the last run changed the marts")
	}
}
