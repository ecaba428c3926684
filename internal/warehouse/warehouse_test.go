package warehouse

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOfflineExtensions pins the extensions that load with no network. An upgrade of DuckDB that
// drops one, or adds one that needs downloading, fails here rather than on a user's machine.
func TestOfflineExtensions(t *testing.T) {
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := strings.Split(queryString(t, db, `SELECT string_agg(extension_name, ',' ORDER BY extension_name)
		FROM duckdb_extensions() WHERE loaded`), ",")
	want := []string{"core_functions", "icu", "json", "parquet"}
	got = slices.DeleteFunc(got, func(s string) bool { return s == "autocomplete" }) // shell-only, harmless
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded extensions (-want +got):\n%s", diff)
	}
	for _, stmt := range []string{
		"SELECT * FROM read_xlsx('x.xlsx')", // excel is not linked: ingest reads XLSX with excelize
		"INSTALL excel",
		"SELECT * FROM read_csv('x.csv', encoding = 'windows-1252')",
	} {
		if _, err := db.Exec(stmt); err == nil {
			t.Errorf("%s: succeeded, want an error since it needs an extension that is not linked", stmt)
		}
	}
	for _, ext := range []string{"parquet", "json", "icu"} {
		if _, err := db.Exec("LOAD " + ext); err != nil {
			t.Errorf("LOAD %s: %v", ext, err)
		}
	}
	settings := queryString(t, db, `SELECT string_agg(name || '=' || value, ',' ORDER BY name) FROM duckdb_settings()
		WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions')`)
	if settings != "autoinstall_known_extensions=false,autoload_known_extensions=false" {
		t.Errorf("settings = %s", settings)
	}
}

