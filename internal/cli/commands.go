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
	"runtime/debug"

	"github.com/spf13/cobra"

	"enfance/data/demo"
	"enfance/internal/frfmt"
	"enfance/internal/marts"
	"enfance/internal/warehouse"
	"enfance/transform"
)

func (a *app) runCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "run",
		Short: "Tout faire : charger, transformer, vérifier, publier l'entrepôt, les rapports et le tableau de bord",
		Args:  exactArgs(0),
		RunE: a.locked(func(cmd *cobra.Command) error {
			if err := a.buildAll(cmd.Context()); err != nil {
				return err
			}
			return a.publishOutputs(cmd.Context())
		}),
	}
}

// demoDir is where the demo goes without --out: never the exports folder, which may hold real
// exports.
const demoDir = "exports-demo"

func (a *app) demoCommand() *cobra.Command {
	o := demo.Options{From: 2019, Seed: 1, Scale: 1}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Écrire les exports du territoire de démonstration (dans --out, sinon " + demoDir + ")",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.dataFlag != "" {
				return usageError{fmt.Errorf("« enfance demo » écrit dans --out (par défaut %s), pas dans --data", demoDir)}
			}
			o.Dir = demoDir
			if a.outFlag != "" {
				o.Dir = a.outFlag
			}
			if o.To == 0 {
				o.To = a.now().Year() - 1
			}
			if err := prepareDemoDir(o.Dir); err != nil {
				return err
			}
			m, err := demo.Generate(o)
			if err != nil {
				return err
			}
			a.printf("exports de démonstration : %s (%d fichiers, %s lignes, %d à %d)\n",
				o.Dir, len(m.Files), frfmt.Int(m.RowCount), o.From, o.To)
			if m.Rejects != "" {
				a.printf("rejets attendus : %s\n", filepath.Join(o.Dir, m.Rejects))
			}
			a.printf("pour la traiter : enfance run --data %s\n", o.Dir)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.From, "from", o.From, "première année")
	f.IntVar(&o.To, "to", 0, "dernière année (par défaut : la dernière année complète)")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "graine du hasard : la même graine donne les mêmes fichiers")
	f.IntVar(&o.Scale, "scale", o.Scale, "nombre de territoires, chacun avec ses codes (pour les mesures)")
	f.BoolVar(&o.WithErrors, "with-errors", false, "ajouter des lignes fausses documentées et leur liste (rejets-attendus.csv)")
	return cmd
}

// prepareDemoDir makes the folder, refusing one that holds anything but an earlier demo, whose
// files it removes so that none of an older run stays behind.
func prepareDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return fmt.Errorf("dossier %s illisible : %w", dir, err)
	case len(entries) == 0:
		return nil
	}
	err = demo.Clear(dir)
	if errors.Is(err, demo.ErrNotDemo) {
		return usageError{err}
	}
	return err
}

func (a *app) ingestCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "ingest",
		Short: "Charger les données de référence et les exports dans un nouvel entrepôt (couche raw)",
		Args:  exactArgs(0),
		RunE: a.locked(func(cmd *cobra.Command) error {
			b, err := warehouse.Build(cmd.Context(), a.warehousePath())
			if err != nil {
				return err
			}
			if err := a.fill(cmd.Context(), b, a.ingestInto); err != nil {
				return err
			}
			a.printf("(couche raw seulement : lancez « enfance transform »)\n")
			return nil
		}),
	}
}

func (a *app) transformCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "transform",
		Short: "Recalculer les couches staging, marts et publics de l'entrepôt publié, puis le republier",
		Args:  exactArgs(0),
		RunE: a.locked(func(cmd *cobra.Command) error {
			b, err := warehouse.Rebuild(cmd.Context(), a.warehousePath())
			if err != nil {
				return err
			}
			return a.fill(cmd.Context(), b, resetLayers, a.transformInto)
		}),
	}
}

// fromMarts is a command that writes outputs from the published marts.
func (a *app) fromMarts(write func(*marts.Bundle) error) func(*cobra.Command) error {
	return func(cmd *cobra.Command) error {
		b, err := a.readMarts(cmd.Context())
		if err != nil {
			return err
		}
		return write(b)
	}
}

