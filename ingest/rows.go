package ingest

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"enfance/internal/exports"
)

// Reason codes of the rejects, as raw.rejets.code_motif stores them.
const (
	codeMissing       = "valeur_manquante"
	codeBadDate       = "date_invalide"
	codeOutOfPeriod   = "date_hors_periode"
	codeBadNumber     = "nombre_invalide"
	codeNegativeHours = "heures_negatives"
	codeNegative      = "nombre_negatif"
	codeHours         = "heures_hors_bornes"
	codeStructure     = "structure_inconnue"
	codeAntenne       = "antenne_inconnue"
	codeCommune       = "commune_inconnue"
	codeEnum          = "valeur_hors_liste"
	codeDuplicate     = "doublon"
	codeUnreadable    = "ligne_illisible"
	codeControl       = "caracteres_de_controle"
	codeTooLong       = "valeur_trop_longue"
	codeBounds        = "hors_bornes"
)

// rejection is why a row was not loaded.
type rejection struct {
	line          int
	column, value string
	code, reason  string
}

// known is what rows are checked against: the reference communes, and the codes, capacities and
// declared periods read from the exports other kinds refer to.
type known struct {
	communes     map[string]bool
	communeNames map[string]string          // communeKey → INSEE code, "" when two communes write alike
	codes        map[string]map[string]bool // kind → its codes (structures, antennes)
	codeKeys     map[string]map[string]string
	slots        map[string][]slot      // EAJE → capacity slots
	periods      map[string][]acmPeriod // ACM → declared periods
}

type slot struct {
	from, to   time.Time // to is zero while the slot is valid
	weekdays   string    // lun|mar|…
	start, end float64   // hours of the day
}

type acmPeriod struct {
	from, to  time.Time
	amplitude float64
}

// span is the opening span of an EAJE on a day, from its capacity slots: latest end minus
// earliest start. ok is false when no slot covers the day.
func (k *known) span(structure string, d time.Time) (float64, bool) {
	lo, hi := 24.0, 0.0
	for _, s := range k.slots[structure] {
		if d.Before(s.from) || (!s.to.IsZero() && d.After(s.to)) || !strings.Contains(s.weekdays, weekday(d)) {
			continue
		}
		lo, hi = min(lo, s.start), max(hi, s.end)
	}
	return hi - lo, hi > lo
}

// amplitude is the declared daily span of the ACM period covering a day.
func (k *known) amplitude(structure string, d time.Time) (float64, bool) {
	for _, p := range k.periods[structure] {
		if !d.Before(p.from) && !d.After(p.to) && p.amplitude > 0 {
			return p.amplitude, true
		}
	}
	return 0, false
}

func weekday(d time.Time) string {
	return [...]string{"dim", "lun", "mar", "mer", "jeu", "ven", "sam"}[d.Weekday()]
}

// period is the period a file's name announces: a year, or a year and a month.
type period struct {
	year  int
	month time.Month // 0 for a whole year
}

var (
	yearToken  = regexp.MustCompile(`^(\d{4})$`)
	monthToken = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
)

// periodFromName reads the first year (2025) or month (2025-03) token of a file name; full dates
// (2025-04-10, 20250410) are export stamps, not periods.
func periodFromName(base string) (period, bool) {
	for _, tok := range strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '.' || r == ' ' }) {
		var y, m int
		if mm := monthToken.FindStringSubmatch(tok); mm != nil {
			fmt.Sscan(mm[1], &y)
			fmt.Sscan(mm[2], &m)
		} else if yy := yearToken.FindStringSubmatch(tok); yy != nil {
			fmt.Sscan(yy[1], &y)
		} else {
			continue
		}
		if y >= 1990 && y <= 2100 && m >= 0 && m <= 12 {
			return period{y, time.Month(m)}, true
		}
	}
	return period{}, false
}

func (p period) contains(d time.Time) bool {
	return d.Year() == p.year && (p.month == 0 || d.Month() == p.month)
}

func (p period) String() string {
	if p.month == 0 {
		return fmt.Sprint(p.year)
	}
	return fmt.Sprintf("%02d/%d", int(p.month), p.year)
}

