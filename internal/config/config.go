package config

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"enfance/internal/exports"
)

// Config is a territory and the settings of a run. Field tags are the keys of the TOML file.
type Config struct {
	Territoire Territoire `toml:"territoire"`
	Chemins    Chemins    `toml:"chemins"`
	Seuils     Seuils     `toml:"seuils"`
	ACM        ACM        `toml:"acm"`
	CTG        CTG        `toml:"ctg"`
	Moteur     Moteur     `toml:"moteur"`
	// Colonnes maps, per export kind, a header of the territory's exports to a column of the
	// registry: [colonnes.eaje_presences] "Nom de l'enfant" = "enfant".
	Colonnes map[string]map[string]string `toml:"colonnes"`
	// Valeurs maps, per export kind and column, another writing of a value to the value the
	// registry expects: [valeurs.eaje_presences.regime] "SNCF" = "autre", a structure's name to
	// its code, a commune's spelling to its INSEE code.
	Valeurs map[string]map[string]map[string]string `toml:"valeurs"`
}

// Territoire names the territory the reports are about.
type Territoire struct {
	Nom       string `toml:"nom"`        // full name, as printed on reports
	NomCourt  string `toml:"nom_court"`  // short name, for titles
	SirenEPCI string `toml:"siren_epci"` // SIREN of the EPCI, nine digits
	// AnneeReference is the year the reports describe; 0 means the last complete year.
	AnneeReference int `toml:"annee_reference"`
}

// Chemins are the folders of a run. Empty Reference means the reference data embedded in the
// binary (the CCHF's).
type Chemins struct {
	Donnees   string `toml:"donnees"`   // the exports folder
	Sortie    string `toml:"sortie"`    // warehouse, reports, dashboards
	Reference string `toml:"reference"` // communes.csv and communes.geojson of the territory
	// Secret is the file holding the key of the pseudonyms, outside the outputs; empty means the
	// user's configuration folder (ENFANCE_SECRET overrides both).
	Secret string `toml:"secret"`
}

// Seuils are the thresholds of the indicators.
type Seuils struct {
	// SecretStatistique is the smallest count of persons a published output may show; smaller
	// counts print as « < N ».
	SecretStatistique int `toml:"secret_statistique"`
	// AgeRetraite is the age at which assistants maternels are projected to retire.
	AgeRetraite int `toml:"age_retraite"`
}

// ACM are the rules of the prestation de service ALSH that the CAF leaves to its local guides.
type ACM struct {
	// PlafondMercrediJournee caps the hours counted for a child on a Wednesday of a school week when
	// the child stays for the meal (a whole day); PlafondMercrediDemiJournee without the meal (a
	// half-day). Default 9 h and 4 h: the PS ALSH périscolaire page of the Caf de l'Hérault
	// (domain.md, source S14), whose rule is partly truncated there: confirm with the territory's Caf.
	PlafondMercrediJournee     float64 `toml:"plafond_mercredi_journee"`
	PlafondMercrediDemiJournee float64 `toml:"plafond_mercredi_demi_journee"`
}

// Moteur are the settings of the database engine.
type Moteur struct {
	// Memoire bounds the memory DuckDB takes while it builds the warehouse (« 4GB »); beyond it,
	// it spills to disk.
	Memoire string `toml:"memoire"`
}

// Default describes the Communauté de Communes des Hauts de Flandre.
func Default() Config {
	return Config{
		Territoire: Territoire{
			Nom:       "Communauté de Communes des Hauts de Flandre",
			NomCourt:  "CCHF",
			SirenEPCI: "200040954",
		},
		Chemins: Chemins{Donnees: "data/exports", Sortie: "out"},
		Seuils:  Seuils{SecretStatistique: 5, AgeRetraite: 64},
		ACM:     ACM{PlafondMercrediJournee: 9, PlafondMercrediDemiJournee: 4},
		Moteur:  Moteur{Memoire: "4GB"},
	}
}

