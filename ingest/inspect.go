package ingest

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"enfance/internal/exports"
)

// Inspection is what the ingest understands of one file, without loading it: its kind and why,
// each header and the column it names, the values it would reject, and the mapping that would
// make it load.
type Inspection struct {
	Path    string
	Kind    string
	KindBy  string // how the kind was found: « le début du nom », « l'en-tête »
	Format  string // encoding or workbook, and sheet
	Refused string // why the file cannot be read at all, even with a mapping
	// Warnings are what the reading leaves out, as a run warns of it: title lines above the
	// header, blank lines, a line of totals.
	Warnings []string
	Headers  []HeaderUse
	Missing  []string // required columns no header names, even with the proposals
	Read     int
	Loaded   int // rows that would load with the proposals
	Faults   []Fault
	// Unmapped counts the rejected values no value of their column is close to: they need a
	// mapping written by hand.
	Unmapped int
	// Columns and Values are the proposed [colonnes.<kind>] and [valeurs.<kind>.<column>].
	Columns map[string]string
	Values  map[string]map[string]string
}

// HeaderUse is one header of the file and what it names.
type HeaderUse struct {
	Header   string
	Column   string // the column it names, "" for none
	Proposed bool   // named through a proposal of the mapping, to check
	Problem  string // ambiguous, or naming a column another header names
	// Samples are its first distinct values, as the rejects show values: a person's masked, a
	// text that could be a name described by its length.
	Samples []string
}

// Fault is one reason values of a column would be rejected: how many lines, and the first ones.
type Fault struct {
	Column, Code string
	Lines        int
	Examples     []string // « ligne 12 : « 31/02/2025 » n'est pas une date », persons masked
}

// Inspect tells, for each file, what the ingest would do with it. It first loads, from the
// exports folder o.Dir when there is one, the kinds other rows are checked against (structures,
// antennes, capacities, periods), so that codes are checked as a run would.
func (l *Loader) Inspect(ctx context.Context, o Options, paths []string) ([]Inspection, error) {
	if o.Dir != "" {
		first := exports.LoadOrder()
		o.only = func(kind string) bool { return slices.Contains(first, kind) }
		if _, err := l.Exports(ctx, o); err != nil {
			return nil, err
		}
	}
	o.Columns, o.Values = foldColumns(o.Columns), foldValues(o.Values)
	var out []Inspection
	for _, p := range paths {
		out = append(out, l.inspect(o, p))
	}
	return out, nil
}

// inspect reads one file as the ingest would, proposing a mapping for what it does not know.
func (l *Loader) inspect(o Options, path string) Inspection {
	in := Inspection{Path: visible(path), Columns: map[string]string{}, Values: map[string]map[string]string{}}
	s := &source{path: visible(filepath.ToSlash(path)), file: path}
	s.sum = &FileSummary{Path: s.path, Status: StatusLoaded}
	data, hash, err := readExport(path)
	if err != nil {
		in.Refused = err.Error()
		return in
	}
	s.hash = hash
	if err := s.findKind(data, o.Columns); err != nil || s.sum.Status == StatusRefused {
		if !closestKind(s, data, o.Columns, &in) {
			in.Refused = s.sum.Detail
			return in
		}
	} else {
		in.Kind, in.KindBy = s.kind.Name, "le début du nom"
		if _, byName := exports.ForFile(baseName(s.path)); !byName {
			in.KindBy = "l'en-tête"
		}
	}
	g := s.grid
	if g == nil {
		if g, err = decode(s, o.Columns[s.kind.Name]); err != nil {
			in.Refused = err.Error()
			return in
		}
	}
	in.Format, in.Warnings = g.encoding, g.warnings
	if g.sheet != "" {
		in.Format += ", feuille « " + clip(visible(g.sheet), 40) + " »"
	}
	custom := o.Columns[s.kind.Name]
	if isHeaderLine(s.kind, g.header, custom) {
		custom = in.proposeColumns(s.kind, g.header, custom)
		in.describeHeaders(s.kind, g.header, custom)
		in.sample(s.kind, g, custom)
	}
	cols, _, err := matchHeader(s.kind, g.header, custom)
	if err != nil {
		in.Refused = err.Error()
		return in
	}
	in.convert(l, o, s, g, cols)
	return in
}

