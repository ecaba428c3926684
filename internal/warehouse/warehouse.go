package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// Schemas are the layers of the warehouse, in build order.
var Schemas = []string{"raw", "staging", "marts", "publics"}

// FileName is the name of the published warehouse inside the output folder.
const FileName = "warehouse.duckdb"

// offline keeps DuckDB from fetching or loading extensions that are not linked in.
const offline = "autoinstall_known_extensions=false&autoload_known_extensions=false"

// Builder is a warehouse being built beside the published one.
type Builder struct {
	DB        *sql.DB
	path      string // the file being built
	published string // where Publish renames it
	done      bool   // published or aborted
}

// Build creates an empty warehouse file next to published and creates the schemas. The caller
// fills it through DB, then calls Publish or Abort.
func Build(ctx context.Context, published string) (b *Builder, err error) {
	if err := os.MkdirAll(filepath.Dir(published), 0o755); err != nil {
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	path := newBuildPath(published)
	db, err := open(path, "")
	if err != nil {
		return nil, err
	}
	b = &Builder{DB: db, path: path, published: published}
	defer func() {
		if err != nil {
			b.Abort()
		}
	}()
	if err := CreateSchemas(ctx, db); err != nil {
		return nil, err
	}
	return b, nil
}

// CreateSchemas creates the schemas raw, staging, marts and publics.
func CreateSchemas(ctx context.Context, db *sql.DB) error {
	for _, s := range Schemas {
		if _, err := db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+Ident(s)); err != nil {
			return fmt.Errorf("entrepôt : création du schéma %s : %w", s, err)
		}
	}
	return nil
}

// LimitMemory bounds the memory DuckDB uses for this build (« 4GB »); beyond it, DuckDB spills to
// temporary files beside the warehouse.
func (b *Builder) LimitMemory(ctx context.Context, limit string) error {
	if _, err := b.DB.ExecContext(ctx, "SET memory_limit = "+Literal(limit)); err != nil {
		return fmt.Errorf("entrepôt : limite de mémoire %s : %w", limit, err)
	}
	return nil
}

// Publish checkpoints and closes the built file, then renames it over the published warehouse.
func (b *Builder) Publish(ctx context.Context) error {
	if b.done {
		return errors.New("entrepôt : déjà publié ou abandonné")
	}
	if _, err := b.DB.ExecContext(ctx, "CHECKPOINT"); err != nil {
		b.Abort()
		return fmt.Errorf("entrepôt : écriture sur le disque : %w", err)
	}
	if err := b.DB.Close(); err != nil {
		b.Abort()
		return fmt.Errorf("entrepôt : fermeture : %w", err)
	}
	if err := os.Rename(b.path, b.published); err != nil {
		removeFiles(b.path)
		return fmt.Errorf("entrepôt : publication : %w", err)
	}
	// A write-ahead log left by an earlier, killed writer of the published path belongs to an
	// older file: it must not be replayed over the new one.
	_ = os.Remove(b.published + ".wal")
	b.done = true
	return nil
}

// Abort closes and deletes the file being built; the published warehouse is left untouched.
// After Publish it does nothing, so it can be deferred.
func (b *Builder) Abort() {
	if b.done {
		return
	}
	b.done = true
	_ = b.DB.Close()
	removeFiles(b.path)
}

// OpenReadOnly opens a published warehouse for reading. Many readers may hold it at once, and a
// run can publish a new file while they do.
func OpenReadOnly(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("entrepôt introuvable : %s (lancez d'abord « enfance run »)", path)
		}
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	return open(path, "access_mode=read_only")
}

// OpenMemory opens a private in-memory database with the same settings, for tests and tools.
func OpenMemory() (*sql.DB, error) { return open("", "") }

func open(path, extra string) (*sql.DB, error) {
	dsn := path + "?" + offline
	if extra != "" {
		dsn += "&" + extra
	}
	connector, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, fmt.Errorf("entrepôt : ouverture de %s : %w", path, err)
	}
	return sql.OpenDB(connector), nil
}

// newBuildPath is where this process builds the next warehouse, beside the published one: the
// build files of killed runs are removed, and any of this process's own from an earlier build.
func newBuildPath(published string) string {
	removeStale(published)
	path := fmt.Sprintf("%s.build-%d", published, os.Getpid())
	removeFiles(path)
	return path
}

func removeFiles(path string) {
	_ = os.Remove(path)
	_ = os.Remove(path + ".wal")
}

// Ident quotes an identifier for DuckDB. Identifiers come from the project's registries, never
// from user data; quoting makes any of them safe all the same.
func Ident(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// Qualified quotes schema.name.
func Qualified(schema, name string) string { return Ident(schema) + "." + Ident(name) }

// Literal quotes a string constant, for statements that take no parameters (COMMENT ON).
func Literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Rebuild copies the published warehouse into a new build file, so that a later stage can be
// run again over an earlier one's layers and published the same way.
func Rebuild(ctx context.Context, published string) (b *Builder, err error) {
	src, err := os.Open(published)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("entrepôt introuvable : %s (lancez d'abord « enfance ingest » ou « enfance run »)", published)
		}
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	defer src.Close()
	path := newBuildPath(published)
	defer func() {
		if err != nil {
			removeFiles(path)
		}
	}()
	dst, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("entrepôt : %w", err)
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("entrepôt : copie de %s : %w", published, err)
	}
	db, err := open(path, "")
	if err != nil {
		return nil, err
	}
	return &Builder{DB: db, path: path, published: published}, nil
}

// ResetSchemas drops the given schemas with everything in them and creates them again empty.
func ResetSchemas(ctx context.Context, db *sql.DB, schemas ...string) error {
	for _, s := range schemas {
		if _, err := db.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+Ident(s)+" CASCADE; CREATE SCHEMA "+Ident(s)); err != nil {
			return fmt.Errorf("entrepôt : remise à zéro du schéma %s : %w", s, err)
		}
	}
	return nil
}
