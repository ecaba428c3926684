package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"enfance/dashboards"
	"enfance/data"
	"enfance/ingest"
	"enfance/internal/marts"
	"enfance/internal/secret"
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

// ingestInto loads the reference data, then the exports, into the raw layer of db.
func (a *app) ingestInto(ctx context.Context, db *sql.DB) error {
	loader, err := ingest.New(ctx, db, a.logger)
	if err != nil {
		return err
	}
	fsys, root := a.reference()
	if err := loader.Reference(ctx, fsys, root, a.cfg.Territoire.SirenEPCI); err != nil {
		return err
	}
	if err := a.ingestExports(ctx, loader); err != nil {
		return err
	}
	return a.checkRejects(ctx, db)
}

// ingestExports loads the exports folder, when there is one, and prints what it did.
func (a *app) ingestExports(ctx context.Context, loader *ingest.Loader) error {
	dir := a.cfg.Chemins.Donnees
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		n, err := a.publishedExports(ctx)
		if err != nil {
			return err
		}
		if n > 0 { // a mistyped folder must not empty a warehouse
			return usageError{fmt.Errorf("dossier des exports introuvable : %s ; l'entrepôt publié, qui contient %d fichiers d'exports, "+
				"est gardé tel quel (vérifiez --data ou chemins.donnees)", dir, n)}
		}
		a.logger.Warn("dossier des exports absent : seules les données de référence sont chargées", "dossier", dir)
		a.printf("exports : dossier absent, %s\n", dir)
		if info, err := os.Stat(demoDir); err == nil && info.IsDir() {
			a.printf("(la démonstration est dans %s : enfance run --data %s)\n", demoDir, demoDir)
		}
		return nil
	}
	key, err := a.secretKey()
	if err != nil {
		return err
	}
	a.fingerprint = secret.Fingerprint(key)
	a.warnOnNewKey(ctx)
	sum, err := loader.Exports(ctx, ingest.Options{Dir: dir, Columns: a.cfg.Colonnes, Values: a.cfg.Valeurs, Secret: key, Today: a.now(),
		Workers: runtime.NumCPU(), Progress: a.progress("fichiers chargés")})
	if err != nil {
		return err
	}
	a.printSummary(dir, sum)
	return nil
}

// secretKey loads the key of the pseudonyms: ENFANCE_SECRET, else chemins.secret, else the
// user's configuration folder.
func (a *app) secretKey() ([]byte, error) {
	path := os.Getenv("ENFANCE_SECRET")
	if path == "" {
		path = a.cfg.Chemins.Secret
	}
	if path == "" {
		var err error
		if path, err = secret.DefaultPath(); err != nil {
			return nil, err
		}
	}
	key, created, err := secret.Load(path)
	if created {
		a.logger.Warn("clé des pseudonymes créée : gardez-la, une autre clé changerait tous les pseudonymes", "fichier", path)
	}
	return key, err
}

