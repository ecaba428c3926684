package exports

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes a header or a label comparable: lower case, no accents, every run of other
// characters turned into one underscore. « Heures réalisées » and « heures_realisees » fold alike.
func Fold(s string) string {
	plain := strings.ToLower(strings.TrimSpace(s))
	if !isASCII(plain) { // most values are plain ASCII: spare them the Unicode decomposition
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if p, _, err := transform.String(t, plain); err == nil {
			plain = p
		}
	}
	var b strings.Builder
	gap := false
	for _, r := range plain {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		default:
			gap = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// functionWords do not change what a header or a label names: « Date de naissance de l'enfant »
// is date_naissance_enfant, « Nombre d'heures » is heures.
var functionWords = map[string]bool{"de": true, "d": true, "du": true, "des": true, "l": true, "la": true,
	"le": true, "les": true, "en": true, "par": true, "a": true, "au": true, "aux": true, "et": true,
	"un": true, "une": true}

// countWords open a header that counts what follows: « N° », « Nb », « Nombre de ».
var countWords = map[string]bool{"n": true, "no": true, "nb": true, "nbr": true, "nbre": true, "nombre": true}

// qualifiers name whose value a header gives (« Date de naissance de l'enfant », « Commune AM »):
// a header that names no column is tried again without them.
var qualifiers = map[string]bool{"enfant": true, "individu": true, "jeune": true, "famille": true,
	"allocataire": true, "am": true, "assistant": true, "maternel": true, "mois": true, "jour": true}

var brackets = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// Words is how a header or a label compares: folded, a unit or remark in brackets left out, and
// the function words and counting words (N°, Nb, Nombre de) with it. A header made only of such
// words keeps them: « De » and « À » name the two ends of a slot.
func Words(s string) string {
	folded := Fold(brackets.ReplaceAllString(s, " "))
	if folded == "" {
		folded = Fold(s)
	}
	var kept []string
	for _, w := range strings.Split(folded, "_") {
		if !functionWords[w] && !(len(kept) == 0 && countWords[w]) {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return folded
	}
	return strings.Join(kept, "_")
}

// withoutQualifiers drops the words that only say whose value a header gives; "" when nothing else
// is left.
func withoutQualifiers(words string) string {
	var kept []string
	for _, w := range strings.Split(words, "_") {
		if !qualifiers[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, "_")
}

// Target is what one header names: a column of the kind, or the given-name part of a person
// column (« Prénom » beside « Nom »).
type Target struct {
	Column int
	Given  bool
}

// GivenSuffix marks, in the territory's [colonnes] mapping, a header that holds the given name
// of a person column: "Prénom usuel" = "enfant.prenom".
const GivenSuffix = ".prenom"

// Name is the target as the territory file writes it.
func (t Target) Name(k Kind) string {
	if t.Given {
		return k.Columns[t.Column].Name + GivenSuffix
	}
	return k.Columns[t.Column].Name
}

// Target finds the column of the kind that a name of the territory file designates (a column
// name, or a person column's name followed by .prenom).
func (k Kind) Target(name string) (Target, bool) {
	base, given := strings.CutSuffix(name, GivenSuffix)
	i := slices.IndexFunc(k.Columns, func(c Column) bool { return c.Name == base })
	if i < 0 || (given && k.Columns[i].Type != Person) {
		return Target{}, false
	}
	return Target{Column: i, Given: given}, true
}

// Match finds what a header names in the kind: through the territory's mapping (custom, whose
// keys are [Words]), else the column names, aliases and given-name aliases of the registry, else
// the same without qualifiers. Several targets mean the header is ambiguous; none, that it is not
// a column of the kind.
func (k Kind) Match(header string, custom map[string]string) []Target {
	w := Words(header)
	if w == "" {
		return nil
	}
	if name, ok := custom[w]; ok {
		if t, ok := k.Target(name); ok {
			return []Target{t}
		}
	}
	keys := headerKeys()[k.Name]
	if t := keys[w]; len(t) > 0 {
		return t
	}
	if bare := withoutQualifiers(w); bare != "" && bare != w {
		return keys[bare]
	}
	return nil
}

// headerKeys maps, for each kind, the words of every column name and alias to what they name.
var headerKeys = sync.OnceValue(func() map[string]map[string][]Target {
	all := map[string]map[string][]Target{}
	for _, k := range Kinds {
		keys := map[string][]Target{}
		add := func(name string, t Target) {
			w := Words(name)
			if !slices.Contains(keys[w], t) {
				keys[w] = append(keys[w], t)
			}
		}
		for i, c := range k.Columns {
			add(c.Name, Target{Column: i})
			for _, a := range c.Aliases {
				add(a, Target{Column: i})
			}
			for _, a := range c.Given {
				add(a, Target{Column: i, Given: true})
			}
		}
		all[k.Name] = keys
	}
	return all
})

// Candidates names the targets of an ambiguous header, for a message.
func (k Kind) Candidates(targets []Target) string {
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = t.Name(k)
	}
	return strings.Join(names, " ou ")
}

// stem is a label's words without a final s and e, nor an inclusive ending (« présent·e »):
// masculine and feminine, singular and plural compare alike.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "_es"), "_e")
	w = strings.TrimSuffix(w, "s")
	w = strings.TrimSuffix(w, "e")
	return strings.TrimSuffix(w, "e")
}

// Code finds the value of a closed list (Enum, List) that a label stands for: the code itself, a
// label of the registry or of the territory (custom, keyed by [Words]), or one of these up to a
// final e or s.
func (c Column) Code(label string, custom map[string]string) (string, bool) {
	if slices.Contains(c.Values, label) {
		return label, true
	}
	w := Words(label)
	if code, ok := custom[w]; ok {
		return code, true
	}
	if code, ok := c.Labels[w]; ok {
		return code, true
	}
	s := stem(w)
	for _, v := range c.Values {
		if stem(Words(v)) == s {
			return v, true
		}
	}
	for l, code := range c.Labels {
		if stem(l) == s {
			return code, true
		}
	}
	return "", false
}

// LoadOrder lists the kinds other kinds refer to (codes, bounds of a day), each after the kinds
// it refers to itself: the ingest loads them first, in this order, to check every other row. It is
// worked out once from the registry; callers must not change it.
var LoadOrder = sync.OnceValue(loadOrder)

func loadOrder() []string {
	needed := map[string]bool{}
	for _, k := range Kinds {
		for _, c := range k.Columns {
			needed[c.Ref], needed[c.DayOf] = true, true
		}
	}
	var order []string
	var visit func(kind string)
	visit = func(kind string) {
		if slices.Contains(order, kind) {
			return
		}
		k, _ := Lookup(kind)
		for _, c := range k.Columns {
			if c.Ref != "" && c.Ref != kind {
				visit(c.Ref)
			}
		}
		order = append(order, kind)
	}
	for _, k := range Kinds { // registry order, so that the order is stable
		if needed[k.Name] {
			visit(k.Name)
		}
	}
	return order
}
