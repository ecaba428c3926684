package ingest

import (
	"context"
	"database/sql/driver"
	_ "embed"
	"fmt"

	"enfance/internal/warehouse"
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

// moved is a loaded row that leaves its raw table for raw.rejets.
type moved struct {
	id, line      int
	column, value driver.Value
	reason, code  string
}

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

// moveToRejects deletes rows from a raw table, writes them to raw.rejets and corrects their
// files' counts, in raw.chargements and in the summary.
func (l *Loader) moveToRejects(ctx context.Context, kind string, rows []moved, sources []*source) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	rejects := make([][]driver.Value, len(rows))
	perFile := map[int][]moved{}
	for i, m := range rows {
		s := sources[m.id-l.firstExport]
		ids[i] = rowID(m.id, int32(m.line))
		rejects[i] = []driver.Value{int32(m.id), s.path, sheetOf(s), int32(m.line), m.column, m.value, m.reason, m.code}
		perFile[m.id] = append(perFile[m.id], m)
	}
	del := "DELETE FROM " + warehouse.Qualified("raw", kind) + " WHERE " + rowsIn
	if _, err := l.db.ExecContext(ctx, del, joinInts(ids)); err != nil {
		return err
	}
	if err := warehouse.Append(ctx, l.db, "raw", "rejets", rejects); err != nil {
		return err
	}
	for id, ms := range perFile {
		if err := l.recountMoved(ctx, sources[id-l.firstExport], ms); err != nil {
			return err
		}
	}
	return nil
}

// recountMoved moves a file's rows from its loaded lines to its rejected ones; the first of them
// gives the first reason when no line before it was rejected.
func (l *Loader) recountMoved(ctx context.Context, s *source, ms []moved) error {
	s.sum.Loaded -= len(ms)
	s.sum.Rejected += len(ms)
	if first := ms[0]; s.firstRejected == 0 || first.line < s.firstRejected {
		s.firstRejected = first.line
		s.sum.FirstReason = fmt.Sprintf("ligne %d : %s", first.line, first.reason)
	}
	_, err := l.db.ExecContext(ctx, `UPDATE raw.chargements SET lignes_chargees = ?, lignes_rejetees = ? WHERE chargement = ?`,
		s.sum.Loaded, s.sum.Rejected, l.idOf(s))
	return err
}
