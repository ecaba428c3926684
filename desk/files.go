package desk

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// maxUpload bounds what one drop may send.
const maxUpload = 512 << 20

var (
	errBadName = errors.New("nom de fichier refusé")
	errExists  = errors.New("un fichier de ce nom existe déjà")
)

// cleanName keeps the base name of a dropped file, and refuses a name that could reach outside
// the exports folder or hide there: empty, with a separator, starting with a dot, or with a
// control character.
func cleanName(name string) (string, error) {
	// Browsers on Windows once sent the full path: keep what follows the last separator.
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	switch {
	case name == "" || name == "." || name == "..":
		return "", fmt.Errorf("%w : nom vide", errBadName)
	case strings.HasPrefix(name, "."):
		return "", fmt.Errorf("%w : « %s » commence par un point", errBadName, name)
	case len(name) > 200:
		return "", fmt.Errorf("%w : nom trop long", errBadName)
	case strings.ContainsAny(name, `:*?"<>|`):
		return "", fmt.Errorf("%w : « %s » contient un caractère interdit sous Windows", errBadName, name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return "", fmt.Errorf("%w : le nom contient un caractère de contrôle", errBadName)
		}
	}
	if !filepath.IsLocal(name) {
		return "", fmt.Errorf("%w : « %s »", errBadName, name)
	}
	return name, nil
}

// writeAtomic copies r into dir/name through a temporary file of the same folder, then puts it
// in place: beside an existing file of that name only when replace is set, replacing it in one
// rename. A reader never sees half a file, and a failed copy leaves nothing.
func writeAtomic(dir, name string, r io.Reader, replace bool) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	final := filepath.Join(dir, name)
	if info, err := os.Lstat(final); err == nil {
		if !replace {
			return errExists
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%w : « %s » n'est pas un fichier ordinaire", errBadName, name)
		}
	}
	tmp, err := os.CreateTemp(dir, ".depot-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	_, err = io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), final)
	}
	// A link fails when the name exists, even if another file arrived since the check above:
	// never over another file without asking.
	if err = os.Link(tmp.Name(), final); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errExists
		}
		// A file system without hard links (FAT, some network shares): check again, then rename.
		if _, serr := os.Lstat(final); serr == nil {
			return errExists
		}
		err = os.Rename(tmp.Name(), final)
		return err
	}
	return os.Remove(tmp.Name())
}

// upload takes the files of the drop form into the exports folder. The CSRF field and the
// « remplacer » box come before the files in the form, so the body is read as a stream.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		s.refuse(w, http.StatusBadRequest, "Envoi illisible : déposez les fichiers avec le formulaire de la page Exports.")
		return
	}
	var csrfOK, replace bool
	var msgs []string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			msgs = append(msgs, "Envoi interrompu : "+uploadError(err))
			break
		}
		switch part.FormName() {
		case "csrf":
			v, _ := io.ReadAll(io.LimitReader(part, 100))
			if !s.checkCSRF(w, r, string(v)) {
				return
			}
			csrfOK = true
		case "remplacer":
			replace = true
		case "fichiers":
			if !csrfOK {
				s.checkCSRF(w, r, "")
				return
			}
			if part.FileName() == "" {
				continue
			}
			msgs = append(msgs, s.saveUpload(part, replace))
		}
		part.Close()
	}
	if !csrfOK {
		s.checkCSRF(w, r, "")
		return
	}
	if len(msgs) == 0 {
		msgs = append(msgs, "Aucun fichier reçu : choisissez un ou plusieurs fichiers.")
	}
	s.flash(r, msgs...)
	http.Redirect(w, r, "/exports", http.StatusSeeOther)
}

func (s *Server) saveUpload(part *multipart.Part, replace bool) string {
	name, err := cleanName(part.FileName())
	if err != nil {
		return "Refusé : " + err.Error() + "."
	}
	err = writeAtomic(s.o.Exports, name, part, replace)
	switch {
	case errors.Is(err, errExists):
		return "Pas déposé : « " + name + " » existe déjà dans le dossier des exports. Cochez « remplacer » pour le remplacer."
	case err != nil:
		return "Pas déposé : « " + name + " » : " + uploadError(err)
	case replace:
		return "Déposé : « " + name + " » (remplace le fichier du même nom). Lancez le traitement pour le charger."
	}
	return "Déposé : « " + name + " ». Lancez le traitement pour le charger."
}

func uploadError(err error) string {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return "l'envoi dépasse 512 Mo."
	}
	return err.Error()
}

// download serves a file of the outputs folder, and nothing outside it: the path is local,
// no part of it is a symbolic link, and the resolved file lies under the folder.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	rel := r.PathValue("chemin")
	path, err := s.outputFile(rel)
	if err != nil {
		s.refuse(w, http.StatusNotFound, "Fichier introuvable dans le dossier des résultats.")
		return
	}
	f, err := os.Open(path)
	if err != nil {
		s.refuse(w, http.StatusNotFound, "Fichier introuvable dans le dossier des résultats.")
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		s.refuse(w, http.StatusNotFound, "Fichier introuvable dans le dossier des résultats.")
		return
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ct := mime.TypeByExtension(ext); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	base := filepath.Base(path)
	if ext == ".html" {
		// The dashboard is a page of its own with inline scripts: it opens in a sandbox, an
		// origin apart from the desk's, so that nothing in it can act on the desk.
		w.Header().Set("Content-Security-Policy", "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:")
	} else {
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": base}))
	}
	http.ServeContent(w, r, base, info.ModTime(), f)
}

// outputFile resolves a path relative to the outputs folder, refusing any way out of it.
func (s *Server) outputFile(rel string) (string, error) {
	rel = filepath.FromSlash(rel)
	if rel == "" || !filepath.IsLocal(rel) || strings.Contains(rel, `\`) && filepath.Separator == '/' {
		return "", errBadName
	}
	root, err := filepath.Abs(s.o.Outputs)
	if err != nil {
		return "", err
	}
	cur := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return "", errBadName // temporary and lock files
		}
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return "", errBadName
		}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(cur)
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(real, realRoot+string(filepath.Separator)) {
		return "", errBadName
	}
	return real, nil
}
