package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"enfance/internal/warehouse"
)

//go:embed sql/raw.sql
var rawSchema string

// Reference files, in a reference folder.
const (
	CommunesFile = "communes.csv"
	ContoursFile = "communes.geojson"
)

// Loader writes files into the raw layer of one warehouse being built.
type Loader struct {
	db     *sql.DB
	logger *slog.Logger
	next   int // id of the next load
}

// New creates the raw tables in db and returns a loader for them.
func New(ctx context.Context, db *sql.DB, logger *slog.Logger) (*Loader, error) {
	if _, err := db.ExecContext(ctx, rawSchema); err != nil {
		return nil, fmt.Errorf("ingest: create raw tables: %w", err)
	}
	return &Loader{db: db, logger: logger, next: 1}, nil
}

// Reference loads the communes, their populations and their boundaries from fsys, shown in
// messages as root. Every commune must belong to the EPCI whose SIREN is given: a reference
// folder of another territory is refused whole.
func (l *Loader) Reference(ctx context.Context, fsys fs.FS, root, siren string) error {
	communes, err := l.load(ctx, fsys, root, CommunesFile, "reference_communes", func(f *file) error {
		return f.communes(siren)
	})
	if err != nil {
		return err
	}
	_, err = l.load(ctx, fsys, root, ContoursFile, "reference_contours", func(f *file) error {
		return f.contours(communes)
	})
	return err
}

// file is one file being read: its bytes, its lineage and the rows it gives each table.
type file struct {
	name  string // as shown to the user
	data  []byte
	id    int
	rows  int                         // data rows read
	out   map[string][][]driver.Value // raw table → rows
	codes []string                    // communes read, for the boundaries to check against
}