// converter turns the records of one file into typed rows of its raw table.
type converter struct {
	kind                       exports.Kind
	cols                       columnMap
	known                      *known
	secret                     []byte
	xlsx                       bool
	period                     period
	hasPer                     bool
	file                       string
	id                         int
	today                      time.Time       // the day of the run, which dates of activity cannot pass
	seen                       map[keyHash]int // a key's hash → its first row in firsts
	firsts                     []firstRow
	hash                       keyHash                      // of the last row's key
	key                        []int                        // indexes of the key columns
	hours, structureAt, dateAt int                          // indexes of the columns the hour check reads; hours is -1 when none
	width                      int                          // fields of the header, for CSV rows (XLSX rows drop empty tail cells)
	pseudo                     map[identity]string          // pseudonyms already computed: the same people come back row after row
	resolved                   map[resolved]string          // values already resolved (lookup.go), "" when they could not be
	values                     map[string]map[string]string // the territory's [valeurs] of the kind: column → words → value
	birthAt                    int                          // the column of the birth date of the identity, -1 when none
	joined                     int                          // free texts written on one line: their line breaks and tabs became spaces
	unchecked                  bool                         // codes of other kinds are not checked: no exports folder to read them from (inspect)
}

// row converts one record, or says why it cannot be loaded: every failing column, and the checks
// across columns whose columns could be read.
func (c *converter) row(rec record) ([]driver.Value, []rejection) {
	if rec.err != nil {
		return nil, []rejection{{line: rec.line, code: codeUnreadable, reason: rec.err.Error()}}
	}
	if c.width > 0 && len(rec.fields) != c.width && !emptyTail(rec.fields, c.width) {
		return nil, []rejection{{line: rec.line, code: codeUnreadable,
			reason: fmt.Sprintf("la ligne a %d champs et l'en-tête %d : séparateur ou guillemet en trop ?", len(rec.fields), c.width)}}
	}
	values := make([]driver.Value, len(c.kind.Columns), len(c.kind.Columns)+3)
	var rejects []rejection
	var birth time.Time // full birth date, before it is cut to the month
	for i := range c.kind.Columns {
		col := &c.kind.Columns[i]
		raw := c.cols.field(rec.fields, i)
		v, rej := c.cell(rec, i, col, raw)
		if rej != nil {
			rejects = append(rejects, *rej)
			continue
		}
		if col.Type == exports.Month && v != nil {
			if i == c.birthAt {
				birth = v.(time.Time)
			}
			v = firstOfMonth(v.(time.Time))
		}
		values[i] = v
	}
	if rej := c.checkHours(rec, values); rej != nil {
		rejects = append(rejects, *rej)
	}
	if len(rejects) > 0 {
		return nil, rejects
	}
	c.pseudonymise(values, birth)
	if rej := c.checkKey(rec, values); rej != nil {
		return nil, []rejection{*rej}
	}
	return append(values, c.file, int32(rec.line), int32(c.id)), nil
}

// cell reads one cell: nil for an empty optional one.
func (c *converter) cell(rec record, i int, col *exports.Column, raw string) (driver.Value, *rejection) {
	switch {
	case raw == "" && col.Required:
		return nil, c.reject(rec, col, raw, codeMissing, "manque (colonne obligatoire)")
	case raw == "":
		return nil, nil
	}
	return c.value(rec, i, col, raw)
}

// emptyTail tells a row whose fields beyond the header's are all empty.
func emptyTail(fields []string, width int) bool {
	if len(fields) < width {
		return false
	}
	for _, f := range fields[width:] {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// reject says why a row is not loaded, at a column. reason follows the value as the message
// quotes it: « 31/02/2025 » n'est pas une date.
func (c *converter) reject(rec record, col *exports.Column, raw, code, reason string) *rejection {
	value := c.shown(col, raw)
	subject := "la valeur " + value
	if !strings.HasPrefix(value, "(") {
		subject = "« " + value + " »"
	}
	if raw == "" {
		value, subject = "", "la valeur"
	}
	return &rejection{line: rec.line, column: col.Name, value: value, code: code, reason: clip(subject+" "+reason, 300)}
}

// shown is a rejected value as messages and raw.rejets may quote it. A value of a person column
// is never quoted, a birth date only to its month. Another column's value is quoted only when it
// holds no letter (a number, a date, an hour), a digit in one word, or when a column of codes
// holds a code-shaped word (PERI-INCONNU, annule): shifted columns or a lost header can put
// names anywhere, so other texts are only described by their length; the line and column find
// them in the file.
func (c *converter) shown(col *exports.Column, raw string) string {
	switch {
	case col.Type == exports.Person:
		return masked
	case col.Type == exports.Month:
		if d, err := c.parseDate(raw); err == nil {
			return d.Format("2006-01")
		}
		return masked
	case !quotable(col, raw):
		return fmt.Sprintf("(masquée : texte de %d caractères)", utf8.RuneCountInString(raw))
	}
	return clip(visible(raw), 40)
}

// quotable tells a value that cannot be a name: no letter (12,5 ; 31/02/2025), a word with a
// digit (1e9, 7h30), or a code-shaped word in a column of codes.
func quotable(col *exports.Column, raw string) bool {
	if strings.IndexFunc(raw, unicode.IsLetter) < 0 {
		return true
	}
	if strings.IndexFunc(raw, unicode.IsSpace) >= 0 {
		return false
	}
	return strings.ContainsAny(raw, "0123456789") || (codeColumn(col) && codeShaped(raw))
}

func codeColumn(col *exports.Column) bool {
	return col.Type == exports.Code || col.Type == exports.Enum || col.Type == exports.List
}

// codeShaped tells a word of ASCII letters, digits, hyphens and underscores that is written as
// codes are and names are not: with a digit, a hyphen or an underscore, or all in lower case.
// A name with a space, an accent or an initial capital (Rose, RICHARD) is not.
func codeShaped(s string) bool {
	marked, lower := false, true
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '-', r == '_':
			marked = true
		case r >= 'A' && r <= 'Z':
			lower = false
		case r < 'a' || r > 'z':
			return false
		}
	}
	return marked || lower
}

