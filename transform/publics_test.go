package transform

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"enfance/internal/warehouse"
)

// withPublics builds the given marts (file name → model) and their public copies with a
// threshold of 5.
func withPublics(t *testing.T, marts map[string]string) *sql.DB {
	t.Helper()
	fsys := files("models/staging/enfants.sql", stagingEnfants)
	for name, text := range marts {
		fsys["models/marts/"+name+".sql"] = files("x", text)["x"]
	}
	p, err := Load(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t)
	ctx := context.Background()
	if err := p.Run(ctx, db, params, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if err := p.Publics(ctx, db, 5); err != nil {
		t.Fatal(err)
	}
	return db
}

// publicRows returns the rows of publics.<table>, each one's non-empty values joined by « | ».
func publicRows(t *testing.T, table string, marts map[string]string) []string {
	t.Helper()
	db := withPublics(t, marts)
	rows, err := db.Query(`SELECT * FROM publics.` + table + ` ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	_, lines, err := warehouse.TextRows(rows, func(v any) string {
		if v == nil {
			return ""
		}
		return fmt.Sprint(v)
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range lines {
		out = append(out, strings.Join(slices.DeleteFunc(l, func(c string) bool { return c == "" }), " | "))
	}
	return out
}

const martZones = `-- description: Des effectifs par zone et par année.
-- depends: staging.enfants
-- key: annee, zone
-- column annee: Année.
-- column zone: Zone.
-- column enfants: Enfants. [personnes]
-- column places_ouvertes: Places.
-- column part: Enfants / places. [révèle : enfants] [parts : enfants, places_ouvertes]
SELECT annee, zone, enfants, places_ouvertes, enfants / places_ouvertes AS part
FROM (VALUES (2025, 'a', 3, 10), (2025, 'b', 10, 20), (2025, 'c', 20, 40),
             (2026, 'a', 6, 10), (2026, 'b', 0, 20), (2026, 'c', 7, 40)) AS v(annee, zone, enfants, places_ouvertes)
WHERE EXISTS (SELECT 1 FROM staging.enfants)`

func TestPublicsMaskCounts(t *testing.T) {
	got := publicRows(t, "zones", map[string]string{"zones": martZones})
	want := []string{
		// 3 is under the threshold; 10, the smallest other count of 2025, would give it back from a total.
		"2025 | a | 10 | enfants",
		"2025 | b | 20 | enfants",
		"2025 | c | 20 | 40 | 0.5",
		// 0 is no person to protect, 6 and 7 are published.
		"2026 | a | 6 | 10 | 0.6",
		"2026 | b | 0 | 20 | 0",
		"2026 | c | 7 | 40 | 0.175",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publics.zones (-want +got):\n%s", diff)
	}
}

func TestPublicsLeavePrivateMarts(t *testing.T) {
	private := strings.Replace(martAges, "-- depends:", "-- private: des personnes.\n-- depends:", 1)
	db := withPublics(t, map[string]string{"ages": private, "zones": martZones})
	var tables string
	if err := db.QueryRow(`SELECT string_agg(table_name, ', ') FROM duckdb_tables() WHERE schema_name = 'publics'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != "zones" {
		t.Errorf("publics holds %q, want only zones: ages is private", tables)
	}
}

const martIndicators = `-- description: Des indicateurs en table longue.
-- depends: staging.enfants
-- key: annee, indicateur
-- column annee: Année.
-- column indicateur: Code.
-- column unite: Unité.
-- column valeur: Valeur. [personnes si unite]
-- column valeur_n_1: Valeur de l'année précédente. [personnes si unite]
-- column ecart: Écart. [révèle : valeur, valeur_n_1]
-- column revele: Indicateurs dont la valeur est calculée.
SELECT annee, indicateur, unite, valeur::DOUBLE AS valeur, valeur_n_1::DOUBLE AS valeur_n_1,
       (valeur - valeur_n_1)::DOUBLE AS ecart, revele
FROM (VALUES (2025, 'entrees', 'personnes', 3.0, 8.0, NULL), (2025, 'sorties', 'personnes', 9.0, 4.0, NULL),
             (2025, 'ratio', 'ratio', 0.33, 2.0, 'entrees,sorties'), (2025, 'heures', 'heures', 2.0, 1.0, NULL),
             (2024, 'entrees', 'personnes', 8.0, NULL, NULL), (2024, 'sorties', 'personnes', 4.0, NULL, NULL),
             (2024, 'ratio', 'ratio', 2.0, NULL, 'entrees,sorties')) AS v(annee, indicateur, unite, valeur, valeur_n_1, revele)
WHERE EXISTS (SELECT 1 FROM staging.enfants)`

func TestPublicsMaskIndicators(t *testing.T) {
	got := publicRows(t, "indicateurs", map[string]string{"indicateurs": martIndicators})
	want := []string{
		"2024 | entrees | personnes | 8",
		"2024 | ratio | ratio | entrees,sorties | valeur",
		// 4 sorties in 2024: masked, and with it the ratio it is computed from.
		"2024 | sorties | personnes | valeur",
		"2025 | entrees | personnes | 8 | valeur",
		// An hour count is not a count of persons, however small.
		"2025 | heures | heures | 2 | 1 | 1",
		"2025 | ratio | ratio | entrees,sorties | valeur, valeur_n_1",
		"2025 | sorties | personnes | 9 | valeur_n_1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publics.indicateurs (-want +got):\n%s", diff)
	}
}

// A running total would give a masked count back by difference: publics leaves it out.
func TestPublicsLeaveUnpublishedColumns(t *testing.T) {
	mart := strings.NewReplacer(
		"-- column part: Enfants / places.", "-- column cumul: Enfants des zones jusqu'à celle-ci. [personnes] [non publié : cumul]\n-- column part: Enfants / places.",
		"SELECT annee, zone, enfants, places_ouvertes,", "SELECT annee, zone, enfants, places_ouvertes, sum(enfants) OVER (PARTITION BY annee ORDER BY zone) AS cumul,",
	).Replace(martZones)
	got := publicRows(t, "zones", map[string]string{"zones": mart})
	want := []string{
		"2025 | a | 10 | enfants",
		"2025 | b | 20 | enfants",
		"2025 | c | 20 | 40 | 0.5",
		"2026 | a | 6 | 10 | 0.6",
		"2026 | b | 0 | 20 | 0",
		"2026 | c | 7 | 40 | 0.175",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publics.zones (-want +got):\n%s", diff)
	}
}
