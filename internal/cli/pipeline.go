package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"enfance/dashboards"
	"enfance/data"
	"enfance/ingest"
	"enfance/internal/marts"
	"enfance/internal/warehouse"
	"enfance/reports"
	"enfance/transform"
)

// reference is the territory's reference folder: the configured one, else the embedded CCHF's.
func (a *app) reference() (fs.FS, string) {
	if dir := a.cfg.Chemins.Reference; dir != "" {
		return os.DirFS(dir), dir
	}
	return data.Reference(), "data/reference"
}

// ingestInto loads the reference data into the raw layer of db.
func (a *app) ingestInto(ctx context.Context, db *sql.DB) error {
	if err := a.refuseExports(); err != nil {
		return err
	}
	loader, err := ingest.New(ctx, db, a.logger)
	if err != nil {
		return err
	}
	fsys, root := a.reference()
	if err := loader.Reference(ctx, fsys, root, a.cfg.Territoire.SirenEPCI); err != nil {
		return err
	}
	return a.checkRejects(ctx, db)
}

// refuseExports stops a run whose exports folder holds files, since loading them is not built
// yet: better to say so than to publish figures that silently leave them out.
func (a *app) refuseExports() error {
	dir := a.cfg.Chemins.Donnees
	var files []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("dossier des exports %s illisible : %w", dir, err)
	}
	if len(files) > 0 {
		return fmt.Errorf("le chargement des exports des structures n'est pas encore disponible : "+
			"les %d fichier(s) de %s ne seraient pas lus (premier : %s) ; videz ce dossier ou choisissez-en un autre avec --data",
			len(files), dir, files[0])
	}
	return nil
}

// checkRejects fails a --strict run when any row was rejected.
func (a *app) checkRejects(ctx context.Context, db *sql.DB) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM raw.rejets`).Scan(&n); err != nil {
		return fmt.Errorf("count rejects: %w", err)
	}
	if n > 0 {
		a.logger.Warn("lignes rejetées", "lignes", n, "table", "raw.rejets")
		if a.strict {
			return fmt.Errorf("%d ligne(s) rejetée(s) (voir raw.rejets) : %w", n, errRejected)
		}
	}
	return nil
}

// transformInto builds staging and marts in db, then runs the data tests.
func (a *app) transformInto(ctx context.Context, db *sql.DB) error {
	project, err := transform.Load(transform.Files, transform.DisplayRoot)
	if err != nil {
		return err
	}
	params := transform.Params{
		Territoire:        a.cfg.Territoire.Nom,
		SirenEPCI:         a.cfg.Territoire.SirenEPCI,
		AnneeReference:    a.cfg.ReferenceYear(a.now().Year()),
		SecretStatistique: a.cfg.Seuils.SecretStatistique,
		AgeRetraite:       a.cfg.Seuils.AgeRetraite,
		ConstruitLe:       a.now(),
	}
	if err := project.Run(ctx, db, params, a.logger); err != nil {
		return err
	}
	return a.check(ctx, project, db)
}

// check runs the data tests and prints every failure on stderr.
func (a *app) check(ctx context.Context, project *transform.Project, db *sql.DB) error {
	failures, err := project.Check(ctx, db)
	if err != nil {
		return err
	}
	for _, f := range failures {
		fmt.Fprintf(a.stderr, "test de données en échec : %s\n  (%s) %d ligne(s) en cause, dont :\n  %s\n",
			f.Description, f.File, f.Count, strings.Join(f.Columns, " | "))
		for _, r := range f.Rows {
			fmt.Fprintf(a.stderr, "  %s\n", strings.Join(r, " | "))
		}
	}
	if len(failures) > 0 {
		return fmt.Errorf("%d test(s) de données en échec : l'entrepôt n'a pas été publié", len(failures))
	}
	return nil
}

// buildAll ingests, transforms, checks and publishes a new warehouse.
func (a *app) buildAll(ctx context.Context) error {
	b, err := warehouse.Build(ctx, a.warehousePath())
	if err != nil {
		return err
	}
	return a.fill(ctx, b, a.ingestInto, a.transformInto)
}

// fill runs each step on the warehouse being built, then publishes it. When a step fails the
// build is thrown away and the published warehouse stays as it was.
func (a *app) fill(ctx context.Context, b *warehouse.Builder, steps ...func(context.Context, *sql.DB) error) error {
	defer b.Abort()
	for _, step := range steps {
		if err := step(ctx, b.DB); err != nil {
			return err
		}
	}
	if err := b.Publish(ctx); err != nil {
		return err
	}
	a.printf("entrepôt : %s\n", a.warehousePath())
	return nil
}

// publishOutputs writes the Parquet copies of the marts, the reports and the dashboard.
func (a *app) publishOutputs(ctx context.Context) error {
	if err := a.writeParquet(ctx); err != nil {
		return err
	}
	if err := a.writeReports(ctx); err != nil {
		return err
	}
	return a.writeDashboard(ctx)
}

func (a *app) writeParquet(ctx context.Context) error {
	db, err := warehouse.OpenReadOnly(a.warehousePath())
	if err != nil {
		return err
	}
	defer db.Close()
	paths, err := warehouse.ExportParquet(ctx, db, "marts", a.outDir("parquet"))
	if err != nil {
		return err
	}
	a.printf("parquet : %d fichiers dans %s\n", len(paths), a.outDir("parquet"))
	return nil
}

func (a *app) writeReports(ctx context.Context) error {
	return a.withMarts(func(r *marts.Reader) error {
		paths, err := reports.WriteAll(ctx, r, a.outDir("reports"))
		for _, p := range paths {
			a.printf("rapport : %s\n", p)
		}
		return err
	})
}

func (a *app) writeDashboard(ctx context.Context) error {
	return a.withMarts(func(r *marts.Reader) error {
		paths, err := dashboards.WriteAll(ctx, r, a.outDir("dashboards"))
		for _, p := range paths {
			a.printf("tableau de bord : %s\n", p)
		}
		return err
	})
}

// withMarts opens the published marts read-only for the time of fn.
func (a *app) withMarts(fn func(*marts.Reader) error) error {
	r, err := marts.Open(a.warehousePath())
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}