// masked stands for a value that is never quoted.
const masked = "(masquée)"

// visible writes control and format characters (line breaks, escapes, bidirectional overrides)
// as escapes, so that a quoted value or a file name cannot forge a line or garble a terminal.
func visible(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) }) < 0 {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

func (c *converter) parseDate(raw string) (time.Time, error) {
	if c.xlsx {
		return parseExcelDate(raw)
	}
	return parseDate(raw)
}

// parseYear reads a year, or the year of a full date written where a year is expected.
func (c *converter) parseYear(raw string) (int, error) {
	n, err := parseInt(raw)
	if err != nil {
		if d, derr := c.parseDate(raw); derr == nil {
			return d.Year(), nil
		}
	}
	return int(n), err
}

// parseMonth reads a date of a column kept to the month, which may also be written without
// its day (« 03/2025 », « mars 2025 »).
func (c *converter) parseMonth(raw string) (time.Time, error) {
	d, err := c.parseDate(raw)
	if err != nil {
		if m, ok := monthOnly(raw); ok {
			return m, nil
		}
	}
	return d, err
}

// value reads one cell by its column's type.
func (c *converter) value(rec record, i int, col *exports.Column, raw string) (driver.Value, *rejection) {
	fail := func(code string, err error) (driver.Value, *rejection) {
		return nil, c.reject(rec, col, raw, code, err.Error())
	}
	if col.Type == exports.Text && strings.ContainsAny(raw, "\r\n\t") { // a comment on several lines
		raw = strings.Join(strings.Fields(raw), " ")
		c.joined++
	}
	if hasControl(raw) {
		return fail(codeControl, bad("contient des caractères de contrôle invisibles (copier-coller depuis un autre logiciel ?)"))
	}
	if n := utf8.RuneCountInString(raw); n > col.Longest() {
		return fail(codeTooLong, bad("est trop longue (%d caractères, au plus %d pour cette colonne)", n, col.Longest()))
	}
	switch col.Type {
	case exports.Text, exports.Person:
		return raw, nil
	case exports.Code:
		return c.code(rec, i, col, raw)
	case exports.Insee:
		return c.commune(rec, i, col, raw)
	case exports.Year:
		n, err := c.parseYear(raw)
		if err != nil {
			return fail(codeBadNumber, bad("n'est pas une année"))
		}
		return c.year(rec, col, raw, n)
	case exports.Int:
		n, err := parseInt(raw)
		if err != nil {
			return fail(codeBadNumber, err)
		}
		if rej := c.bounds(rec, col, raw, float64(n)); rej != nil {
			return nil, rej
		}
		return int32(n), nil
	case exports.Decimal:
		return c.decimal(rec, col, raw)
	case exports.Duration:
		f, err := parseDuration(raw)
		if err != nil {
			return fail(codeBadNumber, err)
		}
		if rej := c.bounds(rec, col, raw, f); rej != nil {
			return nil, rej
		}
		return f, nil
	case exports.Date, exports.Month:
		return c.date(rec, col, raw)
	case exports.Time:
		d, err := parseTime(raw)
		if err != nil {
			return fail(codeBadDate, err)
		}
		return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60), nil
	case exports.Enum:
		if v, ok := c.label(i, col, raw); ok {
			return v, nil
		}
		return fail(codeEnum, notInList(c.kind, col))
	case exports.List:
		return c.list(rec, i, col, raw)
	case exports.Bool:
		v, err := parseBool(raw)
		if err != nil { // the territory's writing is looked up only for a value oui/non does not read
			if custom, ok := c.custom(col, raw); ok {
				v, err = parseBool(custom)
			}
		}
		if err != nil {
			return fail(codeEnum, err)
		}
		return v, nil
	}
	panic("ingest: column type " + col.Type.String()) // every registry type is handled above
}

