package desk

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"enfance/ingest"
	"enfance/internal/config"
	"enfance/internal/exports"
	"enfance/internal/outfile"
)

type mappingData struct {
	Refused   []string // refused files of the last run
	Others    []string // the other files of the exports folder
	File      string
	Config    string
	Inspected bool
	Kind      string
	In        ingest.Inspection
	Rows      []headerRow
	Columns   []option
	Expected  []expected // the kind's columns, to read beside the headers
	Err       string
}

// expected is a column of the kind, and whether a header of the file names it.
type expected struct {
	Name, Doc       string
	Required, Named bool
}

type headerRow struct {
	Header, Column, Problem string
	Samples                 []string // first values, persons masked (ingest.HeaderUse)
	Choose                  bool     // unknown or proposed: the person picks its column
}

func (s *Server) mappingPage(w http.ResponseWriter, r *http.Request) {
	d := mappingData{File: r.URL.Query().Get("fichier"), Config: s.configPath()}
	pub, _ := s.readPublished(r.Context(), false)
	refused := map[string]bool{}
	if pub != nil {
		for _, q := range pub.Quality {
			if q.Statut == "refuse" {
				refused[filepath.ToSlash(q.Fichier)] = true
			}
		}
	}
	files, _ := listFiles(s.o.Exports)
	for _, f := range files {
		if _, ok := lookupRefused(refused, f.rel); ok {
			d.Refused = append(d.Refused, f.rel)
		} else {
			d.Others = append(d.Others, f.rel)
		}
	}
	if d.File != "" {
		s.inspectInto(r, &d)
	}
	s.render(w, r, "correspondances", "Correspondances", d)
}

func lookupRefused(refused map[string]bool, rel string) (string, bool) {
	for name := range refused {
		if name == rel || strings.HasSuffix(name, "/"+rel) {
			return name, true
		}
	}
	return "", false
}

// inspectInto inspects the file the page asks for, and lays out its headers.
func (s *Server) inspectInto(r *http.Request, d *mappingData) {
	path, err := s.exportFile(d.File)
	if err != nil {
		d.Err = "Fichier introuvable dans le dossier des exports : « " + d.File + " »."
		return
	}
	in, err := s.o.Inspect(r.Context(), path)
	if err != nil {
		d.Err = "Le fichier n'a pas pu être examiné : " + err.Error()
		return
	}
	d.Inspected, d.In, d.Kind = true, in, in.Kind
	k, ok := exports.Lookup(in.Kind)
	if !ok {
		return
	}
	d.Columns = kindOptions(k)
	named := map[string]bool{}
	for _, h := range in.Headers {
		d.Rows = append(d.Rows, headerRow{Header: h.Header, Column: h.Column, Problem: h.Problem, Samples: h.Samples,
			Choose: h.Column == "" || h.Proposed || h.Problem != ""})
		named[strings.TrimSuffix(h.Column, exports.GivenSuffix)] = h.Column != ""
	}
	for _, c := range k.Columns {
		d.Expected = append(d.Expected, expected{Name: c.Name, Doc: c.Doc, Required: c.Required, Named: named[c.Name]})
	}
}

// kindOptions are the columns of a kind a header may name, required ones marked.
func kindOptions(k exports.Kind) []option {
	var out []option
	for _, c := range k.Columns {
		label := c.Name
		if c.Required {
			label += " (obligatoire)"
		}
		out = append(out, option{c.Name, label})
		if c.Type == exports.Person {
			out = append(out, option{c.Name + exports.GivenSuffix, c.Name + " : prénom"})
		}
	}
	return out
}

// exportFile resolves a path relative to the exports folder, refusing any way out of it.
func (s *Server) exportFile(rel string) (string, error) {
	rel = filepath.FromSlash(rel)
	if rel == "" || !filepath.IsLocal(rel) {
		return "", errBadName
	}
	path := filepath.Join(s.o.Exports, rel)
	info, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		return "", errBadName
	}
	return path, nil
}

