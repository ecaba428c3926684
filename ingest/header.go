package ingest

import (
	"fmt"
	"strings"

	"enfance/internal/exports"
)

// columnMap says, for each column of a kind, which field of a file's rows holds it, and which
// holds the given name of a person column split in two (-1: none).
type columnMap struct {
	at, given []int
}

// field is the text of a column in a record, a person's two parts joined: « RICHARD » and
// « Rose » make « RICHARD Rose ».
func (m columnMap) field(fields []string, col int) string {
	raw := fieldAt(fields, m.at[col])
	if g := fieldAt(fields, m.given[col]); g != "" {
		raw = strings.TrimSpace(raw + " " + g)
	}
	return raw
}

func fieldAt(fields []string, i int) string {
	if i < 0 || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(fields[i])
}

// matchHeader maps a file's header onto the kind's columns, through the registry's names and
// aliases compared as words (exports.Words) and the territory's own [colonnes] mapping (words of
// a header → column name). A header naming two columns, or two headers naming one column, are
// errors naming the candidates; unknown headers are returned: they are ignored, with a warning.
func matchHeader(k exports.Kind, header []string, custom map[string]string) (columnMap, []string, error) {
	m := columnMap{at: make([]int, len(k.Columns)), given: make([]int, len(k.Columns))}
	for i := range m.at {
		m.at[i], m.given[i] = -1, -1
	}
	var unknown []string
	for field, h := range header {
		targets := k.Match(h, custom)
		switch {
		case len(targets) > 1:
			return columnMap{}, nil, fmt.Errorf("la colonne « %s » peut désigner %s : précisez-la dans le fichier du territoire (%s)",
				clip(visible(h), 40), k.Candidates(targets), mappingHint(k, h, targets[0]))
		case len(targets) == 0:
			if strings.TrimSpace(h) != "" {
				unknown = append(unknown, h)
			}
			continue
		}
		t := targets[0]
		slot := &m.at[t.Column]
		if t.Given {
			slot = &m.given[t.Column]
		}
		if *slot >= 0 {
			return columnMap{}, nil, fmt.Errorf("les colonnes « %s » et « %s » désignent toutes deux %s : renommez ou retirez l'une d'elles",
				clip(visible(header[*slot]), 40), clip(visible(h), 40), t.Name(k))
		}
		*slot = field
	}
	if err := m.complete(k, header, custom); err != nil {
		return columnMap{}, nil, err
	}
	if !isHeaderLine(k, header, custom) && len(unknown) > 0 {
		unknown = []string{fmt.Sprintf("%d colonne(s) non citée(s)", len(unknown))}
	}
	return m, unknown, nil
}

// complete checks that every required column is there; a given name alone is not a person.
func (m columnMap) complete(k exports.Kind, header []string, custom map[string]string) error {
	var missing []string
	for i, c := range k.Columns {
		if m.at[i] < 0 && m.given[i] >= 0 {
			return fmt.Errorf("la colonne « %s » donne le prénom de %s, mais aucune colonne ne donne son nom (%s)",
				clip(visible(header[m.given[i]]), 40), c.Name, headerRead(k, header, custom))
		}
		if c.Required && m.at[i] < 0 {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("colonne(s) obligatoire(s) absente(s) de l'en-tête : %s (%s)",
			strings.Join(missing, ", "), headerRead(k, header, custom))
	}
	return nil
}

// mappingHint is the line of the territory file that settles a header.
func mappingHint(k exports.Kind, header string, t exports.Target) string {
	return fmt.Sprintf("[colonnes.%s] %q = %q", k.Name, clip(visible(header), 40), t.Name(k))
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

// headerScore counts the header cells that name one column of the kind, and tells whether every
// required column is there.
func headerScore(k exports.Kind, header []string, custom map[string]string) (matched int, complete bool) {
	found := map[int]bool{}
	for _, h := range header {
		if t := k.Match(h, custom); len(t) == 1 && !t[0].Given {
			found[t[0].Column] = true
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
// required columns are all there and that names the most of its cells; two kinds that name as
// many are no answer.
func kindFromHeader(header []string, custom map[string]map[string]string) (exports.Kind, bool) {
	best, bestScore, tie := exports.Kind{}, 0, false
	for _, k := range exports.Kinds {
		score, complete := headerScore(k, header, custom[k.Name])
		switch {
		case !complete || score < bestScore:
		case score == bestScore:
			tie = true
		default:
			best, bestScore, tie = k, score, false
		}
	}
	return best, bestScore > 0 && !tie
}

// clip shortens a text quoted in a message, so that a hostile file cannot flood the messages.
func clip(s string, runes int) string {
	r := []rune(s)
	if len(r) <= runes {
		return s
	}
	return string(r[:runes]) + "…"
}