func (c *converter) decimal(rec record, col *exports.Column, raw string) (driver.Value, *rejection) {
	f, err := parseNumber(raw)
	if err != nil {
		return nil, c.reject(rec, col, raw, codeBadNumber, err.Error())
	}
	if rej := c.bounds(rec, col, raw, f); rej != nil {
		return nil, rej
	}
	return f, nil
}

// bounds checks a number against its column's plausible bounds (internal/exports); hours of a
// day keep their own codes.
func (c *converter) bounds(rec record, col *exports.Column, raw string, f float64) *rejection {
	hours := col.Type == exports.Duration && col.Max <= 24 // hours of a day keep their own codes
	switch {
	case f < 0 && hours:
		return c.reject(rec, col, raw, codeNegativeHours, "heures : un nombre d'heures ne peut pas être négatif")
	case f < 0:
		return c.reject(rec, col, raw, codeNegative, "est négatif")
	case f > col.Max && hours:
		return c.reject(rec, col, raw, codeHours, fmt.Sprintf("heures : plus de %s heures dans une journée", frNumber(col.Max)))
	case f > col.Max:
		return c.reject(rec, col, raw, codeBounds, fmt.Sprintf("est au-dessus de %s, le maximum plausible pour cette colonne", frNumber(col.Max)))
	case f < col.Min:
		return c.reject(rec, col, raw, codeBounds, fmt.Sprintf("est au-dessous de %s, le minimum plausible pour cette colonne", frNumber(col.Min)))
	}
	return nil
}

// tooEarly says that a date or a year comes before its column's first plausible year.
func tooEarly(col *exports.Column) string {
	return fmt.Sprintf("est avant %d, première année plausible pour cette colonne", col.From)
}

// year checks a year against its column's first and last plausible years.
func (c *converter) year(rec record, col *exports.Column, raw string, y int) (driver.Value, *rejection) {
	switch last, bounded := col.Last(c.today); {
	case y < 1900 || y > 2100:
		return nil, c.reject(rec, col, raw, codeBadNumber, "n'est pas une année")
	case y < col.From:
		return nil, c.reject(rec, col, raw, codeBounds, tooEarly(col))
	case bounded && y > last.Year():
		return nil, c.reject(rec, col, raw, codeBounds, fmt.Sprintf("est après %d, dernière année plausible pour cette colonne", last.Year()))
	}
	return int32(y), nil
}

func (c *converter) date(rec record, col *exports.Column, raw string) (driver.Value, *rejection) {
	var d time.Time
	var err error
	if col.Type == exports.Month {
		d, err = c.parseMonth(raw)
	} else {
		d, err = c.parseDate(raw)
	}
	if err != nil {
		return nil, c.reject(rec, col, raw, codeBadDate, err.Error())
	}
	last, bounded := col.Last(c.today)
	switch {
	case d.Year() < col.From:
		return nil, c.reject(rec, col, raw, codeBounds, tooEarly(col))
	case bounded && d.After(last) && col.Until == exports.Today:
		return nil, c.reject(rec, col, raw, codeBounds, "est après le jour du chargement ("+last.Format("02/01/2006")+")")
	case bounded && d.After(last):
		return nil, c.reject(rec, col, raw, codeBounds, "est après le "+last.Format("02/01/2006")+", dernier jour plausible pour cette colonne")
	case col.Name == c.kind.Period && c.hasPer && !c.period.contains(d):
		return nil, c.reject(rec, col, raw, codeOutOfPeriod, fmt.Sprintf("est hors de la période du fichier (%s)", c.period))
	}
	return d, nil
}

