package ingest

import (
	"bytes"
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

	"github.com/jszwec/csvutil"

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
	db          *sql.DB
	logger      *slog.Logger
	next        int                  // id of the next reference load
	firstExport int                  // id of the first export: exports are numbered after the reference
	known       *known               // what export rows are checked against
	seen        map[string]*seenKeys // kind → the keys of its loaded rows, for duplicates across files
}

// referenceLoads is how many ids the reference files take; exports are numbered after them.
const referenceLoads = 100

// New creates the raw tables in db and returns a loader for them.
func New(ctx context.Context, db *sql.DB, logger *slog.Logger) (*Loader, error) {
	if _, err := db.ExecContext(ctx, rawSchema); err != nil {
		return nil, fmt.Errorf("chargement : création des tables brutes : %w", err)
	}
	l := &Loader{db: db, logger: logger, next: 1, firstExport: referenceLoads + 1, known: newKnown()}
	if err := l.createKindTables(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// Reference loads the communes, their populations and their boundaries from fsys, shown in
// messages as root, and the CNAF's coverage rates when the folder has them ([CNAFCoverageFile]). Every commune must belong to the EPCI whose SIREN is given: a reference
// folder of another territory is refused whole.
func (l *Loader) Reference(ctx context.Context, fsys fs.FS, root, siren string) error {
	communes, err := l.load(ctx, fsys, root, CommunesFile, "reference_communes", func(f *file) error {
		return f.communes(siren)
	})
	if err != nil {
		return err
	}
	_, err = l.load(ctx, fsys, root, ContoursFile, "reference_contours", func(f *file) error {
		return f.contours(communes.codes)
	})
	for i, c := range communes.codes {
		l.known.addCommune(c, communes.names[i])
	}
	if err != nil {
		return err
	}
	return l.cnafCoverage(ctx, fsys, root)
}

// file is one file being read: its bytes, its lineage and the rows it gives each table.
type file struct {
	name  string // as shown to the user
	data  []byte
	id    int
	rows  int                         // data rows read
	out   map[string][][]driver.Value // raw table → rows
	codes []string                    // communes read, for the boundaries to check against
	names []string                    // their names, in the same order
}

func (l *Loader) load(ctx context.Context, fsys fs.FS, root, name, kind string, read func(*file) error) (*file, error) {
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
			return nil, fmt.Errorf("chargement de %s : %w", shown, err)
		}
	}
	sum := sha256.Sum256(data)
	took := time.Since(start)
	_, err = l.db.ExecContext(ctx, `INSERT INTO raw.chargements VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 'charge', 'données de référence', false)`,
		f.id, shown, kind, hex.EncodeToString(sum[:]), modified, f.rows, f.rows, float64(took.Microseconds())/1000)
	if err != nil {
		return nil, fmt.Errorf("chargement de %s : enregistrement du chargement : %w", shown, err)
	}
	l.logger.Info("fichier chargé", "fichier", shown, "type", kind, "lignes", f.rows, "durée", took.Round(time.Millisecond))
	return f, nil
}

var (
	insee      = regexp.MustCompile(`^[0-9][0-9AB][0-9]{3}$`)
	pmunColumn = regexp.MustCompile(`^pmun_([0-9]{4})$`)
)

// communeRow is a row of communes.csv. Older legal populations come in pmun_<year> columns.
type communeRow struct {
	Insee            string `csv:"insee_code"`
	Nom              string `csv:"name"`
	Population       count  `csv:"population"`
	PopulationAnnee  count  `csv:"population_year"`
	PopulationTotale count  `csv:"population_totale"`
	CommuneSiren     string `csv:"commune_siren"`
	Departement      string `csv:"departement"`
	Arrondissement   string `csv:"arrondissement"`
	Canton           string `csv:"canton"`
	EpciSiren        string `csv:"epci_siren"`
	EpciNom          string `csv:"epci_name"`
}

// count is a whole number that cannot be negative, as populations and years are.
type count int32

func (c *count) UnmarshalCSV(b []byte) error {
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 32)
	if err != nil || n < 0 {
		return fmt.Errorf("« %s » n'est pas un nombre entier positif", b)
	}
	*c = count(n)
	return nil
}

// communes reads communes.csv: one row per commune, with its legal populations.
func (f *file) communes(siren string) error {
	seen := map[string]int{}
	err := eachRow(f, func(row communeRow, dec *csvutil.Decoder, line int) error {
		return f.commune(row, dec, line, siren, seen)
	})
	if err == nil && f.rows == 0 {
		return f.errorf(0, 0, "", "aucune commune dans le fichier")
	}
	return err
}

