package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"enfance/internal/config"
	"enfance/internal/warehouse"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1
	exitUsage    = 2
	exitRejected = 3
	// exitIncomplete: the documents were published, but figures of their year rest on missing,
	// refused or partial exports (each is marked where it is shown).
	exitIncomplete = 4
)

// app is what every command shares: the settings of the run and where to write.
type app struct {
	stdout, stderr io.Writer
	logger         *slog.Logger
	now            func() time.Time

	cfg        config.Config
	configPath string
	year       int
	strict     bool
	quiet      bool
	verbose    bool
	dataFlag   string
	outFlag    string

	fingerprint string          // of the key of the pseudonyms, once loaded
	published   map[output]bool // what this run has published: what an interruption leaves new

	onProgress func(what string, done, total int) // set by the desk: progress goes to its page
}

// output is one of the sets of files a run publishes, named as messages name it.
type output string

// The outputs of a run, in the order it publishes them.
const (
	outWarehouse output = "l'entrepôt"
	outParquet   output = "les fichiers Parquet"
	outReports   output = "les rapports"
	outDashboard output = "le tableau de bord"
)

var outputOrder = []output{outWarehouse, outParquet, outReports, outDashboard}

// publish notes that an output is new.
func (a *app) publish(o output) {
	if a.published == nil {
		a.published = map[output]bool{}
	}
	a.published[o] = true
}

// interrupted says which outputs an interrupted run left new, and which are the previous run's.
func (a *app) interrupted() string {
	var fresh, old []string
	for _, o := range outputOrder {
		if a.published[o] {
			fresh = append(fresh, string(o))
		} else {
			old = append(old, string(o))
		}
	}
	if len(fresh) == 0 {
		return "rien n'a été publié : " + strings.Join(old, ", ") + " sont ceux du traitement précédent"
	}
	return "seuls sont nouveaux : " + strings.Join(fresh, ", ") + " ; " + strings.Join(old, ", ") +
		" sont ceux du traitement précédent : relancez le traitement"
}

// usageError is a mistake in the command line rather than in the data.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errIncomplete means the documents were published on incomplete data.
var errIncomplete = errors.New("documents publiés sur des données incomplètes")

// errRejected means rows were rejected and --strict asked for that to fail the run.
var errRejected = errors.New("des lignes ont été rejetées et --strict est demandé")

// Run runs the command line args and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(ctx, args, stdin, stdout, stderr, time.Now)
}

// run is Run with the clock given, for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdout: stdout, stderr: stderr, now: now}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "enfance : interrompu ; "+a.interrupted())
		return exitFailure
	}
	if errors.Is(err, errIncomplete) {
		return exitIncomplete // the summary on stdout has said so
	}
	fmt.Fprintf(stderr, "enfance : %v\n", err)
	switch {
	case errors.As(err, new(usageError)):
		fmt.Fprintln(stderr, "Voir « enfance --help ».")
		return exitUsage
	case errors.Is(err, errRejected):
		return exitRejected
	}
	return exitFailure
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "enfance",
		Short:         "Entrepôt de données et rapports du service Enfance-Jeunesse",
		Long:          "enfance charge les exports des structures Enfance-Jeunesse dans un entrepôt DuckDB,\ncalcule les indicateurs de la CAF et de la CTG et produit rapports PDF et tableau de bord HTML.",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.setup(cmd)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&a.dataFlag, "data", "", "dossier des exports (par défaut : chemins.donnees du fichier de territoire, sinon data/exports)")
	f.StringVar(&a.outFlag, "out", "", "dossier des résultats (par défaut : chemins.sortie, sinon out)")
	f.StringVar(&a.configPath, "config", "", "fichier de territoire TOML (par défaut : la CCHF)")
	f.IntVar(&a.year, "year", 0, "année décrite par les rapports (par défaut : la dernière année complète)")
	f.BoolVar(&a.strict, "strict", false, "échouer (code 3) si une ligne est rejetée")
	f.BoolVarP(&a.quiet, "quiet", "q", false, "n'afficher que les avertissements et les erreurs")
	f.BoolVarP(&a.verbose, "verbose", "v", false, "afficher le détail de chaque étape")
	root.Args = unknownCommand
	root.SuggestionsMinimumDistance = 2
	root.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetUsageTemplate(usageTemplate)
	root.PersistentFlags().BoolP("help", "h", false, "afficher cette aide")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError{fmt.Errorf("option invalide : %w", err)}
	})
	root.AddCommand(
		a.runCommand(), a.demoCommand(), a.ingestCommand(), a.transformCommand(), a.checkCommand(),
		a.reportCommand(), a.dashboardCommand(), a.queryCommand(), a.schemaCommand(), a.inspectCommand(), a.serveCommand(), a.versionCommand(),
	)
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Short, c.Long = "Afficher l'aide d'une commande", ""
		}
	}
	return root
}