// locked runs a command that writes into the output folder while holding its lock, so that two
// runs on one folder never mix their files.
func (a *app) locked(fn func(*cobra.Command) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		release, err := warehouse.Lock(a.cfg.Chemins.Sortie)
		if err != nil {
			return err
		}
		defer release()
		return fn(cmd)
	}
}

// resetLayers empties staging and marts, so that a model removed since the last run is gone.
func resetLayers(ctx context.Context, db *sql.DB) error {
	return warehouse.ResetSchemas(ctx, db, "staging", "marts", "publics")
}

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Lancer les tests de données sur l'entrepôt publié",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			project, err := transform.Load(transform.Files, transform.DisplayRoot)
			if err != nil {
				return err
			}
			db, err := warehouse.OpenReadOnly(a.warehousePath())
			if err != nil {
				return err
			}
			defer db.Close()
			outcomes, err := project.Outcomes(cmd.Context(), db)
			if err != nil {
				return err
			}
			for _, o := range outcomes {
				state := "réussi"
				if o.Count > 0 {
					state = fmt.Sprintf("ÉCHEC (%d ligne(s))", o.Count)
				}
				a.printf("%-22s %s — %s\n", state, o.Test, o.Description)
			}
			if err := a.check(cmd.Context(), project, db); err != nil {
				return err
			}
			a.printf("tests de données : tous réussis (%d)\n", len(outcomes))
			return nil
		},
	}
}

func (a *app) reportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "report",
		Short: "Écrire les rapports PDF à partir de l'entrepôt publié",
		Args:  exactArgs(0),
		RunE: a.locked(a.fromMarts(func(b *marts.Bundle) error {
			if err := a.writeReports(b); err != nil {
				return err
			}
			return a.checkComplete(b)
		})),
	}
}

func (a *app) dashboardCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "dashboard",
		Short: "Écrire le tableau de bord HTML à partir de l'entrepôt publié",
		Args:  exactArgs(0),
		RunE:  a.locked(a.fromMarts(a.writeDashboard)),
	}
}

func (a *app) queryCommand() *cobra.Command {
	format := "table"
	cmd := &cobra.Command{
		Use:   `query "SQL"`,
		Short: "Interroger l'entrepôt publié (lecture seule) et afficher le résultat en tableau, CSV ou JSON",
		Example: `  enfance query "SELECT nom_commune, population FROM marts.dim_commune ORDER BY population DESC LIMIT 5"
  enfance query --format csv "SELECT * FROM marts.couverture_commune" > couverture.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := queryFormats[format]
			if !ok {
				return usageError{fmt.Errorf("--format %q : table, csv ou json", format)}
			}
			db, err := warehouse.OpenReadOnly(a.warehousePath())
			if err != nil {
				return err
			}
			defer db.Close()
			return runQuery(cmd.Context(), a.stdout, db, args[0], write)
		},
	}
	cmd.Flags().StringVar(&format, "format", format, "table (pour lire), csv (séparateur virgule, UTF-8) ou json (un tableau d'objets)")
	return cmd
}

func (a *app) schemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Afficher le dictionnaire des données des marts (Markdown)",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withMarts(func(r *marts.Reader) error {
				tables, err := r.Dictionary(cmd.Context())
				if err != nil {
					return err
				}
				_, err = a.stdout.Write(marts.Markdown(tables))
				return err
			})
		},
	}
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Afficher la version d'enfance, de DuckDB et de Go",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			duck, err := duckdbVersion(cmd.Context())
			if err != nil {
				return err
			}
			a.printf("enfance %s\nDuckDB %s\n%s\n", version(), duck, runtime.Version())
			return nil
		},
	}
}

// version is the module version, or the commit the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(inconnue)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev " + s.Value[:12]
		}
	}
	return "dev"
}

func duckdbVersion(ctx context.Context) (string, error) {
	db, err := warehouse.OpenMemory()
	if err != nil {
		return "", err
	}
	defer db.Close()
	var v string
	if err := db.QueryRowContext(ctx, "SELECT version()").Scan(&v); err != nil {
		return "", fmt.Errorf("version de DuckDB : %w", err)
	}
	return v, nil
}