func TestPublishAbortAndReaders(t *testing.T) {
	ctx := context.Background()
	published := filepath.Join(t.TempDir(), "out", FileName)

	build(t, published, "SELECT 1 AS n")
	reader, err := OpenReadOnly(published)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if got := queryString(t, reader, "SELECT n::VARCHAR FROM marts.t"); got != "1" {
		t.Fatalf("first build: n = %s", got)
	}
	// An analyst keeps the published file open: a new run still publishes.
	build(t, published, "SELECT 2 AS n")
	if got := queryString(t, reader, "SELECT n::VARCHAR FROM marts.t"); got != "1" {
		t.Errorf("open reader sees n = %s, want the file it opened (1)", got)
	}
	// DuckDB shares one instance per path inside a process: close the old reader before opening
	// the new file (readers in other processes, the analysts', are not affected).
	reader.Close()
	second, err := OpenReadOnly(published)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if got := queryString(t, second, "SELECT n::VARCHAR FROM marts.t"); got != "2" {
		t.Errorf("new reader sees n = %s, want 2", got)
	}
	if _, err := second.Exec("CREATE TABLE marts.x (a INT)"); err == nil {
		t.Error("a read-only connection could write")
	}

	// An aborted build leaves the published warehouse as it was, and no file behind.
	b, err := Build(ctx, published)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.DB.Exec("CREATE TABLE marts.t AS SELECT 3 AS n"); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	b.Abort() // deferred and explicit aborts may meet
	second.Close()
	check, err := OpenReadOnly(published)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if got := queryString(t, check, "SELECT n::VARCHAR FROM marts.t"); got != "2" {
		t.Errorf("after abort n = %s, want 2", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(published))
	if len(entries) != 1 {
		t.Errorf("files left beside the warehouse: %v", entries)
	}
}

func TestRebuildKeepsLayers(t *testing.T) {
	ctx := context.Background()
	published := filepath.Join(t.TempDir(), FileName)
	build(t, published, "SELECT 5 AS n")
	b, err := Rebuild(ctx, published)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if err := ResetSchemas(ctx, b.DB, "marts"); err != nil {
		t.Fatal(err)
	}
	if got := queryString(t, b.DB, "SELECT count(*)::VARCHAR FROM duckdb_tables() WHERE schema_name = 'marts'"); got != "0" {
		t.Errorf("marts after reset hold %s tables", got)
	}
	if err := b.Publish(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := Rebuild(ctx, filepath.Join(t.TempDir(), "none.duckdb")); err == nil || !strings.Contains(err.Error(), "entrepôt introuvable") {
		t.Errorf("Rebuild of a missing file: %v", err)
	}
}

func TestExportParquet(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	published := filepath.Join(dir, FileName)
	build(t, published, "SELECT 'Quaëdypre' AS nom, 1108 AS population",
		"COMMENT ON TABLE marts.t IS 'Une commune, l''été'", "COMMENT ON COLUMN marts.t.population IS 'Population municipale'")
	db, err := OpenReadOnly(published)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	paths, err := ExportParquet(ctx, db, "marts", filepath.Join(dir, "parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 1 || filepath.Base(paths[0]) != "t.parquet" {
		t.Fatalf("paths = %v", paths)
	}
	got := queryString(t, db, "SELECT nom || ' ' || population FROM read_parquet("+Literal(paths[0])+")")
	if got != "Quaëdypre 1108" {
		t.Errorf("parquet holds %q", got)
	}
	kv := queryString(t, db, "SELECT string_agg(decode(key) || '=' || decode(value), ' | ' ORDER BY key) FROM parquet_kv_metadata("+Literal(paths[0])+")")
	if want := "enfance.colonne.population=Population municipale | enfance.description=Une commune, l'été | enfance.table=marts.t"; kv != want {
		t.Errorf("parquet metadata %q, want %q", kv, want)
	}
}

func TestQuoting(t *testing.T) {
	if got := Qualified("marts", `a"b`); got != `"marts"."a""b"` {
		t.Errorf("Qualified = %s", got)
	}
	if got := Literal("l'été"); got != "'l''été'" {
		t.Errorf("Literal = %s", got)
	}
}

// build publishes a warehouse holding marts.t made by query, then the statements given.
func build(t *testing.T, published, query string, then ...string) {
	t.Helper()
	ctx := context.Background()
	b, err := Build(ctx, published)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	for _, stmt := range append([]string{"CREATE TABLE marts.t AS " + query}, then...) {
		if _, err := b.DB.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Publish(ctx); err != nil {
		t.Fatal(err)
	}
}

func queryString(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	var s string
	if err := db.QueryRow(query).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The lock belongs to the open file: a second open in the same process is refused too.
	want := fmt.Sprintf("le traitement n° %d travaille déjà", os.Getpid())
	if _, err := Lock(dir); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), want) {
		t.Errorf("second lock: %v", err)
	}
	release()
	if _, err := os.Stat(filepath.Join(dir, LockFile)); runtime.GOOS != "windows" && err == nil {
		t.Error("the released lock file is still there")
	}
	release, err = Lock(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release()
	// A lock file left by a killed run does not block, whatever PID it holds: one that is gone,
	// or a live process that has nothing to do with enfance.
	for _, pid := range []int{999999999, 1, os.Getppid()} {
		if err := os.WriteFile(filepath.Join(dir, LockFile), []byte(strconv.Itoa(pid)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		release, err = Lock(dir)
		if err != nil {
			t.Fatalf("lock file holding PID %d: %v", pid, err)
		}
		release()
	}
}

// TestLockRace: runs that take and release the lock at once never hold it together, although
// each release removes the file that the others may have just opened.
func TestLockRace(t *testing.T) {
	dir := t.TempDir()
	var holders, taken atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				release, err := Lock(dir)
				if errors.Is(err, ErrLocked) {
					continue
				}
				if err != nil {
					t.Error(err)
					return
				}
				if holders.Add(1) > 1 {
					t.Error("two holders of the lock")
				}
				taken.Add(1)
				runtime.Gosched()
				holders.Add(-1)
				release()
			}
		})
	}
	wg.Wait()
	if taken.Load() == 0 {
		t.Error("nobody took the lock")
	}
}

// TestLockOtherProcess: a run in another process holds the folder until it is killed.
func TestLockOtherProcess(t *testing.T) {
	if dir := os.Getenv("ENFANCE_LOCK_HELPER"); dir != "" {
		if _, err := Lock(dir); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("verrou pris")
		_, _ = io.ReadAll(os.Stdin) // holds the lock until killed
		os.Exit(0)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockOtherProcess$")
	cmd.Env = append(os.Environ(), "ENFANCE_LOCK_HELPER="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "verrou pris\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("helper: %q %v", line, err)
	}
	want := fmt.Sprintf("le traitement n° %d travaille déjà", cmd.Process.Pid)
	if _, err := Lock(dir); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), want) {
		t.Errorf("lock held by another process: %v", err)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	release, err := Lock(dir)
	if err != nil {
		t.Fatalf("lock of a killed process: %v", err)
	}
	release()
}

func TestStaleBuildsAreRemoved(t *testing.T) {
	published := filepath.Join(t.TempDir(), FileName)
	for _, name := range []string{published + ".build-999999999", published + ".build-999999999.wal"} {
		if err := os.WriteFile(name, []byte("half a run"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build(t, published, "SELECT 1 AS n")
	if left, _ := filepath.Glob(published + ".build-*"); len(left) != 0 {
		t.Errorf("files left by a killed run: %v", left)
	}
}
