package ingest

import (
	"fmt"
	"strings"

	"enfance/internal/exports"
)

// columnMap says, for each column of a kind, which field of a file's rows holds it (-1: none).
type columnMap []int

// matchHeader maps a file's header onto the kind's columns. Headers compare folded (no case,
// accents, spaces or punctuation), against the column's name, its aliases, and the territory's
// own [colonnes] mapping (folded header → column name). Unknown headers are returned: they are
// ignored, with a warning.
func matchHeader(k exports.Kind, header []string, custom map[string]string) (columnMap, []string, error) {
	m := make(columnMap, len(k.Columns))
	for i := range m {
		m[i] = -1
	}
	var unknown []string
	for field, h := range header {
		col := columnFor(k, fold(h), custom)
		if col < 0 {
			if strings.TrimSpace(h) != "" {
				unknown = append(unknown, h)
			}
			continue
		}
		if m[col] >= 0 {
			return nil, nil, fmt.Errorf("les colonnes « %s » et « %s » désignent toutes deux %s",
				clip(visible(header[m[col]]), 40), clip(visible(h), 40), k.Columns[col].Name)
		}
		m[col] = field
	}
	var missing []string
	for i, c := range k.Columns {
		if c.Required && m[i] < 0 {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("colonne(s) obligatoire(s) absente(s) de l'en-tête : %s (%s)",
			strings.Join(missing, ", "), headerRead(k, header, custom))
	}
	if !isHeaderLine(k, header, custom) && len(unknown) > 0 {
		unknown = []string{fmt.Sprintf("%d colonne(s) non citée(s)", len(unknown))}
	}
	return m, unknown, nil
}

// isHeaderLine tells a first line that is provably a header: two of its cells at least name
// columns of the kind. Only such a line is quoted in messages; another may be a row of data
// (a file that lost its header), with names and birth dates in it.
func isHeaderLine(k exports.Kind, header []string, custom map[string]string) bool {
	n, _ := headerScore(k, header, custom)
	return n >= 2
}

// headerRead describes the header a message is about, quoting it only when it is provably one.
func headerRead(k exports.Kind, header []string, custom map[string]string) string {
	if n, _ := headerScore(k, header, custom); n < 2 {
		return fmt.Sprintf("la première ligne, de %d champs, ne nomme que %d colonne(s) connue(s) : la ligne d'en-tête manque-t-elle, "+
			"ou ses noms diffèrent-ils de ceux de docs/exports.md ?", len(header), n)
	}
	cells := make([]string, len(header))
	for i, h := range header {
		cells[i] = clip(visible(h), 40)
	}
	return "en-tête lu : " + clip(strings.Join(cells, " | "), 200)
}

// columnFor is the index of the column a folded header names, or -1.
func columnFor(k exports.Kind, h string, custom map[string]string) int {
	if name, ok := custom[h]; ok {
		h = name
	}
	for i, c := range k.Columns {
		if h == c.Name {
			return i
		}
		for _, a := range c.Aliases {
			if h == a {
				return i
			}
		}
	}
	return -1
}

// headerScore counts the header cells that name a column of the kind, and tells whether every
// required column is there.
func headerScore(k exports.Kind, header []string, custom map[string]string) (matched int, complete bool) {
	found := map[int]bool{}
	for _, h := range header {
		if col := columnFor(k, fold(h), custom); col >= 0 {
			found[col] = true
		}
	}
	complete = true
	for i, c := range k.Columns {
		if c.Required && !found[i] {
			complete = false
		}
	}
	return len(found), complete
}

// kindFromHeader recognises a file whose name says nothing, from its header: the kind whose
// required columns are all there and that names the most of its cells.
func kindFromHeader(header []string, custom map[string]map[string]string) (exports.Kind, bool) {
	best, bestScore := exports.Kind{}, 0
	for _, k := range exports.Kinds {
		score, complete := headerScore(k, header, custom[k.Name])
		if complete && score > bestScore {
			best, bestScore = k, score
		}
	}
	return best, bestScore > 0
}

// clip shortens a text quoted in a message, so that a hostile file cannot flood the messages.
func clip(s string, runes int) string {
	r := []rune(s)
	if len(r) <= runes {
		return s
	}
	return string(r[:runes]) + "…"
}
