package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"enfance/desk"
	"enfance/ingest"
)

// deskConfigName is the territory file the desk creates beside the exports folder when a
// mapping is saved and no --config was given.
const deskConfigName = "territoire.toml"

func (a *app) serveCommand() *cobra.Command {
	var port int
	var noBrowser bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Ouvrir le bureau : une page web locale pour déposer les exports, lancer le traitement, voir les problèmes et obtenir les documents",
		Long: "serve ouvre dans le navigateur le bureau du service : une page sur cet ordinateur seulement (127.0.0.1),\n" +
			"protégée par un jeton, pour déposer les exports, lancer le traitement, voir les fichiers refusés et les lignes\n" +
			"rejetées, associer les colonnes d'un fichier refusé et télécharger les documents. Ctrl+C l'arrête.",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.serve(cmd.Context(), port, !noBrowser)
		},
	}
	cmd.Flags().IntVar(&port, "port", 8765, "port local du bureau (0 : n'importe quel port libre)")
	cmd.Flags().BoolVar(&noBrowser, "no-browser", false, "ne pas ouvrir le navigateur (l'adresse est affichée)")
	return cmd
}

// serve runs the desk until ctx ends.
func (a *app) serve(ctx context.Context, port int, browser bool) error {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return usageError{fmt.Errorf("bureau : le port %d n'est pas libre (%w) ; choisissez-en un autre avec --port", port, err)}
	}
	defer ln.Close()
	d, err := a.newDesk(ctx, ln.Addr().(*net.TCPAddr).Port)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: d.Handler(), ReadHeaderTimeout: 10 * time.Second}
	a.printf("bureau : %s\n", d.URL())
	a.printf("(gardez cette fenêtre ouverte pendant que vous utilisez le bureau ; Ctrl+C l'arrête)\n")
	if browser {
		if err := openBrowser(d.URL()); err != nil {
			a.printf("le navigateur ne s'est pas ouvert (%v) : copiez l'adresse ci-dessus dans votre navigateur\n", err)
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-done
		// A run under way was told to stop with ctx: let it leave the published files as they were.
		for wait := 0; d.Running() && wait < 300; wait++ {
			time.Sleep(100 * time.Millisecond)
		}
		a.printf("bureau fermé\n")
		return nil
	}
	return err
}

// deskBackend lends the desk the pipeline and the inspection, on a copy of the app per use, so
// that a run, an inspection and a change of the territory file never share state.
type deskBackend struct {
	mu   sync.Mutex
	base *app
}

// newDesk builds the desk on the app's folders and territory file. Without --config, a
// territoire.toml the desk created beside the exports folder earlier is read.
func (a *app) newDesk(ctx context.Context, port int) (*desk.Server, error) {
	be := &deskBackend{base: a}
	newConfig := filepath.Join(filepath.Dir(filepath.Clean(a.cfg.Chemins.Donnees)), deskConfigName)
	if a.configPath == "" {
		if _, err := os.Stat(newConfig); err == nil {
			if err := be.configSaved(newConfig); err != nil {
				return nil, err
			}
			a.printf("fichier du territoire : %s\n", newConfig)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return desk.New(ctx, desk.Options{
		Exports: a.cfg.Chemins.Donnees, Outputs: a.cfg.Chemins.Sortie, Warehouse: a.warehousePath(),
		Config: a.configPath, NewConfig: newConfig, Port: port,
		Run: be.run, Inspect: be.inspect, ConfigSaved: be.configSaved, Logger: a.logger, Now: a.now,
	})
}

// snapshot is a copy of the app for one use of the desk.
func (be *deskBackend) snapshot() *app {
	be.mu.Lock()
	defer be.mu.Unlock()
	c := *be.base
	c.published = nil
	return &c
}

// run runs « enfance run »'s own command, under its lock, and tells the desk what it prints.
func (be *deskBackend) run(ctx context.Context, progress func(desk.Event)) desk.Outcome {
	c := be.snapshot()
	lines := &lineWriter{emit: func(line string) { progress(desk.Event{Line: line, Stage: stageOf(line)}) }}
	c.stdout = lines
	c.quiet = false
	c.logger = slog.New(slog.NewTextHandler(io.MultiWriter(c.stderr, lines), &slog.HandlerOptions{Level: slog.LevelWarn, ReplaceAttr: frenchLog(false)}))
	c.onProgress = func(what string, done, total int) {
		e := desk.Event{Stage: "chargement des exports", Done: done, Total: total}
		if done == total {
			e.Stage = "calcul des indicateurs et tests de données"
		}
		progress(e)
	}
	progress(desk.Event{Stage: "chargement des exports"})
	cmd := c.runCommand()
	cmd.SetContext(ctx)
	err := cmd.RunE(cmd, nil)
	lines.flush()
	o := desk.Outcome{Log: lines.text()}
	switch {
	case err == nil:
		o.Code = exitOK
	case ctx.Err() != nil:
		o.Code, o.Err = exitFailure, "interrompu ; "+c.interrupted()
	case errors.Is(err, errIncomplete):
		o.Code = exitIncomplete
	case errors.As(err, new(usageError)):
		o.Code, o.Err = exitUsage, err.Error()
	case errors.Is(err, errRejected):
		o.Code, o.Err = exitRejected, err.Error()
	default:
		o.Code, o.Err = exitFailure, err.Error()
	}
	progress(desk.Event{Stage: "terminé"})
	return o
}

// stageOf names the stage a line of the run's summary opens.
func stageOf(line string) string {
	switch {
	case strings.HasPrefix(line, "entrepôt : "):
		return "publication des fichiers Parquet, des rapports et du tableau de bord"
	case strings.HasPrefix(line, "parquet : "):
		return "écriture des rapports"
	case strings.HasPrefix(line, "fiches communes : "):
		return "écriture du tableau de bord"
	}
	return ""
}

// inspect tells what « enfance inspect » tells of one file.
func (be *deskBackend) inspect(ctx context.Context, path string) (ingest.Inspection, error) {
	c := be.snapshot()
	c.stdout = io.Discard
	cmd := &cobra.Command{}
	cmd.SetContext(ctx)
	ins, err := c.inspect(cmd, []string{path})
	if err != nil {
		return ingest.Inspection{}, err
	}
	if len(ins) != 1 {
		return ingest.Inspection{}, fmt.Errorf("inspection de %s : %d résultats", path, len(ins))
	}
	return ins[0], nil
}

// configSaved reads the territory file again after the desk wrote it. The session's folders
// stay the ones it started with.
func (be *deskBackend) configSaved(path string) error {
	c := be.snapshot()
	c.configPath = path
	cfg, err := c.loadConfig()
	if err != nil {
		return err
	}
	cfg.Chemins.Donnees, cfg.Chemins.Sortie = c.cfg.Chemins.Donnees, c.cfg.Chemins.Sortie
	if c.year != 0 {
		cfg.Territoire.AnneeReference = c.year
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	be.mu.Lock()
	defer be.mu.Unlock()
	be.base.cfg, be.base.configPath = cfg, path
	return nil
}

// lineWriter cuts what a run prints into lines.
type lineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	all  strings.Builder
	emit func(string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	w.all.Write(p)
	for {
		i := bytes.IndexByte(w.buf.Bytes(), '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(w.buf.Next(i + 1))
		w.emit(strings.TrimRight(line, "\r\n"))
	}
}

func (w *lineWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() > 0 {
		w.emit(w.buf.String())
		w.buf.Reset()
	}
}

func (w *lineWriter) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.all.String()
}

// openBrowser asks the system to open url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
