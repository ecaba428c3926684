package marts

import (
	"path"
	"regexp"
	"slices"
	"strings"
)

var martRef = regexp.MustCompile(`\bmarts\.([a-z_][a-z0-9_]*)`)

// ReadBy maps each mart (marts.x) to the queries through which the documents, the workbook, the
// dashboard and the desk read it (internal/marts/queries, by file name), for marts.catalogue.
func ReadBy() map[string][]string {
	out := map[string][]string{}
	entries, _ := queries.ReadDir("queries") // embedded: it cannot fail
	for _, e := range entries {
		b, _ := queries.ReadFile(path.Join("queries", e.Name()))
		name := "queries/" + e.Name()
		for _, m := range martRef.FindAllStringSubmatch(string(b), -1) {
			if mart := "marts." + m[1]; !slices.Contains(out[mart], name) {
				out[mart] = append(out[mart], name)
			}
		}
	}
	for _, names := range out {
		slices.SortFunc(names, strings.Compare)
	}
	return out
}