// eachRow reads a reference CSV file row by row into T, once its header has every column of T,
// and gives read each row with its line and the decoder (for the header and the raw record);
// a file or row that cannot be read is an InputError at its line and column.
func eachRow[T any](f *file, read func(row T, dec *csvutil.Decoder, line int) error) error {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.data, []byte("\ufeff"))))
	dec, err := csvutil.NewDecoder(r)
	if err != nil {
		return f.errorf(1, 0, "", "en-tête illisible : %v", err)
	}
	header := dec.Header()
	var zero T
	if missing := missingColumns(header, zero); len(missing) > 0 {
		return f.errorf(1, 0, "", "colonne(s) absente(s) de l'en-tête : %s", strings.Join(missing, ", "))
	}
	for {
		var row T
		err := dec.Decode(&row)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return f.decodeError(err, header)
		}
		line, _ := r.FieldPos(0)
		if err := read(row, dec, line); err != nil {
			return err
		}
	}
}

// decodeError turns csvutil's and encoding/csv's errors into an InputError.
func (f *file) decodeError(err error, header []string) error {
	var decode *csvutil.DecodeError
	var parse *csv.ParseError
	switch {
	case errors.As(err, &decode):
		return f.errorf(decode.Line, slices.Index(header, decode.Field)+1, decode.Field, "%v", decode.Err)
	case errors.As(err, &parse):
		return f.errorf(parse.Line, 0, "", "ligne CSV illisible au caractère %d : %s", parse.Column, csvReason(parse.Err))
	}
	return f.errorf(0, 0, "", "fichier CSV illisible : %v", err)
}

// csvReason says in French what encoding/csv found wrong.
func csvReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "guillemet (\") manquant ou en trop dans un champ entre guillemets"
	case errors.Is(err, csv.ErrBareQuote):
		return "guillemet (\") au milieu d'un champ qui n'est pas entre guillemets"
	case errors.Is(err, csv.ErrFieldCount):
		return "le nombre de champs diffère de celui de l'en-tête"
	}
	return err.Error()
}

// missingColumns lists the columns of row's csv tags that header lacks.
func missingColumns(header []string, row any) []string {
	want, err := csvutil.Header(row, "csv")
	if err != nil {
		panic(err) // row is one of this package's types: its tags are fixed
	}
	var missing []string
	for _, w := range want {
		if !slices.Contains(header, w) {
			missing = append(missing, w)
		}
	}
	return missing
}

func (f *file) commune(row communeRow, dec *csvutil.Decoder, line int, siren string, seen map[string]int) error {
	header, rec := dec.Header(), dec.Record()
	field := func(name string) int { return slices.Index(header, name) + 1 }
	code := strings.TrimSpace(row.Insee)
	if !insee.MatchString(code) {
		return f.errorf(line, field("insee_code"), "insee_code", "« %s » n'est pas un code INSEE de commune (5 caractères)", code)
	}
	if first, dup := seen[code]; dup {
		return f.errorf(line, field("insee_code"), "insee_code", "la commune %s figure déjà ligne %d", code, first)
	}
	seen[code] = line
	if row.EpciSiren != siren {
		return f.errorf(line, field("epci_siren"), "epci_siren", "la commune appartient à l'EPCI %s, or le territoire configuré est l'EPCI %s", row.EpciSiren, siren)
	}
	f.rows++
	f.codes, f.names = append(f.codes, code), append(f.names, row.Nom)
	f.out["reference_communes"] = append(f.out["reference_communes"], []driver.Value{
		code, row.Nom, int32(row.Population), int32(row.PopulationAnnee), int32(row.PopulationTotale),
		row.CommuneSiren, row.Departement, row.Arrondissement, row.Canton, row.EpciSiren, row.EpciNom,
		f.name, int32(line), int32(f.id),
	})
	f.population(code, int32(row.PopulationAnnee), int32(row.Population), line)
	for i, h := range header {
		m := pmunColumn.FindStringSubmatch(h)
		if m == nil || strings.TrimSpace(rec[i]) == "" {
			continue
		}
		var n count
		if err := n.UnmarshalCSV([]byte(rec[i])); err != nil {
			return f.errorf(line, i+1, h, "%v", err)
		}
		year, _ := strconv.Atoi(m[1])
		f.population(code, int32(year), int32(n), line)
	}
	return nil
}

func (f *file) population(code string, year, n int32, line int) {
	f.out["reference_populations"] = append(f.out["reference_populations"], []driver.Value{
		code, year, n, f.name, int32(line), int32(f.id),
	})
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
