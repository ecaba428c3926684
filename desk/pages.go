package desk

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"enfance/ingest"
	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

// published is what the last published warehouse says of the exports, if there is one.
type published struct {
	Built      time.Time
	Quality    []marts.QualiteDonnees
	Completude []marts.Completude
	Rejets     []marts.LignesRejetees
}

// readPublished reads the published warehouse; nil when there is none yet.
func (s *Server) readPublished(ctx context.Context, rejects bool) (*published, error) {
	path := s.o.Warehouse
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	r, err := marts.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var p published
	infos, err := r.InfosEntrepot(ctx)
	if err != nil {
		return nil, err
	}
	p.Built = infos.ConstruitLe
	// The file's own time says when it was published, whatever clock built it: a file dropped
	// later is new.
	if info, err := os.Stat(path); err == nil {
		p.Built = info.ModTime()
	}
	if p.Quality, err = r.QualiteDonnees(ctx); err != nil {
		return nil, err
	}
	if p.Completude, err = r.Completude(ctx); err != nil {
		return nil, err
	}
	if rejects {
		if p.Rejets, err = r.LignesRejetees(ctx); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// periodWords writes a period in French: « mars 2025 ».
func periodWords(p string) string {
	if len(p) == 7 && p[4] == '-' {
		if m, err := strconv.Atoi(p[5:]); err == nil && m >= 1 && m <= 12 {
			return frfmt.Month(time.Month(m)) + " " + p[:4]
		}
	}
	return p
}

// exportFile is a file of the exports folder and what the last run made of it.
type exportFile struct {
	Name, Structure, Kind, Period string
	Modified                      time.Time
	Size                          string
	Status, Detail                string
	Class                         string // ok, attention, erreur, nouveau: the colour of the status
	Refused                       bool
}

type exportsData struct {
	Folder     string
	Built      *time.Time
	Groups     []exportGroup
	Missing    []marts.Completude
	ReadErr    string
	FileCount  int
	MissingFor string
}

type exportGroup struct {
	Structure string
	Files     []exportFile
}

func (s *Server) exportsPage(w http.ResponseWriter, r *http.Request) {
	d := exportsData{Folder: s.o.Exports}
	pub, err := s.readPublished(r.Context(), false)
	if err != nil {
		d.ReadErr = "L'entrepôt publié est illisible : " + err.Error()
	}
	quality := map[string]marts.QualiteDonnees{}
	if pub != nil {
		d.Built = &pub.Built
		for _, q := range pub.Quality {
			quality[filepath.ToSlash(q.Fichier)] = q
		}
		for _, c := range pub.Completude {
			if c.Statut != "complet" {
				d.Missing = append(d.Missing, c)
			}
		}
	}
	files, err := listFiles(s.o.Exports)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		d.ReadErr = "Le dossier des exports est illisible : " + err.Error()
	}
	groups := map[string][]exportFile{}
	for _, f := range files {
		e := exportFile{Name: f.rel, Modified: f.mod, Size: size(f.size), Period: periodWords(ingest.PeriodOfName(f.rel))}
		q, ok := lookupQuality(quality, f.rel)
		switch {
		case pub == nil || !ok:
			e.Status, e.Class = "nouveau : pas encore traité", "nouveau"
		case pub != nil && f.mod.After(pub.Built):
			e.Status, e.Class = "modifié depuis le dernier traitement", "nouveau"
		default:
			e.Kind, e.Structure = q.Type, q.Code
			e.Status, e.Detail, e.Class = fileStatus(q)
			e.Refused = q.Statut == "refuse"
		}
		groups[e.Structure] = append(groups[e.Structure], e)
	}
	names := map[string]string{}
	if pub != nil {
		for _, c := range pub.Completude {
			names[c.Code] = c.Nom + " (" + c.Code + ")"
		}
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		if k != "" {
			d.Groups = append(d.Groups, exportGroup{Structure: cmp.Or(names[k], k), Files: groups[k]})
		}
	}
	if files := groups[""]; len(files) > 0 { // the service's own lists, and files not yet read
		d.Groups = append(d.Groups, exportGroup{Structure: "Fichiers du service, ou sans structure dans le nom", Files: files})
	}
	d.FileCount = len(files)
	s.render(w, r, "exports", "Exports", d)
}

func lookupQuality(quality map[string]marts.QualiteDonnees, rel string) (marts.QualiteDonnees, bool) {
	if q, ok := quality[rel]; ok {
		return q, true
	}
	for name, q := range quality { // the warehouse may name files with the folder before them
		if strings.HasSuffix(name, "/"+rel) {
			return q, true
		}
	}
	return marts.QualiteDonnees{}, false
}

// fileStatus says in words what the last run did with a file.
func fileStatus(q marts.QualiteDonnees) (status, detail, class string) {
	switch q.Statut {
	case "refuse":
		return "refusé", q.Detail.String, "erreur"
	case "doublon":
		return "doublon", "même contenu qu'un autre fichier : compté une fois", "attention"
	case "remplace":
		return "remplacé", "un export plus récent couvre la même période", "attention"
	}
	if q.Rejetees > 0 {
		return strconv.Itoa(q.Rejetees) + " ligne(s) rejetée(s)", q.PremierMotif.String, "attention"
	}
	return "chargé", strconv.Itoa(q.Chargees) + " ligne(s)", "ok"
}

type listed struct {
	rel  string
	mod  time.Time
	size int64
}

// listFiles lists the regular files under dir, by path, skipping hidden ones.
func listFiles(dir string) ([]listed, error) {
	var out []listed
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, listed{filepath.ToSlash(rel), info.ModTime(), info.Size()})
		return nil
	})
	return out, err
}

