package marts

import (
	"context"
	"database/sql"
	"embed"
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

// InfosEntrepot describes the build of the warehouse (marts.infos_entrepot).
type InfosEntrepot struct {
	Territoire        string     `col:"territoire"`
	SirenEPCI         string     `col:"siren_epci"`
	AnneeReference    int        `col:"annee_reference"`
	SecretStatistique int        `col:"secret_statistique"`
	ConstruitLe       time.Time  `col:"construit_le"`
	DonneesLe         *time.Time `col:"donnees_le"`            // newest loaded file; nil when no file had a date
	Demo              bool       `col:"donnees_demonstration"` // demonstration data were loaded: every output says so
	EmpreinteCle      string     `col:"empreinte_cle"`         // fingerprint of the key of the pseudonyms
}

// InfosEntrepot reads the one row of marts.infos_entrepot.
func (r *Reader) InfosEntrepot(ctx context.Context) (InfosEntrepot, error) {
	return one[InfosEntrepot](ctx, r.db, "infos_entrepot")
}

// DimCommune is a row of marts.dim_commune, with the name of its relais antenne (marts.dim_antenne).
type DimCommune struct {
	Insee           string `col:"commune_insee"`
	Nom             string `col:"nom_commune"`
	Population      int    `col:"population"`
	PopulationAnnee int    `col:"population_millesime"`
	// Antenne is the code of the relais antenne that covers the commune and NomAntenne its name;
	// both empty when none does.
	Antenne    string `col:"antenne"`
	NomAntenne string `col:"nom_antenne"`
}

// DimCommune reads every commune, by name in French order.
func (r *Reader) DimCommune(ctx context.Context) ([]DimCommune, error) {
	return collect[DimCommune](ctx, r.db, "dim_commune")
}

// PopulationTerritoire is a row of marts.population_territoire: the territory's population for
// a legal-population year.
type PopulationTerritoire struct {
	Annee  int `col:"millesime"`
	Valeur int `col:"population"`
}

// PopulationTerritoire reads the territory's population for each legal-population year.
func (r *Reader) PopulationTerritoire(ctx context.Context) ([]PopulationTerritoire, error) {
	return collect[PopulationTerritoire](ctx, r.db, "population_territoire")
}
