package demo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"enfance/internal/exports"
)

// Options are the settings of `enfance demo`.
type Options struct {
	Dir        string // where to write the exports
	From, To   int    // first and last year, both complete
	Seed       uint64
	Scale      int  // number of territories, each with its own codes
	WithErrors bool // add the documented wrong rows and list them in rejets-attendus.csv
}

// ManifestFile is the name of the manifest at the root of the demo folder.
const ManifestFile = "demo-manifeste.json"

// Manifest marks a folder as demonstration data: every file it lists, by hash, is demo data.
type Manifest struct {
	Note     string      `json:"note"`
	Demo     bool        `json:"donnees_de_demonstration"`
	Seed     uint64      `json:"graine"`
	From     int         `json:"de"`
	To       int         `json:"a"`
	Scale    int         `json:"echelle"`
	Errors   bool        `json:"avec_erreurs"`
	Files    []FileEntry `json:"fichiers"`
	Rejects  string      `json:"rejets_attendus,omitempty"`
	RowCount int         `json:"lignes"`
}

// Validate checks the options and says in French what is wrong.
func (o Options) Validate() error {
	var errs []error
	if o.Dir == "" {
		errs = append(errs, errors.New("dossier de sortie vide"))
	}
	if o.From < firstCalendarYear || o.To > lastCalendarYear || o.From > o.To {
		errs = append(errs, fmt.Errorf("années %d à %d : le calendrier scolaire connu va de %d à %d", o.From, o.To, firstCalendarYear, lastCalendarYear))
	}
	if o.Scale < 1 || o.Scale > 200 {
		errs = append(errs, fmt.Errorf("échelle %d : de 1 à 200 territoires", o.Scale))
	}
	return errors.Join(errs...)
}

// Generate writes the exports and returns the manifest it wrote.
func Generate(o Options) (*Manifest, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	communes, err := loadCommunes()
	if err != nil {
		return nil, err
	}
	out := &files{dir: o.Dir}
	var wrong []reject
	for n := 1; n <= o.Scale; n++ {
		t := newTerritory(communes, n)
		g := &generator{t: t, o: o, out: out, folder: territoryFolder(n)}
		if err := g.all(); err != nil {
			return nil, err
		}
		wrong = append(wrong, g.rejects...)
	}
	m := &Manifest{
		Note: "Données de démonstration écrites par « enfance demo » : personnes, effectifs et noms de structures " +
			"inventés sur les communes réelles de la CCHF. Ne pas les confondre avec des données réelles.",
		Demo: true, Seed: o.Seed, From: o.From, To: o.To, Scale: o.Scale, Errors: o.WithErrors,
	}
	if o.WithErrors {
		m.Rejects = RejectsFile
		if err := writeRejects(out, wrong); err != nil {
			return nil, err
		}
	}
	m.Files = out.sorted()
	for _, f := range m.Files {
		m.RowCount += f.Rows
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := out.write(ManifestFile, "", 0, "json", append(b, '\n')); err != nil {
		return nil, err
	}
	return m, nil
}

func territoryFolder(n int) string {
	if n == 1 {
		return ""
	}
	return fmt.Sprintf("territoire-%02d", n)
}

// generator writes the exports of one territory.
type generator struct {
	t       *territory
	o       Options
	out     *files
	folder  string
	am      *amRegister // simulated once, read by the RPE, training and survey parts
	rejects []reject
}

// rand is the random source of one part of this territory.
func (g *generator) rand(part string) *rand.Rand {
	return source(g.o.Seed, g.t.prefix+part)
}

// path is where a file of this territory goes. Under --scale, a file whose name names no code of
// the territory carries the territory's tag after its kind (am_registre_T02_2025.xlsx): the
// territories' files are other exports, never corrections of one another.
func (g *generator) path(parts ...string) string {
	if tag := strings.TrimSuffix(g.t.prefix, "-"); tag != "" {
		base := parts[len(parts)-1]
		if !strings.Contains(base, tag) {
			if k, ok := exports.ForFile(base); ok {
				parts[len(parts)-1] = k.Name + "_" + tag + base[len(k.Name):]
			}
		}
	}
	return path.Join(append([]string{g.folder}, parts...)...)
}

func (g *generator) all() error {
	g.am = simulateAM(g)
	for _, part := range []func() error{
		g.service, g.population, g.eaje, g.acm, g.sejours, g.amFiles, g.rpe, g.formation, g.survey,
	} {
		if err := part(); err != nil {
			return err
		}
	}
	return nil
}

// ErrNotDemo means a folder holds something other than the files of an earlier demo.
var ErrNotDemo = errors.New("dossier refusé")

// Clear removes from dir the files an earlier demo wrote there, as its manifest lists them (with
// the manifest and the list of expected rejects), then the sub-folders left empty. It checks
// the whole folder first and removes nothing when the manifest is missing, unreadable or names a
// path outside the folder, or when the folder holds any other file: those errors wrap ErrNotDemo.
func Clear(dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("dossier %s illisible : %w", dir, err)
	}
	defer root.Close()
	owned, err := ownedFiles(root, dir)
	if err != nil {
		return err
	}
	var files, dirs []string
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == ".":
			return nil
		case d.IsDir():
			dirs = append(dirs, p)
			return nil
		case !owned[p] || !d.Type().IsRegular():
			return fmt.Errorf("%w : le dossier %s contient « %s », qui n'est pas un fichier de la démonstration ; rien n'a été supprimé : choisissez un autre dossier, ou déplacez ce fichier",
				ErrNotDemo, dir, filepath.FromSlash(p))
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrNotDemo) {
			return err
		}
		return fmt.Errorf("dossier %s illisible : %w", dir, err)
	}
	for _, p := range files {
		if err := root.Remove(filepath.FromSlash(p)); err != nil {
			return fmt.Errorf("vider %s : %w", dir, err)
		}
	}
	// The walk lists a folder before what it holds: backwards, sub-folders go first.
	for _, p := range slices.Backward(dirs) {
		if err := root.Remove(filepath.FromSlash(p)); err != nil {
			return fmt.Errorf("vider %s : %w", dir, err)
		}
	}
	return nil
}

