package warehouse

import (
	"regexp"
	"strings"
)

// The marts declare statistical secrecy in their column descriptions (transform/models/marts):
// « [personnes] » marks a column that counts persons, « [révèle : a, b] » a column from which a
// count of a or b could be recomputed (a rate, a ratio, a difference). transform builds the schema
// publics from these declarations, and internal/marts masks the documents' figures with them: both
// read them here, so that they never read them differently.

var revealsTag = regexp.MustCompile(`\[révèle : ([a-z0-9_, ]+)\]`)

// CountsPersons says whether a column's description declares a count of persons.
func CountsPersons(description string) bool { return strings.Contains(description, "[personnes]") }

// Reveals lists the columns a column's description says its value reveals, nil when none.
func Reveals(description string) []string {
	m := revealsTag.FindStringSubmatch(description)
	if m == nil {
		return nil
	}
	return SplitNames(m[1])
}

// SplitNames splits a list of names written « a, b » (or « a b »).
func SplitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}
