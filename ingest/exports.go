package ingest

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"enfance/internal/exports"
	"enfance/internal/warehouse"
)

// Options are the settings of a load of exports.
type Options struct {
	Dir string
	// Columns maps, per kind, other headers (folded) to registry columns: the territory file's
	// [colonnes], so that a new export format needs configuration, not code.
	Columns map[string]map[string]string
	// Values maps, per kind and column, other writings of a value (a label, a structure's name,
	// a commune's spelling) to the value the registry expects: the territory file's [valeurs].
	Values  map[string]map[string]map[string]string
	Secret  []byte // the key of the pseudonyms
	Workers int    // files parsed at once
	// Today is the day of the run, which dates of activity cannot pass; zero is the clock's.
	Today time.Time
	// Progress, when set, is told each time a file is done.
	Progress func(done, total int)
	// only, when set, keeps the files of the kinds it accepts (Inspect loads the references):
	// a file another kind's name announces is not even read.
	only func(kind string) bool
}

// Statuses of a file in raw.chargements.
const (
	StatusLoaded    = "charge"
	StatusDuplicate = "doublon"
	StatusReplaced  = "remplace"
	StatusRefused   = "refuse"
)

// FileSummary is what happened to one file.
type FileSummary struct {
	Path                   string
	Kind                   string
	Status                 string
	Detail                 string // why it was not loaded, or its format
	Read, Loaded, Rejected int
	FirstReason            string
	Warnings               []string
	Demo                   bool
}

// Summary is what a load of exports did, file by file, in path order.
type Summary struct {
	Files []FileSummary
}

// Rejected counts the rows rejected and the files refused.
func (s *Summary) Rejected() (rows, files int) {
	for _, f := range s.Files {
		rows += f.Rejected
		if f.Status == StatusRefused {
			files++
		}
	}
	return rows, files
}

// demoManifest is the file that marks a folder of demo exports.
const demoManifest = "demo-manifeste.json"

// source is one file of the folder before it is parsed.
type source struct {
	path          string // relative to the folder, with slashes, control characters escaped: as every output names it
	file          string // on disk: read again when parsed, so that the folder is never all in memory
	hash          string // of the bytes read; the bytes parsed must have the same
	size          int64  // bytes read
	kind          exports.Kind
	mod           time.Time
	sum           *FileSummary
	grid          *grid // decoded early when the kind came from the header
	order         int
	firstRejected int  // line of its first reject, 0 when none
	recorded      bool // its row of raw.chargements is written
	// inspectHelps marks a refusal enfance inspect explains further (a kind or a header it does
	// not know, for which it proposes a mapping); an empty, unreadable or unconvertible file it
	// would only refuse again.
	inspectHelps bool
}

// Exports loads every export of the folder into the raw layer: duplicates by content count
// once, a newer export replaces an older one of the same name, and every row is loaded or
// rejected with its reason.
func (l *Loader) Exports(ctx context.Context, o Options) (*Summary, error) {
	o.Columns, o.Values = foldColumns(o.Columns), foldValues(o.Values)
	sources, err := discover(o)
	if err != nil {
		return nil, err
	}
	if o.only != nil {
		sources = slices.DeleteFunc(sources, func(s *source) bool { return !o.only(s.kind.Name) })
	}
	dropDuplicates(sources)
	dropReplaced(sources, o.Columns)
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	first, rest := splitPhases(sources)
	done, total := 0, len(first)+len(rest)
	progress := func() {
		done++
		if o.Progress != nil {
			o.Progress(done, total)
		}
	}
	l.seen = newSeen(sources)
	for _, s := range first { // the files every other row is checked against, in order
		if err := l.loadSource(ctx, s, l.parse(o, s)); err != nil {
			return nil, err
		}
		progress()
	}
	if err := l.loadParallel(ctx, o, rest, progress); err != nil {
		return nil, err
	}
	if err := l.rejectDuplicates(ctx, sources); err != nil {
		return nil, err
	}
	if err := l.rejectTwoSources(ctx, sources); err != nil {
		return nil, err
	}
	for _, s := range sources { // duplicates, replaced and refused files are recorded too
		if s.sum.Status == StatusRefused && s.inspectHelps {
			s.sum.Detail += " (enfance inspect " + filepath.ToSlash(filepath.Join(o.Dir, s.path)) + " dit ce que le chargement en comprend)"
		}
		if s.sum.Status != StatusLoaded && !s.recorded {
			if err := l.record(ctx, s, 0); err != nil {
				return nil, err
			}
		}
	}
	sum := &Summary{}
	for _, s := range sources {
		sum.Files = append(sum.Files, *s.sum)
	}
	return sum, nil
}

