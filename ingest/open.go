package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// Exports are read as regular files of the folder only. A symbolic link is refused, even one
// that points inside the folder: whoever drops a link could otherwise make the run read the key
// of the pseudonyms or any file of the machine. FIFOs, devices and sockets are refused without
// being opened for long (the open does not block), and the size is checked on the opened file,
// so that a file swapped after the walk cannot go around the limit.

// errNotRegular describes an entry of the folder that is not an ordinary file, from its type.
func errNotRegular(mode fs.FileMode) error {
	switch {
	case mode&fs.ModeSymlink != 0:
		return errors.New("lien symbolique refusé : copiez le fichier lui-même dans le dossier des exports")
	case mode&fs.ModeNamedPipe != 0:
		return errors.New("tube nommé (FIFO) refusé : ce n'est pas un fichier d'export")
	case mode&fs.ModeSocket != 0:
		return errors.New("socket refusée : ce n'est pas un fichier d'export")
	case mode&fs.ModeDevice != 0:
		return errors.New("périphérique refusé : ce n'est pas un fichier d'export")
	}
	return errors.New("ce n'est pas un fichier ordinaire : copiez l'export lui-même dans le dossier")
}

// readExport reads one export whole, with its SHA-256: the hash is always that of the bytes
// returned, which are the bytes parsed.
func readExport(path string) (data []byte, hash string, err error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, "", fmt.Errorf("fichier illisible : %v", pathless(err))
	}
	if !info.Mode().IsRegular() {
		return nil, "", errNotRegular(info.Mode())
	}
	if info.Size() > maxFileBytes {
		return nil, "", tooBig(info.Size())
	}
	data, err = io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("fichier illisible : %v", pathless(err))
	}
	if len(data) > maxFileBytes { // it grew while being read
		return nil, "", tooBig(int64(len(data)))
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

func tooBig(size int64) error {
	return fmt.Errorf("fichier de %d Mo : trop gros pour un export (limite %d Mo) ; vérifiez qu'il s'agit bien d'un export", size>>20, maxFileBytes>>20)
}

// pathless keeps the reason of a file system error without its path, which the message already
// names (and escapes).
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errChanged means a file was rewritten between the walk of the folder and its reading.
var errChanged = errors.New("le fichier a changé pendant le chargement (un logiciel l'écrivait encore ?) : relancez le traitement quand il est complet")

// rereadExport reads a file again for parsing and checks that it still holds the bytes hashed
// when the folder was walked.
func rereadExport(path, hash string) ([]byte, error) {
	data, h, err := readExport(path)
	if err != nil {
		return nil, err
	}
	if h != hash {
		return nil, errChanged
	}
	return data, nil
}
