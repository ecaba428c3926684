// Package outfile writes the files a run publishes. It imports nothing of this module.
package outfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes data to path through a temporary file and a rename, so that a reader never opens
// half a file and a killed run leaves the previous one in place.
func Write(path string, data []byte) error { return WriteMode(path, data, 0o644) }

// WriteMode is [Write] with the file's permissions, to keep those of a file it replaces.
func WriteMode(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("écriture de %s : %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("écriture de %s : %w", path, err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("écriture de %s : %w", path, err)
	}
	return nil
}