func size(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " o"
	case n < 1000*1000:
		return strconv.FormatInt(n/1000, 10) + " ko"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " Mo"
}

// document is a file of the outputs folder a person reads.
type document struct {
	Name, Path, What, Year string
	Modified               time.Time
	Open                   bool // a page that opens in the browser
}

// documentNames say what the documents a run writes are, by the start of their name.
var documentNames = map[string]string{
	"bilan-caf-":      "bilan CAF (PDF)",
	"brief-elus-":     "note aux élus (PDF)",
	"evaluation-ctg-": "évaluation CTG (PDF)",
	"communes.pdf":    "les communes (PDF)",
	"indicateurs-":    "indicateurs, à recopier dans les formulaires de la CAF (Excel)",
	"rejets-":         "fichiers refusés et lignes rejetées, à renvoyer aux structures (Excel)",
}

type documentsData struct {
	Main, Communes []document
}

func (s *Server) documentsPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "documents", "Documents", s.documents())
}

var yearPattern = regexp.MustCompile(`(?:19|20)\d{2}(?:-(?:19|20)\d{2})?`)

func (s *Server) documents() documentsData {
	var d documentsData
	for _, sub := range []string{"reports", "dashboards"} {
		files, _ := listFiles(filepath.Join(s.o.Outputs, sub))
		for _, f := range files {
			ext := strings.ToLower(filepath.Ext(f.rel))
			doc := document{Name: filepath.Base(f.rel), Path: "/fichiers/" + sub + "/" + f.rel, Modified: f.mod,
				Year: yearPattern.FindString(filepath.Base(f.rel))}
			switch ext {
			case ".pdf":
				doc.What = "rapport PDF"
			case ".xlsx":
				doc.What = "classeur Excel"
			case ".html":
				doc.What, doc.Open = "tableau de bord (page à ouvrir dans le navigateur)", true
			default:
				continue
			}
			for prefix, what := range documentNames {
				if strings.HasPrefix(doc.Name, prefix) {
					doc.What = what
				}
			}
			if strings.HasPrefix(f.rel, "communes/") {
				doc.What = "fiche commune"
				d.Communes = append(d.Communes, doc)
				continue
			}
			d.Main = append(d.Main, doc)
		}
	}
	return d
}

// problem filters are query parameters, applied here.
type problemsData struct {
	Published                   bool
	Structure, Month, Reason    string
	Structures, Months, Reasons []option
	Refused                     []marts.QualiteDonnees
	Lines                       []rejectedLine
	Total, Shown                int
	Workbooks                   []document
	ReadErr                     string
}

type option struct{ Value, Label string }

type rejectedLine struct {
	marts.LignesRejetees
	Period string
}

const maxLines = 500

func (s *Server) problemsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := problemsData{Structure: q.Get("structure"), Month: q.Get("mois"), Reason: q.Get("motif")}
	pub, err := s.readPublished(r.Context(), true)
	if err != nil {
		d.ReadErr = "L'entrepôt publié est illisible : " + err.Error()
	}
	for _, doc := range s.documents().Main {
		if strings.HasPrefix(doc.Name, "rejets-") {
			d.Workbooks = append(d.Workbooks, doc)
		}
	}
	if pub == nil {
		s.render(w, r, "problemes", "Problèmes", d)
		return
	}
	d.Published = true
	structures, monthSet, reasons := map[string]bool{}, map[string]bool{}, map[string]bool{}
	keep := func(code, period, reason string) bool {
		return (d.Structure == "" || code == d.Structure) && (d.Month == "" || period == d.Month) && (d.Reason == "" || reason == d.Reason)
	}
	for _, f := range pub.Quality {
		if f.Statut != "refuse" {
			continue
		}
		p := ingest.PeriodOfName(f.Fichier)
		structures[f.Code], monthSet[p], reasons["fichier_refuse"] = true, true, true
		if keep(f.Code, p, "fichier_refuse") {
			d.Refused = append(d.Refused, f)
		}
	}
	for _, l := range pub.Rejets {
		p := ingest.PeriodOfName(l.Fichier)
		structures[l.Code], monthSet[p], reasons[l.CodeMotif] = true, true, true
		if keep(l.Code, p, l.CodeMotif) {
			d.Total++
			if len(d.Lines) < maxLines {
				d.Lines = append(d.Lines, rejectedLine{l, periodWords(p)})
			}
		}
	}
	d.Shown = len(d.Lines)
	for _, v := range slices.Sorted(maps.Keys(structures)) {
		d.Structures = append(d.Structures, option{v, cmp.Or(v, "(sans structure)")})
	}
	for _, v := range slices.Sorted(maps.Keys(monthSet)) {
		d.Months = append(d.Months, option{v, cmp.Or(periodWords(v), "(sans période)")})
	}
	for _, v := range slices.Sorted(maps.Keys(reasons)) {
		d.Reasons = append(d.Reasons, option{v, reasonWords(v)})
	}
	s.render(w, r, "problemes", "Problèmes", d)
}

// reasonWords names a reason's code for the filter: the code with spaces.
func reasonWords(code string) string {
	if code == "fichier_refuse" {
		return "fichier refusé"
	}
	return strings.ReplaceAll(code, "_", " ")
}