// publishedExports counts the export files the published warehouse holds: none when there is
// no warehouse yet. A warehouse that cannot be read is an error, never « no exports ».
func (a *app) publishedExports(ctx context.Context) (int, error) {
	if _, err := os.Stat(a.warehousePath()); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	db, err := warehouse.OpenReadOnly(a.warehousePath())
	if err != nil {
		return 0, fmt.Errorf("dossier des exports absent, et l'entrepôt publié est illisible : %w", err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM raw.chargements WHERE type_export NOT LIKE 'reference%'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("dossier des exports absent, et l'entrepôt publié ne dit pas quels exports il contient : %w", err)
	}
	return n, nil
}

// warnOnNewKey says when the published warehouse was made with another key of the pseudonyms.
func (a *app) warnOnNewKey(ctx context.Context) {
	r, err := marts.Open(a.warehousePath())
	if err != nil {
		return // no published warehouse yet
	}
	defer r.Close()
	infos, err := r.InfosEntrepot(ctx)
	if err == nil && infos.EmpreinteCle != "" && infos.EmpreinteCle != a.fingerprint {
		a.logger.Warn("la clé des pseudonymes n'est plus celle de l'entrepôt précédent : chaque personne change de pseudonyme, " +
			"les extractions faites avant ne se comparent plus. Remettez l'ancienne clé si elle a été perdue ou remplacée par erreur.")
	}
}

// checkRejects fails a --strict run when any row was rejected or any file refused.
func (a *app) checkRejects(ctx context.Context, db *sql.DB) error {
	var rows, files int
	err := db.QueryRowContext(ctx, `SELECT (SELECT count(DISTINCT (chargement, ligne)) FROM raw.rejets),
		(SELECT count(*) FROM raw.chargements WHERE statut = 'refuse')`).Scan(&rows, &files)
	if err != nil {
		return fmt.Errorf("compte des rejets : %w", err)
	}
	if rows+files > 0 {
		a.logger.Warn("lignes rejetées ou fichiers refusés : voir raw.rejets et raw.chargements", "lignes", rows, "fichiers", files)
		if a.strict {
			return fmt.Errorf("%d ligne(s) rejetée(s) et %d fichier(s) refusé(s) : %w", rows, files, errRejected)
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
		Territoire:                 a.cfg.Territoire.Nom,
		SirenEPCI:                  a.cfg.Territoire.SirenEPCI,
		AnneeReference:             a.cfg.ReferenceYear(a.now().Year()),
		SecretStatistique:          a.cfg.Seuils.SecretStatistique,
		AgeRetraite:                a.cfg.Seuils.AgeRetraite,
		ConstruitLe:                a.now(),
		PlafondMercrediJournee:     a.cfg.ACM.PlafondMercrediJournee,
		PlafondMercrediDemiJournee: a.cfg.ACM.PlafondMercrediDemiJournee,
		EmpreinteCle:               a.fingerprint,
		CTG: transform.CTGParams{PremiereAnnee: a.cfg.CTG.PremiereAnnee, DerniereAnnee: a.cfg.CTG.DerniereAnnee,
			Cibles: a.cfg.CTG.Cibles},
	}
	if err := project.Run(ctx, db, params, a.logger); err != nil {
		return err
	}
	steps := []struct {
		name string
		run  func() error
	}{
		{"tests de données", func() error { return a.check(ctx, project, db) }},
		{"clés primaires", func() error { return project.Constrain(ctx, db) }},
		{"catalogue", func() error { return project.Catalogue(ctx, db, marts.ReadBy()) }},
		{"schéma publics", func() error { return project.Publics(ctx, db, a.cfg.Seuils.SecretStatistique) }},
	}
	for _, s := range steps {
		start := time.Now()
		if err := s.run(); err != nil {
			return err
		}
		a.logger.Debug("étape faite", "étape", s.name, "durée", time.Since(start).Round(time.Millisecond))
	}
	return nil
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
	if err := b.LimitMemory(ctx, a.cfg.Moteur.Memoire); err != nil {
		return err
	}
	for _, step := range steps {
		if err := step(ctx, b.DB); err != nil {
			return err
		}
	}
	if err := b.Publish(ctx); err != nil {
		return err
	}
	a.publish(outWarehouse)
	a.printf("entrepôt : %s\n", a.warehousePath())
	return nil
}

// publishOutputs writes the Parquet copies of the marts, the reports and the dashboard, reading
// the marts once for both.
// An interruption stops it between two outputs, never inside one (each file is renamed into place).
func (a *app) publishOutputs(ctx context.Context) error {
	if err := a.writeParquet(ctx); err != nil {
		return err
	}
	b, err := a.readMarts(ctx)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := a.writeReports(b); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := a.writeDashboard(b); err != nil {
		return err
	}
	return a.checkComplete(b)
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
	public, err := warehouse.ExportParquet(ctx, db, "publics", filepath.Join(a.outDir("parquet"), "publics"))
	if err != nil {
		return err
	}
	a.publish(outParquet)
	a.printf("parquet : %d fichiers dans %s, dont %d publiables (secret statistique appliqué) dans publics\n",
		len(paths)+len(public), a.outDir("parquet"), len(public))
	return nil
}

func (a *app) writeReports(b *marts.Bundle) error {
	paths, err := reports.WriteAll(b, a.outDir("reports"), a.year)
	if len(paths) > 0 {
		a.publish(outReports)
	}
	fiches := 0
	for _, p := range paths {
		if filepath.Base(filepath.Dir(p)) == "communes" {
			fiches++
			continue
		}
		a.printf("rapport : %s\n", p)
	}
	if fiches > 0 {
		a.printf("fiches communes : %d dans %s\n", fiches, filepath.Join(a.outDir("reports"), "communes"))
	}
	return err
}

// checkComplete ends the summary with a sentence when figures of the documents' year rest on
// missing, refused or partial exports, and makes the run end with code 4.
func (a *app) checkComplete(b *marts.Bundle) error {
	year := b.ReportYear(a.year)
	n := 0
	for _, c := range b.Completude {
		if c.Annee == year && c.Statut != "complet" {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	a.printf("données incomplètes : %d export(s) attendu(s) pour %d manquent, sont refusés ou partiels ; "+
		"les chiffres qui en dépendent sont marqués « partiel » ou « manquant » dans les documents, et "+
		"%s liste ce qu'il faut demander à chaque structure.\n", n, year, filepath.Join(a.outDir("reports"), fmt.Sprintf("rejets-%d.xlsx", year)))
	return errIncomplete
}

func (a *app) writeDashboard(b *marts.Bundle) error {
	paths, err := dashboards.WriteAll(b, a.outDir("dashboards"), a.year)
	for _, p := range paths {
		a.publish(outDashboard)
		a.printf("tableau de bord : %s\n", p)
	}
	return err
}

// checkYear refuses a --year the warehouse holds no key indicators of (a typo would otherwise
// write empty documents over good ones); a warehouse without any key indicator takes any year.
func (a *app) checkYear(b *marts.Bundle) error {
	years := b.IndicatorYears()
	if a.year == 0 || len(years) == 0 || slices.Contains(years, a.year) {
		return nil
	}
	first, last := years[0], years[len(years)-1]
	held := fmt.Sprintf("de %d à %d", first, last)
	if first == last {
		held = fmt.Sprintf("pour %d", first)
	}
	return usageError{fmt.Errorf("--year %d : l'entrepôt n'a de chiffres que %s", a.year, held)}
}

// readMarts reads every mart the reports and the dashboard show from the published warehouse,
// on a read-only connection closed at once, and checks that it holds the year asked for.
func (a *app) readMarts(ctx context.Context) (*marts.Bundle, error) {
	r, err := marts.Open(a.warehousePath())
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := r.ReadAll(ctx)
	if err != nil {
		return nil, err
	}
	return b, a.checkYear(b)
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
