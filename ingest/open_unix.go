//go:build unix

package ingest

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// openRegular opens a file for reading without following a symbolic link and without blocking
// on a FIFO.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ELOOP) {
		return nil, errNotRegular(os.ModeSymlink)
	}
	if err != nil {
		return nil, fmt.Errorf("fichier illisible : %v", pathless(err))
	}
	return f, nil
}