// Load reads a TOML territory file over the defaults. Unknown keys are errors, so that a typo
// never silently leaves a default in place.
func Load(r io.Reader, name string) (Config, error) {
	c := Default()
	md, err := toml.NewDecoder(r).Decode(&c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return c, fmt.Errorf("%s:%d:%d : fichier de configuration illisible : %s",
				name, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return c, fmt.Errorf("%s : fichier de configuration illisible : %w", name, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return c, fmt.Errorf("%s : clé inconnue « %s » (clés possibles : %s)",
			name, keys[0], strings.Join(knownKeys, ", "))
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s : %w", name, err)
	}
	return c, nil
}

var knownKeys = []string{
	"territoire.nom", "territoire.nom_court", "territoire.siren_epci", "territoire.annee_reference",
	"chemins.donnees", "chemins.sortie", "chemins.reference", "chemins.secret",
	"seuils.secret_statistique", "seuils.age_retraite",
	"acm.plafond_mercredi_journee", "acm.plafond_mercredi_demi_journee", "moteur.memoire",
	"ctg.premiere_annee", "ctg.derniere_annee", "ctg.cibles.<indicateur>", "colonnes.<type d'export>",
	"valeurs.<type d'export>.<colonne>",
}

var (
	sirenPattern  = regexp.MustCompile(`^[0-9]{9}$`)
	inseePattern  = regexp.MustCompile(`^[0-9][0-9AB][0-9]{3}$`)
	memoryPattern = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?) ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`)
	// memoryUnits are in bytes, as DuckDB reads them: KB, MB, GB and TB are powers of 1 000,
	// KiB, MiB, GiB and TiB powers of 1 024.
	memoryUnits = map[string]float64{"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
		"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}
)

// MemoryBytes reads a memory size as moteur.memoire takes it (« 4GB », « 512 MiB »), in bytes.
func MemoryBytes(size string) (float64, error) {
	m := memoryPattern.FindStringSubmatch(size)
	if m == nil {
		return 0, fmt.Errorf("%q n'est pas une taille de mémoire (par exemple « 4GB »)", size)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return v * memoryUnits[m[2]], err
}

// Validate checks every setting and returns all the problems at once.
func (c Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if strings.TrimSpace(c.Territoire.Nom) == "" {
		bad("territoire.nom est vide : donnez le nom du territoire")
	}
	if !sirenPattern.MatchString(c.Territoire.SirenEPCI) {
		bad("territoire.siren_epci %q n'est pas un SIREN (9 chiffres)", c.Territoire.SirenEPCI)
	}
	if y := c.Territoire.AnneeReference; y != 0 && (y < 2000 || y > 2100) {
		bad("territoire.annee_reference %d est hors de 2000 à 2100 (0 = dernière année complète)", y)
	}
	if strings.TrimSpace(c.Chemins.Sortie) == "" {
		bad("chemins.sortie est vide : donnez le dossier des résultats")
	}
	if s := c.Seuils.SecretStatistique; s < 1 || s > 100 {
		bad("seuils.secret_statistique %d est hors de 1 à 100", s)
	}
	if a := c.Seuils.AgeRetraite; a < 55 || a > 75 {
		bad("seuils.age_retraite %d est hors de 55 à 75 ans", a)
	}
	if j := c.ACM.PlafondMercrediJournee; j < 1 || j > 14 {
		bad("acm.plafond_mercredi_journee %v est hors de 1 à 14 heures", j)
	}
	if d := c.ACM.PlafondMercrediDemiJournee; d < 0.5 || d > c.ACM.PlafondMercrediJournee {
		bad("acm.plafond_mercredi_demi_journee %v est hors de 0,5 heure au plafond de la journée (%v)", d, c.ACM.PlafondMercrediJournee)
	}
	if _, err := MemoryBytes(c.Moteur.Memoire); err != nil {
		bad("moteur.memoire %w", err)
	}
	errs = append(errs, checkCTG(c.CTG)...)
	errs = append(errs, checkColumns(c.Colonnes)...)
	errs = append(errs, checkValues(c.Valeurs)...)
	return errors.Join(errs...)
}

// ReferenceYear is the year the reports describe: the configured one, or the last complete
// year before today's.
func (c Config) ReferenceYear(currentYear int) int {
	if c.Territoire.AnneeReference != 0 {
		return c.Territoire.AnneeReference
	}
	return currentYear - 1
}

// checkColumns checks that every mapped header names a column of its kind, or the given name of
// a person column (enfant.prenom).
func checkColumns(colonnes map[string]map[string]string) (errs []error) {
	for _, kind := range slices.Sorted(maps.Keys(colonnes)) {
		k, ok := exports.Lookup(kind)
		if !ok {
			errs = append(errs, fmt.Errorf("colonnes.%s : type d'export inconnu (voir docs/exports.md)", kind))
			continue
		}
		for _, header := range slices.Sorted(maps.Keys(colonnes[kind])) {
			if _, ok := k.Target(colonnes[kind][header]); !ok {
				errs = append(errs, fmt.Errorf("colonnes.%s : « %s » = « %s », qui n'est pas une colonne de %s (%s)", kind, header,
					colonnes[kind][header], kind, strings.Join(k.Names(), ", ")))
			}
		}
	}
	return errs
}

// checkValues checks that every mapped value belongs to a column that takes such a mapping, and
// is a value of a closed list its column allows.
func checkValues(valeurs map[string]map[string]map[string]string) (errs []error) {
	for _, kind := range slices.Sorted(maps.Keys(valeurs)) {
		k, ok := exports.Lookup(kind)
		if !ok {
			errs = append(errs, fmt.Errorf("valeurs.%s : type d'export inconnu (voir docs/exports.md)", kind))
			continue
		}
		for _, column := range slices.Sorted(maps.Keys(valeurs[kind])) {
			col, ok := k.Column(column)
			if !ok {
				errs = append(errs, fmt.Errorf("valeurs.%s.%s : %s n'a pas de colonne %s (%s)", kind, column, kind, column, strings.Join(k.Names(), ", ")))
				continue
			}
			for _, label := range slices.Sorted(maps.Keys(valeurs[kind][column])) {
				if err := checkValue(col, valeurs[kind][column][label]); err != nil {
					errs = append(errs, fmt.Errorf("valeurs.%s.%s : « %s » = « %s » : %w", kind, column, label, valeurs[kind][column][label], err))
				}
			}
		}
	}
	return errs
}

// checkValue checks one mapped value against its column's type.
func checkValue(col exports.Column, value string) error {
	switch col.Type {
	case exports.Enum, exports.List:
		if !slices.Contains(col.Values, value) {
			return fmt.Errorf("valeur permise : %s", strings.Join(col.Values, ", "))
		}
	case exports.Bool:
		if value != "oui" && value != "non" {
			return errors.New("valeur permise : oui, non")
		}
	case exports.Insee:
		if !inseePattern.MatchString(value) {
			return errors.New("un code INSEE de commune a 5 caractères")
		}
	case exports.Code:
		if col.Ref == "" {
			return errors.New("seules les colonnes de codes d'une autre liste (structure, antenne) prennent une correspondance")
		}
		if strings.TrimSpace(value) == "" {
			return errors.New("code vide")
		}
	default:
		return fmt.Errorf("une colonne de type %s ne prend pas de correspondance de valeurs", col.Type)
	}
	return nil
}
