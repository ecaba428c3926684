package ingest

import (
	"context"
	"database/sql/driver"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"

	"enfance/internal/exports"
	"enfance/internal/warehouse"
)

// Duplicates across files: a row whose key another file of its kind already loaded is a
// duplicate, and the file first in path order keeps it. Workers load files in any order, so the
// check has two steps that do not depend on it. While files load, a Bloom filter per kind marks
// the rows whose key may have been loaded already: the second of every two rows with one key,
// whichever came first, and a few per cent of the others. Once every file is loaded, one query
// per kind compares the keys of the marked rows with all the kind's rows and rejects those of
// later files. The filter takes a bit per 8 bytes of export, so memory does not grow with the
// rows kept in mind as a map of keys would (840 000 ACM presences in the demo, fifty times as
// many at --scale 50).

// keyedAcrossFiles tells a kind whose key identifies a row among all its files. A snapshot's
// files each list the same things again.
func keyedAcrossFiles(k exports.Kind) bool { return len(k.Key) > 0 && !k.Snapshot }

// keyHash is a row's key hashed, for the filter.
type keyHash uint64

// keySeed is drawn per process: hashes are only compared within one run, and the query, not the
// hash, decides what is a duplicate.
var keySeed = maphash.MakeSeed()

func hashKey(k rowKey) keyHash { return keyHash(maphash.Comparable(keySeed, k)) }

// seenKeys is the Bloom filter of one kind's loaded keys, and the rows it marked ([rowID]).
type seenKeys struct {
	mu     sync.Mutex
	bits   []uint64
	marked []int64
}

// bloomProbes are the bits a key sets: with a bit per 8 bytes of export (about 8 per row), a
// few distinct keys in a hundred at most are marked in vain (0,5 % of the demo's ACM presences).
const bloomProbes = 4

// newSeen makes a filter for each kind checked across files, sized by the bytes of its files.
func newSeen(sources []*source) map[string]*seenKeys {
	bytes := map[string]int64{}
	for _, s := range sources {
		if s.sum.Status == StatusLoaded && keyedAcrossFiles(s.kind) {
			bytes[s.kind.Name] += s.size
		}
	}
	seen := map[string]*seenKeys{}
	for kind, n := range bytes {
		seen[kind] = &seenKeys{bits: make([]uint64, max(n/512, 1024))}
	}
	return seen
}

// add puts the keys of a file's loaded rows in the filter and marks those already there.
func (sk *seenKeys) add(id int, p *parsed) {
	sk.mu.Lock()
	defer sk.mu.Unlock()
	for i, h := range p.keys {
		if sk.put(h) {
			line := p.rows[i][len(p.rows[i])-2].(int32) // lineage: _fichier, _ligne, _chargement
			sk.marked = append(sk.marked, rowID(id, line))
		}
	}
}

// put sets a key's bits and tells whether all were set already. The probes are h1 + i·h2, the
// two halves of the hash (Kirsch and Mitzenmacher).
func (sk *seenKeys) put(h keyHash) bool {
	n := uint64(len(sk.bits)) * 64
	h1, h2 := uint64(h)&0xffffffff, uint64(h)>>32
	seen := true
	for i := range uint64(bloomProbes) {
		b := (h1 + i*h2) % n
		if sk.bits[b/64]&(1<<(b%64)) == 0 {
			seen = false
			sk.bits[b/64] |= 1 << (b % 64)
		}
	}
	return seen
}

// duplicate is a loaded row whose key an earlier file holds.
type duplicate struct {
	id, line  int
	first     string // the file that keeps the row
	firstLine int
}