// pseudonymise replaces every person column with a keyed pseudonym. A child is keyed by name and
// full birth date, so that two children of the same name stay apart; an AM by its identifier.
func (c *converter) pseudonymise(values []driver.Value, birth time.Time) {
	for i, col := range c.kind.Columns {
		name, ok := values[i].(string)
		if col.Type != exports.Person || !ok {
			continue
		}
		id := identity{name: name, birth: birth.Unix()}
		p, ok := c.pseudo[id]
		if !ok {
			domain, key := "am", nameKey(name)
			if !birth.IsZero() {
				domain, key = "enfant", key+"|"+birth.Format(time.DateOnly)
			}
			p = pseudonym(c.secret, domain, key)
			c.pseudo[id] = p
		}
		values[i] = p
	}
}

// nameKey is a name as its pseudonym keys it: its words folded and sorted, so that « Rose
// RICHARD » in one column and « RICHARD » then « Rose » in two are one person.
func nameKey(name string) string {
	words := strings.Split(fold(name), "_")
	slices.Sort(words)
	return strings.Join(words, "_")
}

// identity is a person as a row names it: a name, and for a child a birth date.
type identity struct {
	name  string
	birth int64
}

// pseudonym is HMAC-SHA-256 of the folded identity under the installation's secret, cut to 128
// bits: stable across runs and files, meaningless without the secret.
func pseudonym(secret []byte, domain, key string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(domain + "\x00" + key))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// checkHours rejects realised hours beyond the day's opening span, when the hours, the structure
// and the day could be read.
func (c *converter) checkHours(rec record, values []driver.Value) *rejection {
	if c.hours < 0 {
		return nil
	}
	h, okH := values[c.hours].(float64)
	structure, okS := values[c.structureAt].(string)
	d, okD := values[c.dateAt].(time.Time)
	if !okH || !okS || !okD {
		return nil
	}
	limit, found := c.known.span(structure, d)
	what := "l'amplitude d'ouverture du jour"
	if c.kind.Columns[c.hours].DayOf == "acm_periodes" {
		limit, found = c.known.amplitude(structure, d)
		what = "l'amplitude déclarée de la période"
	}
	if found && h > limit+1e-9 {
		return c.reject(rec, &c.kind.Columns[c.hours], frNumber(h), codeHours,
			fmt.Sprintf("heures réalisées dépassent %s (%s h)", what, frNumber(limit)))
	}
	return nil
}

// checkKey rejects a second row of the file with the same key; only rows every column of which
// could be read take a key. The key's hash finds the rows to compare (c.hash keeps it for the
// check across files); the key itself decides.
func (c *converter) checkKey(rec record, values []driver.Value) *rejection {
	if len(c.key) == 0 {
		return nil
	}
	key := c.rowKey(values)
	c.hash = hashKey(key)
	first, found := c.seen[c.hash]
	for i := first; found && i >= 0; i = c.firsts[i].next {
		if c.firsts[i].key == key {
			return &rejection{line: rec.line, code: codeDuplicate,
				reason: fmt.Sprintf("doublon de la ligne %d (même %s)", c.firsts[i].line, strings.Join(c.kind.Key, ", "))}
		}
	}
	next := -1
	if found {
		next = first
	}
	c.seen[c.hash] = len(c.firsts)
	c.firsts = append(c.firsts, firstRow{key: key, line: rec.line, next: next})
	return nil
}

// firstRow is the first row of the file with a key, and the next one whose key hashes alike.
type firstRow struct {
	key        rowKey
	line, next int
}

func (c *converter) rowKey(values []driver.Value) rowKey {
	var key rowKey
	for i, k := range c.key {
		key[i] = values[k]
	}
	return key
}

// rowKey is the values of a row's key columns (five at most in the registry): comparable, so a
// map finds duplicates without building strings.
type rowKey [5]driver.Value

// index finds, once per file, the columns the row checks read.
func (c *converter) index() {
	at := func(name string) int {
		for i, col := range c.kind.Columns {
			if col.Name == name {
				return i
			}
		}
		return -1
	}
	c.hours, c.structureAt, c.dateAt, c.birthAt = -1, at("code_structure"), at("date"), -1
	for i, col := range c.kind.Columns {
		if col.DayOf != "" {
			c.hours = i
		}
	}
	if len(c.kind.Identity) > 1 {
		c.birthAt = at(c.kind.Identity[1])
	}
	c.key = nil
	for _, k := range c.kind.Key {
		c.key = append(c.key, at(k))
	}
	if len(c.key) > len(rowKey{}) {
		panic("ingest: a registry key has more columns than rowKey holds")
	}
}

// hasControl tells a value holding control characters other than a tab: they would garble every
// output the value reaches.
func hasControl(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}

func frNumber(h float64) string { return strings.Replace(fmt.Sprintf("%g", h), ".", ",", 1) }
