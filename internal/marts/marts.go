package marts

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

	"enfance/internal/warehouse"
)

//go:embed queries/*.sql
var queries embed.FS

func query(name string) string {
	b, err := queries.ReadFile("queries/" + name + ".sql")
	if err != nil {
		panic(err) // the queries are embedded above: a missing one is a build mistake
	}
	return string(b)
}

// Reader reads the marts of a published warehouse.
type Reader struct{ db *sql.DB }

// Open opens the published warehouse at path, read-only.
func Open(path string) (*Reader, error) {
	db, err := warehouse.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	return &Reader{db: db}, nil
}

// Close closes the warehouse.
func (r *Reader) Close() error { return r.db.Close() }

// Infos describes the build of the warehouse (marts.infos_entrepot).
type Infos struct {
	Territoire        string
	SirenEPCI         string
	AnneeReference    int
	SecretStatistique int
	ConstruitLe       time.Time
	DonneesLe         *time.Time // newest loaded file; nil when no file had a date
	Demo              bool       // demonstration data were loaded: every output says so
	EmpreinteCle      string     // fingerprint of the key of the pseudonyms
}

// Infos reads the one row of marts.infos_entrepot.
func (r *Reader) Infos(ctx context.Context) (Infos, error) {
	var i Infos
	err := r.db.QueryRowContext(ctx, query("infos")).Scan(
		&i.Territoire, &i.SirenEPCI, &i.AnneeReference, &i.SecretStatistique, &i.ConstruitLe, &i.DonneesLe, &i.Demo, &i.EmpreinteCle)
	if err != nil {
		return i, fmt.Errorf("marts : lecture de infos_entrepot : %w", err)
	}
	return i, nil
}

// Commune is a row of marts.dim_commune.
type Commune struct {
	Insee           string
	Nom             string
	Population      int
	PopulationAnnee int
	// Antenne is the code of the relais antenne that covers the commune and NomAntenne its name;
	// both empty when none does.
	Antenne, NomAntenne string
}

// Communes reads every commune, by name in French order.
func (r *Reader) Communes(ctx context.Context) ([]Commune, error) {
	return collect(ctx, r.db, "communes", func(rows *sql.Rows) (Commune, error) {
		var c Commune
		err := rows.Scan(&c.Insee, &c.Nom, &c.Population, &c.PopulationAnnee, &c.Antenne, &c.NomAntenne)
		return c, err
	})
}

func collect[T any](ctx context.Context, db *sql.DB, name string, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(ctx, query(name))
	if err != nil {
		return nil, fmt.Errorf("marts : requête %s : %w", name, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("marts : requête %s : %w", name, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("marts : requête %s : %w", name, err)
	}
	return out, nil
}

// YearCount is a count for a year.
type YearCount struct {
	Annee  int
	Valeur int
}

// PopulationTerritoire reads the territory's population for each legal-population year.
func (r *Reader) PopulationTerritoire(ctx context.Context) ([]YearCount, error) {
	return collect(ctx, r.db, "population_territoire", func(rows *sql.Rows) (YearCount, error) {
		var y YearCount
		err := rows.Scan(&y.Annee, &y.Valeur)
		return y, err
	})
}