// discover reads every file of the folder and its sub-folders, in path order, and finds each
// one's kind: by the start of its name, else by its header.
func discover(o Options) ([]*source, error) {
	demo := demoHashes(o.Dir)
	var sources []*source
	err := filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("dossier des exports %s illisible : %w", o.Dir, err)
		}
		if d.IsDir() || skipped(d.Name()) || (demo != nil && demo.metadata[d.Name()]) {
			return nil
		}
		if k, ok := exports.ForFile(d.Name()); ok && o.only != nil && !o.only(k.Name) {
			return nil // a kind the caller does not want, by its name: not read
		}
		rel, _ := filepath.Rel(o.Dir, p)
		s := &source{path: visible(filepath.ToSlash(rel)), order: len(sources)}
		s.sum = &FileSummary{Path: s.path, Status: StatusLoaded}
		sources = append(sources, s)
		if !d.Type().IsRegular() {
			return s.refuse("%s", errNotRegular(d.Type()))
		}
		if info, err := d.Info(); err == nil {
			s.mod = info.ModTime()
		}
		s.file = p
		data, hash, err := readExport(p)
		if err != nil {
			return s.refuse("%s", err)
		}
		s.hash, s.size = hash, int64(len(data))
		s.sum.Demo = demo != nil && demo.files[s.hash]
		return s.findKind(data, o.Columns)
	})
	return sources, err
}

// refuse marks a file that cannot be read at all; the walk goes on.
func (s *source) refuse(format string, args ...any) error {
	s.sum.Status, s.sum.Detail = StatusRefused, fmt.Sprintf(format, args...)
	return nil
}

func (s *source) findKind(data []byte, custom map[string]map[string]string) error {
	if k, ok := exports.ForFile(baseName(s.path)); ok {
		s.kind, s.sum.Kind = k, k.Name
		return nil
	}
	if err := sniff(data).refusal(); err != nil {
		return s.refuse("%s", err)
	}
	if g, err := decodeFile(data, anyKindHeader(custom)); err == nil {
		if k, ok := kindFromHeader(g.header, custom); ok {
			s.kind, s.sum.Kind, s.grid = k, k.Name, g
			return nil
		}
	}
	s.inspectHelps = true
	return s.refuse("type d'export inconnu : le nom ne commence par aucun préfixe connu (structures, eaje_presences, …, voir docs/exports.md) et l'en-tête ne correspond à aucun type")
}

