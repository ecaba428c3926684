// Package secret keeps the installation's key of the pseudonyms: 32 random bytes in a file of
// its own, outside the warehouse and the outputs, readable by its owner only. Without it, the
// pseudonyms of the warehouse cannot be linked back to anybody; with another one, every person
// gets other pseudonyms. It reads and writes only that file and imports nothing of this module.
package secret

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Size is the key's length in bytes.
const Size = 32

// Load reads the key at path, creating it (mode 0600, in a folder of mode 0700) when the file
// does not exist yet. created tells that it was just made. It refuses anything but a regular
// file, and on Unix a file that other accounts may read or write.
func Load(path string) (key []byte, created bool, err error) {
	// Stat before opening: opening a FIFO would block until someone writes into it.
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		key, err = create(path)
		return key, err == nil, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("clé des pseudonymes %s illisible : %w", path, err)
	}
	if err := checkMode(path, info); err != nil {
		return nil, false, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("clé des pseudonymes %s illisible : %w", path, err)
	}
	key, err = hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != Size {
		return nil, false, fmt.Errorf("clé des pseudonymes %s abîmée : %d caractères hexadécimaux attendus", path, 2*Size)
	}
	return key, false, nil
}

// checkMode refuses a key that is not a regular file, or that other accounts may read or write
// (Unix only: Windows files have no such modes).
func checkMode(path string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("clé des pseudonymes %s : ce n'est pas un fichier ordinaire", path)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("clé des pseudonymes %s accessible à d'autres comptes (droits %04o) : réservez-la à son propriétaire avec « chmod 600 %s »",
			path, info.Mode().Perm(), shellQuote(path))
	}
	return nil
}

// shellQuote writes path so that it can be pasted into a shell (macOS's configuration folder,
// « Application Support », holds a space).
func shellQuote(path string) string {
	if strings.Trim(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-") == "" {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

func create(path string) ([]byte, error) {
	key := make([]byte, Size)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("créer la clé des pseudonymes : %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("créer la clé des pseudonymes %s : %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("créer la clé des pseudonymes %s : %w", path, err)
	}
	_, err = f.WriteString(hex.EncodeToString(key) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("créer la clé des pseudonymes %s : %w", path, err)
	}
	return key, nil
}

// DefaultPath is the key's place when nothing else is configured: the user's configuration
// folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("dossier de configuration introuvable pour la clé des pseudonymes : %w", err)
	}
	return filepath.Join(dir, "enfance", "secret"), nil
}

// Fingerprint names a key without revealing it: the warehouse keeps it, so that a run made with
// another key is noticed (every pseudonym would differ from the previous warehouse's).
func Fingerprint(key []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("enfance : empreinte de la clé des pseudonymes"))
	return hex.EncodeToString(mac.Sum(nil)[:8])
}