// rejectDuplicates settles, kind by kind, the rows the filters marked: the rows of later files
// that share a key with an earlier one leave the raw table for raw.rejets.
func (l *Loader) rejectDuplicates(ctx context.Context, sources []*source) error {
	for _, k := range exports.Kinds {
		seen := l.seen[k.Name]
		if seen == nil || len(seen.marked) == 0 {
			continue
		}
		dups, err := l.findDuplicates(ctx, k, seen.marked)
		if err != nil {
			return fmt.Errorf("chargement : doublons entre fichiers de %s : %w", k.Name, err)
		}
		if err := l.removeDuplicates(ctx, k, dups, sources); err != nil {
			return fmt.Errorf("chargement : doublons entre fichiers de %s : %w", k.Name, err)
		}
	}
	return nil
}

// rowsIn picks rows of a raw table by their load number and line, given as one parameter:
// rowID values separated by commas.
const rowsIn = "CAST(_chargement AS BIGINT) * 4294967296 + _ligne IN (SELECT CAST(unnest(string_split(?, ',')) AS BIGINT))"

// rowID is a row's load number and line as one number.
func rowID(id int, line int32) int64 { return int64(id)<<32 | int64(line) }

// duplicatesQuery finds, among the rows sharing a key with a marked row, those after the first
// by load number and line. %[1]s is the raw table, %[2]s its key columns, %[3]s them qualified.
const duplicatesQuery = `WITH cles AS (
    SELECT DISTINCT %[2]s FROM %[1]s WHERE ` + rowsIn + `
), rangs AS (
    SELECT r._chargement, r._ligne,
           first_value(r._fichier) OVER w AS fichier_1, first_value(r._ligne) OVER w AS ligne_1,
           first_value(r._chargement) OVER w AS chargement_1
    FROM %[1]s AS r SEMI JOIN cles USING (%[2]s)
    WINDOW w AS (PARTITION BY %[3]s ORDER BY r._chargement, r._ligne)
)
SELECT _chargement, _ligne, fichier_1, ligne_1 FROM rangs WHERE _chargement <> chargement_1 ORDER BY _chargement, _ligne`

func (l *Loader) findDuplicates(ctx context.Context, k exports.Kind, marked []int64) ([]duplicate, error) {
	var cols, qualified []string
	for _, c := range k.Key {
		cols = append(cols, warehouse.Ident(c))
		qualified = append(qualified, "r."+warehouse.Ident(c))
	}
	q := fmt.Sprintf(duplicatesQuery, warehouse.Qualified("raw", k.Name), strings.Join(cols, ", "), strings.Join(qualified, ", "))
	rows, err := l.db.QueryContext(ctx, q, joinInts(marked))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var dups []duplicate
	for rows.Next() {
		var d duplicate
		if err := rows.Scan(&d.id, &d.line, &d.first, &d.firstLine); err != nil {
			return nil, err
		}
		dups = append(dups, d)
	}
	return dups, rows.Err()
}

// removeDuplicates moves the duplicates from the raw table to raw.rejets (moveToRejects).
func (l *Loader) removeDuplicates(ctx context.Context, k exports.Kind, dups []duplicate, sources []*source) error {
	rows := make([]moved, len(dups))
	for i, d := range dups {
		rows[i] = moved{id: d.id, line: d.line, reason: duplicateReason(k, d), code: codeDuplicate}
	}
	return l.moveToRejects(ctx, k.Name, rows, sources)
}

// moved is a loaded row that leaves its raw table for raw.rejets: a duplicate across files, or
// a monthly statement the daily presences also give (sources.go).
type moved struct {
	id, line      int
	column, value driver.Value
	reason, code  string
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
		if err := l.recount(ctx, sources[id-l.firstExport], ms); err != nil {
			return err
		}
	}
	return nil
}

// recount moves a file's rows from its loaded lines to its rejected ones; the first of them
// gives the first reason when no line before it was rejected.
func (l *Loader) recount(ctx context.Context, s *source, ms []moved) error {
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

func duplicateReason(k exports.Kind, d duplicate) string {
	return fmt.Sprintf("doublon de %s, ligne %d (même %s)", d.first, d.firstLine, strings.Join(k.Key, ", "))
}

func joinInts(ns []int64) string {
	b := make([]byte, 0, len(ns)*12)
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n, 10)
	}
	return string(b)
}