// closestKind takes, for a file neither its name nor its header make known, the kind whose
// columns its header names the most (two at least, and more than any other kind's): the
// inspection goes on with it, and its proposals make the file known by its header.
func closestKind(s *source, data []byte, custom map[string]map[string]string, in *Inspection) bool {
	if sniff(data).refusal() != nil {
		return false
	}
	var best exports.Kind
	bestScore, tie := 0, false
	g, err := decodeFile(data, func(cells []string) bool {
		for _, k := range exports.Kinds {
			if n, _ := headerScore(k, cells, custom[k.Name]); n >= 2 {
				return true
			}
		}
		return false
	})
	if err != nil {
		return false
	}
	for _, k := range exports.Kinds {
		switch n, _ := headerScore(k, g.header, custom[k.Name]); {
		case n > bestScore:
			best, bestScore, tie = k, n, false
		case n == bestScore:
			tie = true
		}
	}
	if bestScore < 2 || tie {
		return false
	}
	s.kind, s.grid = best, g
	in.Kind = best.Name
	in.KindBy = fmt.Sprintf("l'en-tête, au plus près : %d colonnes de %s reconnues ; avec le bloc proposé, l'en-tête suffit "+
		"à le reconnaître (ou nommez le fichier en commençant par %s_)", bestScore, best.Name, best.Name)
	return true
}

// proposeColumns adds to the territory's mapping a header for each required column no header
// names: the unknown header closest to the column's names. The proposals are kept in in.Columns.
func (in *Inspection) proposeColumns(k exports.Kind, header []string, custom map[string]string) map[string]string {
	merged := map[string]string{}
	for h, c := range custom {
		merged[h] = c
	}
	named := map[int]bool{}
	var unknown []int
	for i, h := range header {
		switch t := k.Match(h, merged); {
		case len(t) == 1:
			named[t[0].Column] = true
		case len(t) == 0 && strings.TrimSpace(h) != "":
			unknown = append(unknown, i)
		}
	}
	for ci, c := range k.Columns {
		if !c.Required || named[ci] || len(unknown) == 0 {
			continue
		}
		best := closestHeader(c, header, unknown)
		merged[exports.Words(header[best])] = c.Name
		in.Columns[header[best]] = c.Name
		unknown = slices.DeleteFunc(unknown, func(i int) bool { return i == best })
	}
	return merged
}

// closestHeader is the field among candidates whose header is closest to the column's names.
func closestHeader(c exports.Column, header []string, candidates []int) int {
	best, score := candidates[0], -1.0
	for _, i := range candidates {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			if s := similarity(exports.Words(header[i]), exports.Words(name)); s > score {
				best, score = i, s
			}
		}
	}
	return best
}

// describeHeaders says what each header names, with the mapping proposed.
func (in *Inspection) describeHeaders(k exports.Kind, header []string, custom map[string]string) {
	seen := map[string]string{}
	for _, h := range header {
		use := HeaderUse{Header: clip(visible(h), 60)}
		_, use.Proposed = in.Columns[h]
		switch t := k.Match(h, custom); {
		case len(t) > 1:
			use.Problem = "peut désigner " + k.Candidates(t)
		case len(t) == 1:
			use.Column = t[0].Name(k)
			if other, dup := seen[use.Column]; dup {
				use.Problem = "désigne aussi " + use.Column + ", comme « " + other + " »"
			}
			seen[use.Column] = use.Header
		}
		in.Headers = append(in.Headers, use)
	}
}

// sample gives each header its first three distinct values, shown as the rejects show them:
// through the column the header names, else as a free text.
func (in *Inspection) sample(k exports.Kind, g *grid, custom map[string]string) {
	c := &converter{kind: k, xlsx: g.xlsx}
	free := &exports.Column{Type: exports.Text}
	for i := range in.Headers {
		col := free
		if t := k.Match(g.header[i], custom); len(t) == 1 {
			col = &k.Columns[t[0].Column]
		}
		for _, rec := range g.records {
			if len(in.Headers[i].Samples) == 3 {
				break
			}
			raw := fieldAt(rec.fields, i)
			if v := c.shown(col, raw); raw != "" && !slices.Contains(in.Headers[i].Samples, v) {
				in.Headers[i].Samples = append(in.Headers[i].Samples, v)
			}
		}
	}
}