// saveMapping writes the columns picked for a file's headers into the territory file, then
// shows the file inspected again.
func (s *Server) saveMapping(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || !s.checkCSRF(w, r, r.PostFormValue("csrf")) {
		if err != nil {
			s.refuse(w, http.StatusBadRequest, "Formulaire illisible.")
		}
		return
	}
	file, kind := r.PostFormValue("fichier"), r.PostFormValue("type")
	back := "/correspondances?fichier=" + url.QueryEscape(file)
	k, ok := exports.Lookup(kind)
	if !ok {
		s.refuse(w, http.StatusBadRequest, "Type d'export inconnu.")
		return
	}
	headers, columns := r.PostForm["entete"], r.PostForm["colonne"]
	if len(headers) != len(columns) {
		s.refuse(w, http.StatusBadRequest, "Formulaire incomplet : rechargez la page.")
		return
	}
	pairs := map[string]string{}
	for i, h := range headers {
		if columns[i] == "" || strings.TrimSpace(h) == "" {
			continue
		}
		if _, ok := k.Target(columns[i]); !ok {
			s.refuse(w, http.StatusBadRequest, "Colonne inconnue : « "+columns[i]+" ».")
			return
		}
		pairs[h] = columns[i]
	}
	if len(pairs) == 0 {
		s.flash(r, "Rien à enregistrer : choisissez une colonne pour au moins un en-tête.")
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	s.mu.Lock()
	path, created := s.config, false
	if path == "" {
		path, created = s.o.NewConfig, true
	}
	s.mu.Unlock()
	if err := mergeColumns(path, kind, pairs, s.newConfigText(path)); err != nil {
		s.flash(r, "Correspondance non enregistrée : "+err.Error())
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if s.o.ConfigSaved != nil {
		if err := s.o.ConfigSaved(path); err != nil {
			s.flash(r, "Correspondance enregistrée dans "+path+", mais le fichier du territoire ne se relit pas : "+err.Error())
			http.Redirect(w, r, back, http.StatusSeeOther)
			return
		}
	}
	s.mu.Lock()
	s.config = path
	s.mu.Unlock()
	msg := fmt.Sprintf("Correspondance enregistrée dans %s (%d en-tête(s) de %s). Le fichier a été examiné de nouveau ci-dessous ; lancez le traitement pour le charger.", path, len(pairs), kind)
	if created {
		msg = "Fichier du territoire créé : " + path + " ; le bureau s'en sert pour les traitements suivants (pour la ligne de commande : --config " + path + "). " + msg
	}
	s.flash(r, msg)
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// newConfigText is the start of a territory file the desk creates at path: its folders,
// relative to the file's own folder when they lie under it, so that « enfance run --config »
// finds the same exports.
func (s *Server) newConfigText(path string) []byte {
	var b strings.Builder
	b.WriteString("# Fichier du territoire créé par le bureau (enfance serve).\n# Réglages : voir docs/guide-utilisateur.md.\n")
	var lines []string
	for _, c := range []struct{ key, dir string }{{"donnees", s.o.Exports}, {"sortie", s.o.Outputs}} {
		base, err1 := filepath.Abs(filepath.Dir(path))
		dir, err2 := filepath.Abs(c.dir)
		if err1 != nil || err2 != nil {
			continue
		}
		if rel, err := filepath.Rel(base, dir); err == nil && filepath.IsLocal(rel) {
			lines = append(lines, c.key+" = "+config.Quote(filepath.ToSlash(rel)))
		}
	}
	if len(lines) > 0 {
		b.WriteString("\n[chemins]\n" + strings.Join(lines, "\n") + "\n")
	}
	return []byte(b.String())
}

func (s *Server) configPath() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.config
}

// mergeColumns adds header = column pairs to the [colonnes.<kind>] section of the territory
// file at path, creating the file if need be, and keeps every other setting. A new section is
// appended as text, so the file keeps its comments and order; a section that already exists is
// merged by writing the whole file again with the TOML library. Either way the result must read
// back as the old settings plus the pairs, and load with [config.Load], or nothing is written.
func mergeColumns(path, kind string, pairs map[string]string, initial []byte) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if len(old) == 0 {
		old = initial
	}
	before := map[string]any{}
	if _, err := toml.Decode(string(old), &before); err != nil {
		return fmt.Errorf("%s est illisible : %w", path, err)
	}
	want := cloneMap(before)
	cols, _ := want["colonnes"].(map[string]any)
	if cols == nil {
		cols = map[string]any{}
		want["colonnes"] = cols
	}
	section, hadSection := cols[kind].(map[string]any)
	if section == nil {
		section = map[string]any{}
		cols[kind] = section
	}
	for _, h := range slices.Sorted(maps.Keys(pairs)) {
		section[h] = pairs[h]
	}
	var out []byte
	if !hadSection {
		var b bytes.Buffer
		b.Write(old)
		if !bytes.HasSuffix(old, []byte("\n")) {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "\n[colonnes.%s]\n", kind)
		for _, h := range slices.Sorted(maps.Keys(pairs)) {
			fmt.Fprintf(&b, "%s = %s\n", config.Quote(h), config.Quote(pairs[h]))
		}
		out = b.Bytes()
	}
	if out == nil || !readsAs(out, want) {
		var b bytes.Buffer
		if err := toml.NewEncoder(&b).Encode(want); err != nil {
			return err
		}
		out = b.Bytes()
	}
	if !readsAs(out, want) {
		return errors.New("le fichier du territoire ne se réécrit pas à l'identique")
	}
	if _, err := config.Load(bytes.NewReader(out), path); err != nil {
		return err
	}
	return outfile.WriteMode(path, out, mode)
}

func readsAs(text []byte, want map[string]any) bool {
	got := map[string]any{}
	if _, err := toml.Decode(string(text), &got); err != nil {
		return false
	}
	return reflect.DeepEqual(got, want)
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = cloneMap(sub)
		}
		out[k] = v
	}
	return out
}