// setup builds the configuration (defaults, then the territory file, then flags) and the logger.
func (a *app) setup(cmd *cobra.Command) error {
	level := slog.LevelInfo
	switch {
	case a.quiet && a.verbose:
		return usageError{errors.New("--quiet et --verbose s'excluent")}
	case a.quiet:
		level = slog.LevelWarn
	case a.verbose:
		level = slog.LevelDebug
	}
	a.logger = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level, ReplaceAttr: frenchLog(a.verbose)}))
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	if a.dataFlag != "" {
		cfg.Chemins.Donnees = a.dataFlag
	}
	if a.outFlag != "" {
		cfg.Chemins.Sortie = a.outFlag
	}
	if a.year != 0 {
		cfg.Territoire.AnneeReference = a.year
	}
	if err := cfg.Validate(); err != nil {
		return usageError{err}
	}
	a.cfg = cfg
	return nil
}

// loadConfig reads the territory file, whose relative paths are relative to its own folder.
func (a *app) loadConfig() (config.Config, error) {
	if a.configPath == "" {
		return config.Default(), nil
	}
	f, err := os.Open(a.configPath)
	if err != nil {
		return config.Config{}, usageError{fmt.Errorf("fichier de territoire illisible : %w", err)}
	}
	defer f.Close()
	cfg, err := config.Load(f, a.configPath)
	if err != nil {
		return cfg, usageError{err}
	}
	dir := filepath.Dir(a.configPath)
	paths := []struct {
		key string
		p   *string
	}{{"chemins.donnees", &cfg.Chemins.Donnees}, {"chemins.sortie", &cfg.Chemins.Sortie}, {"chemins.reference", &cfg.Chemins.Reference}}
	for _, c := range paths {
		if *c.p == "" {
			continue
		}
		// A territory file is shared: its folders stay beside it, so that it cannot send a run's
		// outputs anywhere on the machine. --data and --out choose other places on purpose.
		if filepath.IsAbs(*c.p) || !filepath.IsLocal(*c.p) {
			return cfg, usageError{fmt.Errorf("%s : %s « %s » sort du dossier du fichier de territoire : donnez un chemin relatif à ce dossier, ou choisissez-le avec --data ou --out", a.configPath, c.key, *c.p)}
		}
		*c.p = filepath.Join(dir, *c.p)
	}
	return cfg, nil
}

// usageTemplate is cobra's help page, in French.
const usageTemplate = `Utilisation :{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [commande]{{end}}{{if gt (len .Aliases) 0}}

Autres noms :
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Exemple :
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commandes :{{range .Commands}}{{if .IsAvailableCommand}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Options :
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Options communes :
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Codes de sortie : 0 réussi ; 1 échec ; 2 commande mal écrite ; 3 lignes rejetées avec --strict ;
4 documents publiés, mais des chiffres de leur année reposent sur des exports manquants, refusés
ou partiels (marqués dans les documents).

« {{.CommandPath}} [commande] --help » décrit une commande.{{end}}
`

// exactArgs checks the number of arguments of a command.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == n:
			return nil
		case n == 0:
			return usageError{fmt.Errorf("« enfance %s » ne prend pas d'argument (reçu : %q)", cmd.Name(), args)}
		}
		return usageError{fmt.Errorf("« enfance %s » prend %d argument(s), reçu %d", cmd.Name(), n, len(args))}
	}
}

// unknownCommand refuses a command that does not exist, suggesting the nearest one.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("commande inconnue « %s »", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" ; vouliez-vous dire « %s » ?", s[0])
	}
	return usageError{errors.New(msg)}
}

// path of the published warehouse and the output folders.
func (a *app) warehousePath() string     { return filepath.Join(a.cfg.Chemins.Sortie, warehouse.FileName) }
func (a *app) outDir(name string) string { return filepath.Join(a.cfg.Chemins.Sortie, name) }

// printf writes a result line on stdout.
func (a *app) printf(format string, args ...any) { fmt.Fprintf(a.stdout, format, args...) }

// frenchLog writes the log lines for the people who read them: keys and levels in French, and the
// time only with --verbose (a run takes seconds; the time adds nothing to a warning).
func frenchLog(verbose bool) func(groups []string, a slog.Attr) slog.Attr {
	levels := map[slog.Level]string{slog.LevelDebug: "détail", slog.LevelInfo: "info", slog.LevelWarn: "attention", slog.LevelError: "erreur"}
	return func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) > 0 {
			return a
		}
		switch a.Key {
		case slog.TimeKey:
			if !verbose {
				return slog.Attr{}
			}
			a.Key = "heure"
		case slog.LevelKey:
			a.Key = "niveau"
			if l, ok := a.Value.Any().(slog.Level); ok && levels[l] != "" {
				a.Value = slog.StringValue(levels[l])
			}
		case slog.MessageKey:
			a.Key = "message"
		}
		return a
	}
}
