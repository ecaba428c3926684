package demo

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"

	"enfance/data"
)

// commune is a real commune of the territory, from the reference data.
type commune struct {
	insee, name string
	population  map[int]int // legal population by year
	lon, lat    float64     // centre of its boundary
}

// pop is the commune's population in year y: that year's legal population, else the nearest.
func (c commune) pop(y int) int {
	best, gap := 0, math.MaxInt
	for year, p := range c.population {
		if d := abs(year - y); d < gap || (d == gap && year > y) {
			best, gap = p, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// structure is one of the 18 structures of the demo territory.
type structure struct {
	code, name, kind, insee, antenne string
	places                           int      // EAJE and ACM capacity
	stops                            []string // a bus's commune for lun, mar, jeu, ven
}

// antenne is an antenne of the RPE.
type antenne struct {
	code, name, insee string
	etp               float64
	communes          []string // INSEE codes it covers
}

// territory is everything the generators share.
type territory struct {
	prefix     string // "" for the first territory, "T02-" … under --scale
	communes   []commune
	byInsee    map[string]*commune
	structures []structure
	antennes   []antenne
}

// loadCommunes reads the embedded reference communes and their boundaries' centres.
func loadCommunes() ([]commune, error) {
	ref := data.Reference()
	f, err := ref.Open("communes.csv")
	if err != nil {
		return nil, fmt.Errorf("démonstration : %w", err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil || len(records) < 2 {
		return nil, fmt.Errorf("démonstration : communes.csv : %v", err)
	}
	header := records[0]
	var out []commune
	for _, rec := range records[1:] {
		c := commune{population: map[int]int{}}
		for i, h := range header {
			switch {
			case h == "insee_code":
				c.insee = rec[i]
			case h == "name":
				c.name = rec[i]
			case strings.HasPrefix(h, "pmun_"):
				year, _ := strconv.Atoi(strings.TrimPrefix(h, "pmun_"))
				c.population[year], _ = strconv.Atoi(rec[i])
			}
		}
		year, _ := strconv.Atoi(rec[index(header, "population_year")])
		c.population[year], _ = strconv.Atoi(rec[index(header, "population")])
		out = append(out, c)
	}
	return out, centres(ref, out)
}

func index(header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	panic("demo: reference column " + name + " missing")
}

// centres sets each commune's centre: the mean of its outer ring's points.
func centres(ref fs.FS, communes []commune) error {
	b, err := fs.ReadFile(ref, "communes.geojson")
	if err != nil {
		return fmt.Errorf("démonstration : %w", err)
	}
	var fc struct {
		Features []struct {
			Properties struct{ Code string }
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return fmt.Errorf("démonstration : communes.geojson : %w", err)
	}
	for _, ft := range fc.Features {
		var ring [][2]float64
		var poly [][][2]float64
		var multi [][][][2]float64
		switch ft.Geometry.Type {
		case "Polygon":
			err = json.Unmarshal(ft.Geometry.Coordinates, &poly)
			if len(poly) > 0 {
				ring = poly[0]
			}
		case "MultiPolygon":
			err = json.Unmarshal(ft.Geometry.Coordinates, &multi)
			if len(multi) > 0 && len(multi[0]) > 0 {
				ring = multi[0][0]
			}
		}
		if err != nil {
			return fmt.Errorf("démonstration : communes.geojson : %w", err)
		}
		for i := range communes {
			if communes[i].insee == ft.Properties.Code && len(ring) > 0 {
				for _, p := range ring {
					communes[i].lon += p[0] / float64(len(ring))
					communes[i].lat += p[1] / float64(len(ring))
				}
			}
		}
	}
	return nil
}

// The seed's structures, on the real communes of the CCHF. Names other than the seed's are
// invented.
var seedStructures = []structure{
	{code: "MA-LOUPS", name: "Multi-accueil « A Pas de Loups »", kind: "eaje_multi_accueil", insee: "59663", places: 30},
	{code: "HG-RONDE", name: "Halte-garderie itinérante « La Ronde Enfantine »", kind: "eaje_itinerant", insee: "59067", places: 16,
		stops: []string{"59082", "59319", "59478", "59162"}},
	{code: "HG-BAMBIBUS", name: "Halte-garderie itinérante « Le Bambibus »", kind: "eaje_itinerant", insee: "59210", places: 16,
		stops: []string{"59338", "59666", "59089", "59305"}},
	{code: "ALSH-BERGUES", name: "Accueil de loisirs de Bergues", kind: "acm_extrascolaire", insee: "59067", places: 80},
	{code: "ALSH-WORMHOUT", name: "Accueil de loisirs de Wormhout", kind: "acm_extrascolaire", insee: "59663", places: 96},
	{code: "ALSH-HONDSCHOOTE", name: "Accueil de loisirs de Hondschoote", kind: "acm_extrascolaire", insee: "59309", places: 72},
	{code: "ALSH-WATTEN", name: "Accueil de loisirs de Watten", kind: "acm_extrascolaire", insee: "59647", places: 56},
	{code: "ALSH-ESQUELBECQ", name: "Accueil de loisirs d'Esquelbecq", kind: "acm_extrascolaire", insee: "59210", places: 48},
	{code: "PERI-BERGUES", name: "Accueil périscolaire de Bergues", kind: "acm_periscolaire", insee: "59067", places: 60},
	{code: "PERI-HOYMILLE", name: "Accueil périscolaire de Hoymille", kind: "acm_periscolaire", insee: "59319", places: 56},
	{code: "PERI-WORMHOUT", name: "Accueil périscolaire de Wormhout", kind: "acm_periscolaire", insee: "59663", places: 80},
	{code: "PERI-HONDSCHOOTE", name: "Accueil périscolaire de Hondschoote", kind: "acm_periscolaire", insee: "59309", places: 64},
	{code: "PERI-WATTEN", name: "Accueil périscolaire de Watten", kind: "acm_periscolaire", insee: "59647", places: 48},
	{code: "PERI-REXPOEDE", name: "Accueil périscolaire de Rexpoëde", kind: "acm_periscolaire", insee: "59499", places: 36},
	{code: "PERI-WARHEM", name: "Accueil périscolaire de Warhem", kind: "acm_periscolaire", insee: "59641", places: 36},
	{code: "PERI-BIERNE", name: "Accueil périscolaire de Bierne", kind: "acm_periscolaire", insee: "59082", places: 32},
	{code: "JEU-SEJOURS", name: "Service Jeunesse — séjours et animations", kind: "jeunesse_sejours", insee: "59067"},
	{code: "RPE", name: "Relais Petite Enfance des Hauts de Flandre", kind: "rpe", insee: "59067"},
}

// The four antennes of the RPE, one in Bergues; 6 ETP of animation in all.
var seedAntennes = []antenne{
	{code: "ANT-BERGUES", name: "Antenne de Bergues", insee: "59067", etp: 1.6},
	{code: "ANT-WORMHOUT", name: "Antenne de Wormhout", insee: "59663", etp: 1.6},
	{code: "ANT-HONDSCHOOTE", name: "Antenne de Hondschoote", insee: "59309", etp: 1.4},
	{code: "ANT-WATTEN", name: "Antenne de Watten", insee: "59647", etp: 1.4},
}

// newTerritory lays the seed's structures on the communes; each commune belongs to the nearest
// antenne.
func newTerritory(communes []commune, n int) *territory {
	t := &territory{communes: communes, byInsee: map[string]*commune{}}
	if n > 1 {
		t.prefix = fmt.Sprintf("T%02d-", n)
	}
	for i := range t.communes {
		t.byInsee[t.communes[i].insee] = &t.communes[i]
	}
	for _, a := range seedAntennes {
		a.code = t.prefix + a.code
		t.antennes = append(t.antennes, a)
	}
	for _, c := range t.communes {
		best := 0
		for i, a := range t.antennes {
			if distance(c, *t.byInsee[a.insee]) < distance(c, *t.byInsee[t.antennes[best].insee]) {
				best = i
			}
		}
		t.antennes[best].communes = append(t.antennes[best].communes, c.insee)
	}
	for _, s := range seedStructures {
		s.code = t.prefix + s.code
		s.antenne = t.antenneOf(s.insee)
		t.structures = append(t.structures, s)
	}
	return t
}

func distance(a, b commune) float64 {
	dx := (a.lon - b.lon) * math.Cos(a.lat*math.Pi/180)
	dy := a.lat - b.lat
	return math.Hypot(dx, dy)
}

// antenneOf is the code of the antenne covering a commune.
func (t *territory) antenneOf(insee string) string {
	for _, a := range t.antennes {
		for _, c := range a.communes {
			if c == insee {
				return a.code
			}
		}
	}
	return ""
}

// near lists the communes by distance from insee, the commune itself first.
func (t *territory) near(insee string) []string {
	codes := make([]string, len(t.communes))
	for i, c := range t.communes {
		codes[i] = c.insee
	}
	from := *t.byInsee[insee]
	sort.SliceStable(codes, func(i, j int) bool {
		return distance(from, *t.byInsee[codes[i]]) < distance(from, *t.byInsee[codes[j]])
	})
	return codes
}

// of lists the structures of a kind.
func (t *territory) of(kind string) []structure {
	var out []structure
	for _, s := range t.structures {
		if s.kind == kind {
			out = append(out, s)
		}
	}
	return out
}
