package exports

import (
	"slices"
	"strings"
)

// Type is the type of a column's values.
type Type int

// Column types.
const (
	Text     Type = iota // free text
	Code                 // an identifier of the territory: structure, antenne, session, atelier…
	Person               // identifies a child, a young person or an AM: pseudonymised at ingest
	Insee                // a commune's INSEE code, known to the reference data
	Int                  // a whole number
	Decimal              // a number with a decimal comma or point
	Date                 // dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd
	Month                // a birth date, kept to the month at ingest
	Time                 // hh:mm
	Year                 // a year, four digits
	Enum                 // one of Values
	List                 // several of Values, separated by |
	Bool                 // oui or non
	Duration             // a number of hours: 7,5 or 7h30 or 7:30, an Excel duration cell
)

var typeNames = map[Type]string{
	Text: "texte", Code: "code", Person: "personne (pseudonymisée)", Insee: "code INSEE", Int: "entier",
	Decimal: "décimal", Date: "date", Month: "date (gardée au mois)", Time: "heure (hh:mm)", Year: "année",
	Enum: "liste fermée", List: "liste de codes (séparés par |)", Bool: "oui / non",
	Duration: "durée en heures (7,5 ou 7h30)",
}

// String is the French name of the type, as docs/exports.md shows it.
func (t Type) String() string { return typeNames[t] }

// Column is one column of an export kind.
type Column struct {
	Name     string   // French name, snake_case, as the registry and raw tables spell it
	Type     Type     // how values are read
	Required bool     // a row without it is rejected
	Values   []string // allowed values of an Enum or List
	Aliases  []string // other headers real exports use for this column
	// Given are the headers of a column holding the given name of a Person column, when an
	// export splits a person into Nom and Prénom: the two make one identity.
	Given []string
	// Labels are other ways exports write the values of an Enum or List, as [Words] → code:
	// "en activite" → active.
	Labels map[string]string
	// Ref is the kind whose codes the column's values must be (structures, antennes_rpe).
	Ref string
	// DayOf, for hours of a day, is the kind whose rows bound the day: the opening span of the
	// EAJE's capacity slots, the declared amplitude of the ACM period.
	DayOf string
	Doc   string // French description
	// MaxLen is the longest value accepted, in characters; 0 takes the type's (see [Column.Longest]).
	MaxLen int
	// Min and Max bound a number (Int, Decimal), both included: the values a real one can take.
	// A value outside is rejected, naming the bound.
	Min, Max float64
	// From is the first year a date or a year (Date, Month, Year) can have, Until how late it
	// may be, counted from the day of the run (see [Until]).
	From  int
	Until Until
}

// maxLens are the longest values each type accepts: a structure's name or a séjour's title fits
// in 200 characters, a code in 40, the labels of a list of brakes or levers in 600. A longer value is rejected, so that one cell cannot swell every
// output it reaches.
var maxLens = map[Type]int{Text: 200, Code: 40, Person: 120, Enum: 100, List: 600}

// Longest is the longest value the column accepts, in characters.
func (c Column) Longest() int {
	if c.MaxLen > 0 {
		return c.MaxLen
	}
	if n, ok := maxLens[c.Type]; ok {
		return n
	}
	return 60 // numbers, dates, times and codes of closed lists, however written
}

// Kind is one kind of export file.
type Kind struct {
	Name    string // file prefix and raw table name
	Grain   string // what one row is, in French
	Doc     string // French description: who exports it, and how often
	Columns []Column
	// Period names the date column that must fall inside the period a file's name announces
	// (a year or a month).
	Period string
	// Key names the columns that identify a row: a second row with the same key, in the file or
	// in another file of the kind, is a duplicate. Empty when two rows may be alike (two phone
	// calls on the same day).
	Key []string
	// Snapshot marks a list each file gives as it stood on its date (the structures, the AM
	// register, the agents' contracts, the population): the same key in several files is the
	// same thing seen again, the newest file's row winning downstream, so its key is unique
	// within a file only.
	Snapshot bool
	// Identity names the columns that identify a person, pseudonymised together: the person
	// column and, for a child, the birth date (two children of the same name stay apart).
	Identity []string
}

// Column returns the column of the kind with that name.
func (k Kind) Column(name string) (Column, bool) {
	i := slices.IndexFunc(k.Columns, func(c Column) bool { return c.Name == name })
	if i < 0 {
		return Column{}, false
	}
	return k.Columns[i], true
}

// Names lists the kind's column names in order.
func (k Kind) Names() []string {
	names := make([]string, len(k.Columns))
	for i, c := range k.Columns {
		names[i] = c.Name
	}
	return names
}

// Lookup finds a kind by name.
func Lookup(name string) (Kind, bool) {
	i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds[i], true
}

// ForFile finds the kind of a file from its name: the longest kind name that prefixes it and is
// followed by an underscore, a dot or the end (sejours_inscriptions_… is not a sejours file).
func ForFile(base string) (Kind, bool) {
	lower := strings.ToLower(base)
	best := -1
	for i, k := range Kinds {
		rest, ok := strings.CutPrefix(lower, k.Name)
		if !ok || (rest != "" && rest[0] != '_' && rest[0] != '.' && rest[0] != '-') {
			continue
		}
		if best < 0 || len(k.Name) > len(Kinds[best].Name) {
			best = i
		}
	}
	if best < 0 {
		return Kind{}, false
	}
	return Kinds[best], true
}
