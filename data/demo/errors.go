package demo

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// RejectsFile lists, beside the exports, the rows that --with-errors spoils and that the ingest
// must reject: one line per row, with its file, line, column, value and reason code.
const RejectsFile = "rejets-attendus.csv"

// The reasons of the spoiled rows, one of each kind of mistake real exports make.
const (
	BadDate         = "date_invalide"
	NegativeHours   = "heures_negatives"
	UnknownStruct   = "structure_inconnue"
	UnknownCommune  = "commune_inconnue"
	MissingRequired = "valeur_manquante"
	DuplicatedRow   = "doublon"
	BadEnum         = "valeur_hors_liste"
)

// reject is a row the ingest must refuse.
type reject struct {
	file   string
	line   int
	column string
	value  string
	reason string
}

// raw is a value written as it is, even when it is not valid for its column.
type raw string

// write writes t, after spoiling it when --with-errors asks for it and the file is one of
// those the mistakes go into (all in the last year).
func (g *generator) write(rel string, t *table, f format) error {
	if g.o.WithErrors {
		g.spoil(rel, t)
	}
	return g.out.csv(rel, t, f)
}

func (g *generator) spoil(rel string, t *table) {
	base, y, p := path.Base(rel), g.o.To, g.t.prefix
	set := func(row int, column string, value any, reason string) {
		k := t.kind
		for i, c := range k.Columns {
			if c.Name == column {
				t.rows[row][i] = value
			}
		}
		g.rejects = append(g.rejects, reject{rel, row + 2, column, fmt.Sprint(valueText(value)), reason})
	}
	switch base {
	case fmt.Sprintf("eaje_presences_%sMA-LOUPS_%d-03.csv", p, y):
		set(10, "date", raw(fmt.Sprintf("31/02/%d", y)), BadDate)
		set(20, "commune_residence", "59999", UnknownCommune)
	case fmt.Sprintf("acm_presences_%sALSH-BERGUES_%d.csv", p, y):
		set(30, "heures_realisees", -2.0, NegativeHours)
	case fmt.Sprintf("acm_presences_%sPERI-BIERNE_%d.csv", p, y):
		set(40, "code_structure", p+"PERI-INCONNU", UnknownStruct)
	case fmt.Sprintf("rpe_contacts_%d.csv", y):
		set(10, "antenne", nil, MissingRequired)
	case fmt.Sprintf("sejours_inscriptions_%d.csv", y):
		set(3, "statut", "annule", BadEnum)
	case fmt.Sprintf("formation_inscriptions_%d.csv", y):
		dup := append([]any(nil), t.rows[5]...)
		t.rows = append(t.rows[:6], append([][]any{dup}, t.rows[6:]...)...)
		g.rejects = append(g.rejects, reject{rel, 6 + 2, "", "", DuplicatedRow})
	}
}

func valueText(v any) any {
	switch x := v.(type) {
	case nil:
		return ""
	case raw:
		return string(x)
	case float64:
		return strings.Replace(fmt.Sprint(x), ".", ",", 1)
	}
	return v
}

// writeRejects writes the list of expected rejects, sorted by file and line.
func writeRejects(out *files, rejects []reject) error {
	t := &strings.Builder{}
	t.WriteString("fichier;ligne;colonne;valeur;motif\n")
	sorted := slices.SortedFunc(slices.Values(rejects), func(a, b reject) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
	})
	for _, r := range sorted {
		fmt.Fprintf(t, "%s;%d;%s;%s;%s\n", r.file, r.line, r.column, r.value, r.reason)
	}
	return out.write(RejectsFile, "", len(sorted), "csv-utf-8", []byte(t.String()))
}
