package ingest

import (
	"context"
	_ "embed"
	"fmt"
)

// An EAJE sends a month either as daily presences (eaje_presences) or as a monthly statement per
// child (eaje_heures_mensuelles), never both: the staging adds the two sources, so a month given
// twice would count its hours twice. Once every file is loaded, the statement rows of a month
// that presences also give leave raw.eaje_heures_mensuelles for raw.rejets, with a reason that
// names the month and the presences file; the presences, finer, stay. A statement's month is any
// day of it: a child's month given again on another day is a duplicate too.

//go:embed sql/statements.sql
var statementsQuery string

// codeTwoSources is the reject code of a statement row whose month daily presences also give.
const codeTwoSources = "mois_deux_sources"

const statementKind = "eaje_heures_mensuelles"

// rejectTwoSources settles the monthly statements against the daily presences, after the
// duplicates across files.
func (l *Loader) rejectTwoSources(ctx context.Context, sources []*source) error {
	if !loadedKind(sources, statementKind) {
		return nil
	}
	rows, err := l.statementRejects(ctx)
	if err == nil {
		err = l.moveToRejects(ctx, statementKind, rows, sources)
	}
	if err != nil {
		return fmt.Errorf("chargement : relevés mensuels et présences journalières : %w", err)
	}
	return nil
}

func loadedKind(sources []*source, kind string) bool {
	for _, s := range sources {
		if s.sum.Status == StatusLoaded && s.kind.Name == kind && s.sum.Loaded > 0 {
			return true
		}
	}
	return false
}

// statementRejects reads the statement rows to reject, with their reasons.
func (l *Loader) statementRejects(ctx context.Context) ([]moved, error) {
	rows, err := l.db.QueryContext(ctx, statementsQuery)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moved
	for rows.Next() {
		var m moved
		var month, structure, first string
		var presences *string
		var firstLine int
		if err := rows.Scan(&m.id, &m.line, &month, &structure, &presences, &first, &firstLine); err != nil {
			return nil, err
		}
		if presences != nil {
			m.column, m.value, m.code = "mois", month, codeTwoSources
			m.reason = twoSourcesReason(month, structure, *presences)
		} else {
			m.code = codeDuplicate
			m.reason = fmt.Sprintf("doublon de %s, ligne %d (même code_structure, mois, enfant, date_naissance)", first, firstLine)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// twoSourcesReason says which month is given twice and what to do: « le mois 03/2025 de
// MA-LOUPS est aussi donné en présences journalières (fichier …) ».
func twoSourcesReason(month, structure, presences string) string {
	return fmt.Sprintf("le mois %s/%s de %s est aussi donné en présences journalières (fichier %s) : "+
		"un seul des deux par mois ; retirez l'un des fichiers", month[5:], month[:4], structure, presences)
}