func baseName(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// skipped are files a folder of exports may hold that are not exports.
func skipped(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
		strings.HasPrefix(lower, "readme") || strings.HasPrefix(lower, "lisezmoi")
}

type demoMarks struct {
	files    map[string]bool // sha256 of the demo's files
	metadata map[string]bool // the manifest and the list of expected rejects
}

// demoHashes reads the demo manifest at the root of the folder, if there is one.
func demoHashes(dir string) *demoMarks {
	b, _, err := readExport(filepath.Join(dir, demoManifest))
	if err != nil {
		return nil
	}
	var m struct {
		Demo    bool   `json:"donnees_de_demonstration"`
		Rejects string `json:"rejets_attendus"`
		Files   []struct {
			SHA256 string `json:"empreinte_sha256"`
		} `json:"fichiers"`
	}
	if json.Unmarshal(b, &m) != nil || !m.Demo {
		return nil
	}
	marks := &demoMarks{files: map[string]bool{}, metadata: map[string]bool{demoManifest: true}}
	if m.Rejects != "" {
		marks.metadata[m.Rejects] = true
	}
	for _, f := range m.Files {
		marks.files[f.SHA256] = true
	}
	return marks
}

// dropDuplicates keeps one of files with the same content: the first whose name is plain (no
// copy marker or export stamp) and announces its period, else the first plain one, else the first
// by path, so that the file kept is the one that says which export it is (« copie_avril.csv »
// beside « eaje_presences_MA-LOUPS_2025-04.csv » keeps the latter).
func dropDuplicates(sources []*source) {
	groups := map[string][]*source{}
	var hashes []string
	for _, s := range sources {
		if s.sum.Status != StatusLoaded {
			continue
		}
		if groups[s.hash] == nil {
			hashes = append(hashes, s.hash)
		}
		groups[s.hash] = append(groups[s.hash], s)
	}
	for _, h := range hashes {
		group := groups[h]
		keep := slices.MinFunc(group, func(a, b *source) int { return nameRank(a) - nameRank(b) })
		for _, s := range group {
			if s != keep {
				s.sum.Status, s.sum.Detail = StatusDuplicate, "même contenu que "+keep.path+" : compté une fois"
			}
		}
	}
}

// plainName tells a file whose name carries no copy marker and no export stamp.
// nameRank orders the names of identical files: plain and dated by its name first (0), then
// plain (1), then the others (2).
func nameRank(s *source) int {
	switch {
	case !plainName(s):
		return 2
	case PeriodOfName(s.path) == "":
		return 1
	}
	return 0
}

func plainName(s *source) bool {
	base := strings.TrimSuffix(baseName(s.path), filepath.Ext(s.path))
	return strings.HasSuffix(coverage(s), "\x00"+strings.ToLower(base))
}

var (
	exportStamp = regexp.MustCompile(`(?i)[_ -]*(\d{4}-\d{2}-\d{2}([_ T-]?\d{2}[h:-]?\d{2}([:-]?\d{2})?)?|\d{8}([_-]?\d{4,6})?)`)
	copyMarker  = regexp.MustCompile(`(?i)[_ -]*(\(\d+\)|copie|corrige|correction|v\d+)$`)
)

// coverage is what a file covers, for corrections: its kind and its name without extension,
// export stamp (2025-04-10, 20250410) or copy marker (« (2) », « _corrige »).
func coverage(s *source) string {
	base := strings.TrimSuffix(baseName(s.path), filepath.Ext(s.path))
	for {
		trimmed := copyMarker.ReplaceAllString(exportStamp.ReplaceAllString(base, ""), "")
		if trimmed == base {
			break
		}
		base = trimmed
	}
	return s.kind.Name + "\x00" + strings.ToLower(strings.TrimSpace(base))
}

// nameStamp is the export date a file's name carries (2025-04-10, 20250410), if any.
func nameStamp(s *source) (time.Time, bool) {
	if m := exportStamp.FindString(baseName(s.path)); m != "" {
		digits := strings.Join(regexp.MustCompile(`\d`).FindAllString(m, -1), "")
		if t, err := time.Parse("20060102", digits[:8]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// newer tells whether a was exported after b: by the dates in their names when both carry one,
// else by modification time; on a tie, the later path wins.
func newer(a, b *source) bool {
	ta, okA := nameStamp(a)
	tb, okB := nameStamp(b)
	if !okA || !okB {
		ta, tb = a.mod, b.mod
	}
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return a.path > b.path
}

// dropReplaced keeps, among files covering the same kind, structure and period, the newest.
func dropReplaced(sources []*source, custom map[string]map[string]string) {
	groups := map[string][]*source{}
	var names []string
	for _, s := range sources {
		if s.sum.Status != StatusLoaded {
			continue
		}
		name := coverage(s)
		if groups[name] == nil {
			names = append(names, name)
		}
		groups[name] = append(groups[name], s)
	}
	for _, name := range names {
		if group := groups[name]; len(group) > 1 {
			keepNewest(group, custom)
		}
	}
}

// keepNewest marks replaced the files of a group (names that differ only by export stamps or copy
// markers) that a newer one replaces: first among names that differ only by a copy marker, an
// explicit correction; then among the others, those covering the same period.
func keepNewest(group []*source, custom map[string]map[string]string) {
	kept := replaceWithin(group, withoutCopyMarker)
	replaceWithin(kept, func(s *source) string { return coveredPeriod(s, custom[s.kind.Name]) })
}

// replaceWithin keeps the newest of the files with the same key, and returns the files kept.
func replaceWithin(files []*source, key func(*source) string) []*source {
	newest := map[string]*source{}
	var keys []string
	for _, s := range files {
		k := key(s)
		n, ok := newest[k]
		if !ok {
			newest[k] = s
			keys = append(keys, k)
			continue
		}
		older, kept := s, n
		if newer(s, n) {
			older, kept = n, s
		}
		older.sum.Status, older.sum.Detail = StatusReplaced, "remplacé par "+kept.path+", plus récent"
		newest[k] = kept
	}
	kept := make([]*source, len(keys))
	for i, k := range keys {
		kept[i] = newest[k]
	}
	return kept
}

// withoutCopyMarker is a file's name without extension nor copy markers (« (2) », « _corrige »),
// its export stamp kept.
func withoutCopyMarker(s *source) string {
	base := strings.ToLower(strings.TrimSuffix(baseName(s.path), filepath.Ext(s.path)))
	for {
		trimmed := copyMarker.ReplaceAllString(base, "")
		if trimmed == base {
			return strings.TrimSpace(base)
		}
		base = trimmed
	}
}

// splitPhases puts first the files of the kinds other rows are checked against, in the
// registry's load order (exports.LoadOrder).
func splitPhases(sources []*source) (first, rest []*source) {
	phaseOne := exports.LoadOrder()
	for _, kind := range phaseOne {
		for _, s := range sources {
			if s.sum.Status == StatusLoaded && s.kind.Name == kind {
				first = append(first, s)
			}
		}
	}
	for _, s := range sources {
		if s.sum.Status == StatusLoaded && !slices.Contains(phaseOne, s.kind.Name) {
			rest = append(rest, s)
		}
	}
	return first, rest
}

// parsed is a file turned into rows and rejects, ready to load.
type parsed struct {
	rows     [][]driver.Value
	keys     []keyHash   // of each row, for the kinds whose keys hold across files
	rejects  []rejection // by line: every failing column of a rejected line
	rejected int         // lines rejected
	err      error       // the file is refused whole
	header   bool        // for its header (matchHeader)
	took     time.Duration
}

// reject adds the reasons of one rejected line.
func (p *parsed) reject(reasons ...rejection) {
	p.rejects = append(p.rejects, reasons...)
	p.rejected++
}

// parse decodes and converts one file. It only reads l.known, which phase one has filled.
func (l *Loader) parse(o Options, s *source) *parsed {
	start := time.Now()
	p := &parsed{}
	g := s.grid
	var err error
	if g == nil {
		g, err = decode(s, o.Columns[s.kind.Name])
	}
	if err != nil {
		p.err = err
		return p
	}
	cols, unknown, err := matchHeader(s.kind, g.header, o.Columns[s.kind.Name])
	if err != nil {
		p.err, p.header = err, true
		return p
	}
	s.sum.Warnings = append(g.warnings, unknownHeaders(unknown)...)
	if len(g.records) == 0 {
		s.sum.Warnings = append(s.sum.Warnings, "aucune ligne de données sous l'en-tête")
	}
	s.sum.Detail = g.encoding
	c := &converter{kind: s.kind, cols: cols, known: l.known, secret: o.Secret, xlsx: g.xlsx,
		file: s.path, id: l.idOf(s), today: o.Today, seen: make(map[keyHash]int, len(g.records)), firsts: make([]firstRow, 0, len(g.records)), pseudo: map[identity]string{},
		resolved: map[resolved]string{}, values: o.Values[s.kind.Name]}
	c.index()
	c.period, c.hasPer = periodFromName(baseName(s.path))
	if !g.xlsx {
		c.width = len(g.header)
	}
	acrossFiles := keyedAcrossFiles(s.kind)
	for _, rec := range g.records {
		row, rejects := c.row(rec)
		if len(rejects) > 0 {
			p.reject(rejects...)
			continue
		}
		p.rows = append(p.rows, row)
		if acrossFiles {
			p.keys = append(p.keys, c.hash)
		}
	}
	if c.joined > 0 {
		s.sum.Warnings = append(s.sum.Warnings, fmt.Sprintf("%d texte(s) libre(s) sur plusieurs lignes ou avec des tabulations : écrits sur une ligne", c.joined))
	}
	p.took = time.Since(start)
	return p
}

func unknownHeaders(unknown []string) []string {
	if len(unknown) == 0 {
		return nil
	}
	for i, u := range unknown {
		unknown[i] = clip(visible(u), 40)
	}
	return []string{"colonne(s) ignorée(s), inconnues du type d'export : " + clip(strings.Join(unknown, ", "), 300)}
}

// decode reads a file again and decodes it as its bytes say; custom is the territory's mapping
// of headers for the file's kind.
func decode(s *source, custom map[string]string) (*grid, error) {
	data, err := rereadExport(s.file, s.hash)
	if err != nil {
		return nil, err
	}
	return decodeFile(data, func(cells []string) bool {
		n, _ := headerScore(s.kind, cells, custom)
		return n >= 2
	})
}

// idOf gives each file its load number: files in path order after the reference files.
func (l *Loader) idOf(s *source) int { return l.firstExport + s.order }

// loadParallel parses and loads files on several workers, each with its own connection: DuckDB
// takes appends to one table from several connections. Every row keeps its file and line, and
// every file its load number, so the warehouse is the same whatever the timing (duplicates across
// files are settled after, by load number); only the physical order of rows may differ, which no
// query relies on.
func (l *Loader) loadParallel(ctx context.Context, o Options, sources []*source, progress func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan *source)
	errs := make(chan error, 1)
	var mu sync.Mutex // progress is called from the workers
	var wg sync.WaitGroup
	for range max(o.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range next {
				if err := l.loadSource(ctx, s, l.parse(o, s)); err != nil {
					select {
					case errs <- err:
					default:
					}
					cancel()
					return
				}
				mu.Lock()
				progress()
				mu.Unlock()
			}
		}()
	}
feed:
	for _, s := range sources {
		select {
		case next <- s:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return ctx.Err()
	}
}

// loadSource appends a parsed file's rows and rejects and records the load; phase-one kinds
// also feed what later rows are checked against.
func (l *Loader) loadSource(ctx context.Context, s *source, p *parsed) error {
	if p.err != nil {
		s.sum.Status, s.sum.Detail = StatusRefused, p.err.Error()
		s.inspectHelps = p.header
		return nil
	}
	s.sum.Read = len(p.rows) + p.rejected
	s.sum.Loaded, s.sum.Rejected = len(p.rows), p.rejected
	if len(p.rejects) > 0 {
		s.firstRejected = p.rejects[0].line
		s.sum.FirstReason = fmt.Sprintf("ligne %d : %s", p.rejects[0].line, p.rejects[0].reason)
	}
	if seen := l.seen[s.kind.Name]; seen != nil {
		seen.add(l.idOf(s), p)
	}
	if err := warehouse.Append(ctx, l.db, "raw", s.kind.Name, p.rows); err != nil {
		return fmt.Errorf("chargement de %s : %w", s.path, err)
	}
	if err := l.appendRejects(ctx, s, p); err != nil {
		return err
	}
	l.known.learn(s.kind, p.rows)
	return l.record(ctx, s, p.took)
}

func (l *Loader) appendRejects(ctx context.Context, s *source, p *parsed) error {
	if len(p.rejects) == 0 {
		return nil
	}
	rows := make([][]driver.Value, len(p.rejects))
	for i, r := range p.rejects {
		rows[i] = []driver.Value{int32(l.idOf(s)), s.path, sheetOf(s), int32(r.line), nullable(r.column), nullable(r.value), r.reason, r.code}
	}
	if err := warehouse.Append(ctx, l.db, "raw", "rejets", rows); err != nil {
		return fmt.Errorf("chargement de %s : rejets : %w", s.path, err)
	}
	return nil
}

// sheetOf is the sheet raw.rejets names for a file's rejects.
func sheetOf(s *source) driver.Value {
	if s.grid != nil && s.grid.sheet != "" {
		return s.grid.sheet
	}
	return nil
}

func nullable(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// record writes the file's row of raw.chargements.
func (l *Loader) record(ctx context.Context, s *source, took time.Duration) error {
	var modified any
	if !s.mod.IsZero() {
		modified = s.mod.UTC()
	}
	kind := s.sum.Kind
	if kind == "" {
		kind = "inconnu"
	}
	_, err := l.db.ExecContext(ctx, `INSERT INTO raw.chargements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.idOf(s), s.path, kind, s.hash, modified, s.sum.Read, s.sum.Loaded, s.sum.Rejected,
		float64(took.Microseconds())/1000, s.sum.Status, nullable(s.sum.Detail), s.sum.Demo)
	if err != nil {
		return fmt.Errorf("chargement de %s : enregistrement du chargement : %w", s.path, err)
	}
	s.recorded = true
	return nil
}

// foldColumns writes the headers of the territory's column mapping as words, as file headers are
// compared.
func foldColumns(columns map[string]map[string]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for kind, m := range columns {
		out[kind] = map[string]string{}
		for header, column := range m {
			out[kind][exports.Words(header)] = column
		}
	}
	return out
}

// foldValues writes the labels of the territory's value mapping as words, as values are compared.
func foldValues(values map[string]map[string]map[string]string) map[string]map[string]map[string]string {
	out := map[string]map[string]map[string]string{}
	for kind, columns := range values {
		out[kind] = map[string]map[string]string{}
		for column, m := range columns {
			out[kind][column] = map[string]string{}
			for label, value := range m {
				out[kind][column][exports.Words(label)] = value
			}
		}
	}
	return out
}
