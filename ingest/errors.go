package ingest

import (
	"fmt"
	"strings"
)

// InputError is a problem in a user's file, at a position when there is one. Its message is
// French, since the people who read it are the ones who fix their exports.
type InputError struct {
	File   string
	Sheet  string // XLSX only
	Line   int    // 1-based, counting the header; 0 for the whole file
	Column int    // 1-based field number; 0 for the whole line
	Field  string // column name, when known
	Err    error
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		fmt.Fprintf(&b, " [%s]", e.Sheet)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ", ligne %d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", colonne %d", e.Column)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " (%s)", e.Field)
	}
	fmt.Fprintf(&b, " : %v", e.Err)
	return b.String()
}

func (e *InputError) Unwrap() error { return e.Err }
