package warehouse

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockFile is the name of the lock a run holds in its output folder.
const LockFile = ".enfance.lock"

// ErrLocked means another run holds the output folder.
var ErrLocked = errors.New("dossier de sortie occupé")

// errBusy is what lockFile returns when another open file holds the lock.
var errBusy = errors.New("verrou tenu")

// Lock takes the output folder for this process: a second run on the same folder is refused
// while the first lives. The lock is the operating system's lock on the file LockFile, which
// goes with the process: a killed run leaves no lock behind, whatever the file holds. The file
// holds the holder's PID, for the message only. The returned function releases the lock.
func Lock(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	path := filepath.Join(dir, LockFile)
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow, 0o644)
		if err != nil {
			return nil, fmt.Errorf("entrepôt : verrou : %w", err)
		}
		err = lockFile(f)
		if errors.Is(err, errBusy) {
			f.Close()
			if pid := holder(path); pid > 0 {
				return nil, fmt.Errorf("%w : le traitement n° %d travaille déjà sur %s ; attendez qu'il finisse (verrou %s)", ErrLocked, pid, dir, path)
			}
			return nil, fmt.Errorf("%w : un autre traitement travaille déjà sur %s ; attendez qu'il finisse (verrou %s)", ErrLocked, dir, path)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("entrepôt : verrou %s : %w", path, err)
		}
		if !stillAt(f, path) {
			f.Close() // the holder removed this file as it released it: lock the new one
			continue
		}
		if err := writePID(f); err != nil {
			unlockFile(f, path)
			return nil, fmt.Errorf("entrepôt : verrou %s : %w", path, err)
		}
		return func() { unlockFile(f, path) }, nil
	}
	return nil, fmt.Errorf("%w : impossible de prendre le verrou %s", ErrLocked, path)
}

// stillAt tells whether the open file f is still the file at path.
func stillAt(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// holder is the PID written in the lock file, 0 when there is none.
func holder(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
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
