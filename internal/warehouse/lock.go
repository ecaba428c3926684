package warehouse

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// LockFile is the name of the lock a run holds in its output folder.
const LockFile = ".enfance.lock"

// ErrLocked means another run holds the output folder.
var ErrLocked = errors.New("dossier de sortie occupé")

// Lock takes the output folder for this process: a second run on the same folder is refused
// while the first lives. A lock left by a killed run (its process is gone) is taken over. The
// returned function releases the lock.
func Lock(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("warehouse: %w", err)
	}
	path := filepath.Join(dir, LockFile)
	for range 2 {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				_ = os.Remove(path)
				return nil, fmt.Errorf("warehouse: lock: %w", err)
			}
			return func() { _ = os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("warehouse: lock: %w", err)
		}
		pid := holder(path)
		if pid > 0 && alive(pid) {
			return nil, fmt.Errorf("%w : le traitement n° %d travaille déjà sur %s ; attendez qu'il finisse (verrou %s)", ErrLocked, pid, dir, path)
		}
		_ = os.Remove(path) // left by a run that was killed
	}
	return nil, fmt.Errorf("%w : impossible de prendre le verrou %s", ErrLocked, path)
}

func holder(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

// alive tells whether a process exists (signal 0 checks without sending anything).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeStale deletes the build files that killed runs left beside the published warehouse.
func removeStale(published string) {
	matches, _ := filepath.Glob(published + ".build-*")
	for _, m := range matches {
		pid, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(m, published+".build-"), ".wal"))
		if err == nil && pid != os.Getpid() && alive(pid) {
			continue // another live run's build
		}
		_ = os.Remove(m)
	}
}
