//go:build !unix

package ingest

import (
	"fmt"
	"os"
)

// openRegular opens a file for reading after checking, without following it, that it is not a
// link; the type of the opened file is checked again by the caller.
func openRegular(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("fichier illisible : %v", pathless(err))
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular(info.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fichier illisible : %v", pathless(err))
	}
	return f, nil
}