// convert reads every row as a run would, counting the rows that would load and gathering the
// rejected values, with a mapping proposed for those another writing may stand for.
func (in *Inspection) convert(l *Loader, o Options, s *source, g *grid, cols columnMap) {
	values := map[string]map[string]string{}
	for col, m := range o.Values[s.kind.Name] {
		values[col] = m
	}
	c := &converter{kind: s.kind, cols: cols, known: l.known, xlsx: g.xlsx, file: s.path, today: o.Today,
		seen: map[keyHash]int{}, pseudo: map[identity]string{}, resolved: map[resolved]string{}, values: values,
		unchecked: o.Dir == ""}
	c.index()
	c.period, c.hasPer = periodFromName(baseName(s.path))
	if !g.xlsx {
		c.width = len(g.header)
	}
	in.proposeValues(c, g)
	c.resolved, c.seen, c.firsts = map[resolved]string{}, map[keyHash]int{}, nil
	faults := map[[2]string]*Fault{}
	var order []*Fault
	for _, rec := range g.records {
		in.Read++
		_, rejects := c.row(rec)
		if len(rejects) == 0 {
			in.Loaded++
		}
		for _, r := range rejects {
			key := [2]string{r.column, r.code}
			f, ok := faults[key]
			if !ok {
				f = &Fault{Column: r.column, Code: r.code}
				faults[key] = f
				order = append(order, f)
			}
			f.Lines++
			if len(f.Examples) < 3 {
				f.Examples = append(f.Examples, fmt.Sprintf("ligne %d : %s", r.line, r.reason))
			}
		}
	}
	for _, f := range order {
		in.Faults = append(in.Faults, *f)
	}
}

// mappable are the reasons another writing of a value may be mapped away in [valeurs].
var mappable = map[string]bool{codeEnum: true, codeCommune: true, codeStructure: true, codeAntenne: true, "code_inconnu": true}

// proposeValues finds the values of closed lists, communes and codes that would be rejected and
// proposes for each the closest value the column takes. A value is proposed only when it may be
// quoted (a code, a number) or is close to a value of the column (half its words, or as many
// letters): a name in a shifted column never reaches the territory file.
func (in *Inspection) proposeValues(c *converter, g *grid) {
	count := map[resolved]int{}
	var order []resolved
	for _, rec := range g.records {
		for i := range c.kind.Columns {
			col := &c.kind.Columns[i]
			for _, raw := range parts(col, c.cols.field(rec.fields, i)) {
				if _, rej := c.value(rec, i, col, raw); rej != nil && mappable[rej.code] {
					key := resolved{i, raw}
					if count[key] == 0 {
						order = append(order, key)
					}
					count[key]++
				}
			}
		}
	}
	for _, key := range order {
		col := &c.kind.Columns[key.column]
		value, score := closestValue(c, col, key.raw)
		if value == "" || (score < 0.5 && !quotable(col, key.raw)) {
			in.Unmapped++
			continue
		}
		if c.values[col.Name] == nil {
			c.values[col.Name] = map[string]string{}
		}
		c.values[col.Name][exports.Words(key.raw)] = value
		if in.Values[col.Name] == nil {
			in.Values[col.Name] = map[string]string{}
		}
		in.Values[col.Name][key.raw] = value
	}
}

// parts are the values a cell holds: the items of a list, else the cell.
func parts(col *exports.Column, raw string) []string {
	if raw == "" {
		return nil
	}
	if col.Type != exports.List {
		return []string{raw}
	}
	var out []string
	for _, p := range strings.FieldsFunc(raw, func(r rune) bool { return r == '|' || r == ';' || r == ',' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// closestValue is the value of the column closest to a writing it does not know, and how close.
func closestValue(c *converter, col *exports.Column, raw string) (string, float64) {
	candidates := map[string]string{} // words compared → value
	switch col.Type {
	case exports.Enum, exports.List:
		for _, v := range col.Values {
			candidates[exports.Words(v)] = v
		}
		for l, v := range col.Labels {
			candidates[l] = v
		}
	case exports.Insee:
		for key, code := range c.known.communeNames {
			if code != "" {
				candidates[key] = code
			}
		}
	case exports.Code:
		if c.unchecked {
			return "", 0
		}
		for key, code := range c.known.codeKeys[col.Ref] {
			if code != "" {
				candidates[key] = code
			}
		}
	default:
		return "", 0
	}
	w := exports.Words(raw)
	if col.Type == exports.Insee {
		w = communeKey(raw)
	}
	best, score := "", -1.0
	for _, key := range slices.Sorted(maps.Keys(candidates)) {
		if s := similarity(w, key); s > score {
			best, score = candidates[key], s
		}
	}
	return best, score
}

// similarity is how alike two folded texts are, from 0 to 1: the share of words they share, or
// one less the edit distance over the longer length, whichever is higher.
func similarity(a, b string) float64 {
	wa, wb := strings.Split(a, "_"), strings.Split(b, "_")
	common := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			common++
		}
	}
	words := float64(common) / float64(len(wa)+len(wb)-common)
	longer := max(len(a), len(b))
	if longer == 0 {
		return 0
	}
	return max(words, 1-float64(editDistance(a, b))/float64(longer))
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