// ownedFiles reads the manifest in root and returns the paths it owns: the files it lists, the
// list of expected rejects and itself. Every path must stay inside the folder: the manifest is a
// file like any other, which anybody may have edited.
func ownedFiles(root *os.Root, dir string) (map[string]bool, error) {
	path := filepath.Join(dir, ManifestFile)
	// Lstat first: reading a FIFO would block, and a link is not the demo's.
	info, err := root.Lstat(ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w : le dossier %s n'est pas vide et ne contient pas d'exports de démonstration : choisissez un dossier vide", ErrNotDemo, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("%s illisible : %w", path, err)
	}
	var m Manifest
	if info.Mode().IsRegular() {
		b, err := root.ReadFile(ManifestFile)
		if err != nil {
			return nil, fmt.Errorf("%s illisible : %w", path, err)
		}
		if json.Unmarshal(b, &m) != nil {
			m.Demo = false
		}
	}
	if !m.Demo {
		return nil, fmt.Errorf("%w : %s n'est pas un manifeste de démonstration valide ; rien n'a été supprimé : choisissez un autre dossier",
			ErrNotDemo, path)
	}
	owned := map[string]bool{ManifestFile: true}
	paths := make([]string, 0, len(m.Files)+1)
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	if m.Rejects != "" {
		paths = append(paths, m.Rejects)
	}
	for _, p := range paths {
		if !fs.ValidPath(p) || p == "." || strings.Contains(p, `\`) || !filepath.IsLocal(filepath.FromSlash(p)) {
			return nil, fmt.Errorf("%w : %s nomme « %s », qui n'est pas un chemin relatif restant dans le dossier ; rien n'a été supprimé : choisissez un autre dossier",
				ErrNotDemo, path, p)
		}
		owned[p] = true
	}
	return owned, nil
}