func (l *Loader) load(ctx context.Context, fsys fs.FS, root, name, kind string, read func(*file) error) ([]string, error) {
	start := time.Now()
	shown := path.Join(root, name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &InputError{File: shown, Err: fmt.Errorf("fichier de référence illisible : %w", err)}
	}
	var modified any
	if info, err := fs.Stat(fsys, name); err == nil && !info.ModTime().IsZero() {
		modified = info.ModTime().UTC()
	}
	f := &file{name: shown, data: data, id: l.next, out: map[string][][]driver.Value{}}
	l.next++
	if err := read(f); err != nil {
		return nil, err
	}
	for _, table := range slices.Sorted(maps.Keys(f.out)) {
		if err := warehouse.Append(ctx, l.db, "raw", table, f.out[table]); err != nil {
			return nil, fmt.Errorf("ingest %s: %w", shown, err)
		}
	}
	sum := sha256.Sum256(data)
	took := time.Since(start)
	_, err = l.db.ExecContext(ctx, `INSERT INTO raw.chargements VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
		f.id, shown, kind, hex.EncodeToString(sum[:]), modified, f.rows, f.rows, float64(took.Microseconds())/1000)
	if err != nil {
		return nil, fmt.Errorf("ingest %s: record load: %w", shown, err)
	}
	l.logger.Info("fichier chargé", "file", shown, "kind", kind, "rows", f.rows, "took", took.Round(time.Millisecond))
	return f.codes, nil
}

var (
	insee       = regexp.MustCompile(`^[0-9][0-9AB][0-9]{3}$`)
	pmunColumn  = regexp.MustCompile(`^pmun_([0-9]{4})$`)
	communeCols = []string{"insee_code", "name", "population", "population_year", "population_totale",
		"commune_siren", "departement", "arrondissement", "canton", "epci_siren", "epci_name"}
)

// communes reads communes.csv: one row per commune, with its legal populations.
func (f *file) communes(siren string) error {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(f.data), "\ufeff")))
	header, err := r.Read()
	if err != nil {
		return f.errorf(1, 0, "", "en-tête illisible : %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, name := range communeCols {
		if _, ok := col[name]; !ok {
			return f.errorf(1, 0, "", "colonne « %s » absente de l'en-tête", name)
		}
	}
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				return f.errorf(perr.Line, perr.Column, "", "ligne CSV illisible : %v", perr.Err)
			}
			return f.errorf(line, 0, "", "ligne CSV illisible : %v", err)
		}
		if err := f.commune(rec, header, col, line, siren, seen); err != nil {
			return err
		}
	}
	if f.rows == 0 {
		return f.errorf(0, 0, "", "aucune commune dans le fichier")
	}
	return nil
}

func (f *file) commune(rec, header []string, col map[string]int, line int, siren string, seen map[string]int) error {
	get := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
	code := get("insee_code")
	if !insee.MatchString(code) {
		return f.errorf(line, col["insee_code"]+1, "insee_code", "« %s » n'est pas un code INSEE de commune (5 caractères)", code)
	}
	if first, dup := seen[code]; dup {
		return f.errorf(line, col["insee_code"]+1, "insee_code", "la commune %s figure déjà ligne %d", code, first)
	}
	seen[code] = line
	if got := get("epci_siren"); got != siren {
		return f.errorf(line, col["epci_siren"]+1, "epci_siren", "la commune appartient à l'EPCI %s, or le territoire configuré est l'EPCI %s", got, siren)
	}
	ints := map[string]int{}
	for _, name := range []string{"population", "population_year", "population_totale"} {
		n, err := f.count(rec[col[name]], line, col[name]+1, name)
		if err != nil {
			return err
		}
		ints[name] = n
	}
	f.rows++
	f.codes = append(f.codes, code)
	f.out["reference_communes"] = append(f.out["reference_communes"], []driver.Value{
		code, get("name"), int32(ints["population"]), int32(ints["population_year"]), int32(ints["population_totale"]),
		get("commune_siren"), get("departement"), get("arrondissement"), get("canton"), get("epci_siren"), get("epci_name"),
		f.name, int32(line), int32(f.id),
	})
	f.population(code, ints["population_year"], ints["population"], line)
	for i, h := range header {
		m := pmunColumn.FindStringSubmatch(strings.TrimSpace(h))
		if m == nil || strings.TrimSpace(rec[i]) == "" {
			continue
		}
		n, err := f.count(rec[i], line, i+1, h)
		if err != nil {
			return err
		}
		year, _ := strconv.Atoi(m[1])
		f.population(code, year, n, line)
	}
	return nil
}

func (f *file) population(code string, year, n, line int) {
	f.out["reference_populations"] = append(f.out["reference_populations"], []driver.Value{
		code, int32(year), int32(n), f.name, int32(line), int32(f.id),
	})
}

// count parses a non-negative whole number, as populations and years are.
func (f *file) count(s string, line, column int, field string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, f.errorf(line, column, field, "« %s » n'est pas un nombre entier positif", s)
	}
	return n, nil
}

// contours reads communes.geojson: one feature per commune, with its INSEE code in "code".
func (f *file) contours(communes []string) error {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties struct {
				Code string `json:"code"`
				Nom  string `json:"nom"`
			} `json:"properties"`
			Geometry json.RawMessage `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(f.data, &fc); err != nil || fc.Type != "FeatureCollection" {
		return f.errorf(0, 0, "", "ce n'est pas une FeatureCollection GeoJSON lisible")
	}
	for i, ft := range fc.Features {
		if !slices.Contains(communes, ft.Properties.Code) {
			return f.errorf(0, 0, "", "l'entité n° %d a le code « %s », qui n'est pas une commune de %s", i+1, ft.Properties.Code, CommunesFile)
		}
		f.rows++
		f.out["reference_contours"] = append(f.out["reference_contours"], []driver.Value{
			ft.Properties.Code, ft.Properties.Nom, string(ft.Geometry), f.name, int32(i + 1), int32(f.id),
		})
	}
	return nil
}

func (f *file) errorf(line, column int, field, format string, args ...any) error {
	return &InputError{File: f.name, Line: line, Column: column, Field: field, Err: fmt.Errorf(format, args...)}
}
