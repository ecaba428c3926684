package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/encoding/charmap"

	"enfance/internal/config"
	"enfance/internal/marts"
	"enfance/internal/warehouse"
	"enfance/reports"
)

// measure is one timed command.
type measure struct {
	stage   string
	took    time.Duration
	peakMiB float64
	rows    int
}

func run(args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	bin := fs.String("bin", "bin/enfance", "the enfance binary to measure")
	dir := fs.String("dir", "bench/work", "scratch folder (emptied)")
	scales := fs.String("scales", "10", "larger scales to run after scale 1, comma-separated (e.g. 10,50)")
	report := fs.String("out", "bench/latest.txt", "where to write the figures")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	b := &bench{bin: *bin, dir: *dir, out: stdout}
	if err := b.all(strings.Split(*scales, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	if err := os.WriteFile(*report, []byte(b.text.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	return 0
}

type bench struct {
	bin, dir string
	out      io.Writer
	text     strings.Builder
}

func (b *bench) printf(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	fmt.Fprint(b.out, s)
	b.text.WriteString(s)
}

// exec runs the binary and returns its wall time and peak resident memory; a failure carries the
// binary's output.
func (b *bench) exec(args ...string) (time.Duration, float64, error) {
	cmd := exec.Command(b.bin, args...)
	cmd.Env = append(os.Environ(), "ENFANCE_SECRET="+filepath.Join(b.dir, "secret"))
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil {
		return took, 0, fmt.Errorf("%s %v: %w\n%s", b.bin, args, err, out.String())
	}
	peak := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB → MiB
	return took, peak, nil
}

func (b *bench) all(scales []string) error {
	if err := os.RemoveAll(b.dir); err != nil {
		return err
	}
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		return err
	}
	b.printf("enfance bench — %s, %d cœurs, %s\n\n", time.Now().Format(time.DateTime), runtime.NumCPU(), runtime.Version())
	demo, out := filepath.Join(b.dir, "demo"), filepath.Join(b.dir, "out")
	stages := []struct {
		name string
		args []string
	}{
		{"demo (écriture des exports)", []string{"demo", "--out", demo, "-q"}},
		{"ingest", []string{"ingest", "--data", demo, "--out", out, "-q"}},
		{"transform + tests", []string{"transform", "--out", out, "-q"}},
		{"report", []string{"report", "--out", out, "-q"}},
		{"dashboard", []string{"dashboard", "--out", out, "-q"}},
		{"run (tout)", []string{"run", "--data", demo, "--out", out, "-q"}},
	}
	rows := 0
	var measures []measure
	for _, s := range stages {
		took, peak, err := b.exec(s.args...)
		if err != nil {
			return err
		}
		if rows == 0 {
			if rows, err = manifestRows(demo); err != nil {
				return err
			}
		}
		m := measure{stage: s.name, took: took, peakMiB: peak}
		if s.name == "ingest" || strings.HasPrefix(s.name, "demo") || strings.HasPrefix(s.name, "run") {
			m.rows = rows
		}
		measures = append(measures, m)
	}
	b.table("Territoire de démonstration (échelle 1)", measures)
	b.printf("\nObjectif : run sous 10 s → %s\n", verdict(measures[len(measures)-1].took < 10*time.Second))
	if err := b.pages(out); err != nil {
		return err
	}
	if err := b.versusReadCSV(demo); err != nil {
		return err
	}
	return b.scales(scales, measures[len(measures)-1], rows)
}

func (b *bench) table(title string, ms []measure) {
	b.printf("%s\n%-30s %10s %14s %12s\n", title, "étape", "durée", "lignes/s", "mémoire max")
	for _, m := range ms {
		rate := "–"
		if m.rows > 0 {
			rate = strconv.Itoa(int(float64(m.rows)/m.took.Seconds())) + " /s"
		}
		b.printf("%-30s %9.2fs %14s %9.0f Mo\n", m.stage, m.took.Seconds(), rate, m.peakMiB)
	}
}

func verdict(ok bool) string {
	if ok {
		return "atteint"
	}
	return "NON atteint"
}

// manifestRows reads the demo's row count from its manifest.
func manifestRows(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "demo-manifeste.json"))
	if err != nil {
		return 0, err
	}
	var m struct {
		Rows int `json:"lignes"`
	}
	return m.Rows, json.Unmarshal(b, &m)
}

// pages times the making of every report in process, from the published marts, over several
// rounds: the time per page, without the start of the program.
func (b *bench) pages(out string) error {
	r, err := marts.Open(filepath.Join(out, warehouse.FileName))
	if err != nil {
		return err
	}
	defer r.Close()
	const rounds = 10
	pages := 0
	start := time.Now()
	for range rounds {
		bundle, err := r.ReadAll(context.Background())
		if err != nil {
			return err
		}
		docs, err := reports.Generate(bundle, 0)
		if err != nil {
			return err
		}
		for _, d := range docs {
			pages += d.Pages
		}
	}
	perPage := time.Since(start) / time.Duration(max(pages, 1))
	b.printf("PDF : %d pages faites en %d tours, %.1f ms par page (lecture des marts comprise) → objectif 50 ms : %s\n",
		pages/rounds, rounds, float64(perPage.Microseconds())/1000, verdict(perPage < 50*time.Millisecond))
	return nil
}

// versusReadCSV loads the presence files (about nine rows in ten of the demo) twice: with the
// ingest, and with DuckDB's read_csv of the same files turned into UTF-8 (read_csv cannot read
// Windows-1252 offline). The ingest also decodes, validates and pseudonymises.
func (b *bench) versusReadCSV(demo string) error {
	sub := filepath.Join(b.dir, "presences")
	plain := filepath.Join(b.dir, "presences-utf8")
	rows := 0
	err := filepath.WalkDir(demo, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		keep := strings.HasPrefix(name, "acm_presences") || strings.HasPrefix(name, "eaje_presences")
		context := strings.HasPrefix(name, "structures") || strings.HasPrefix(name, "antennes_rpe") ||
			strings.HasPrefix(name, "eaje_capacites") || strings.HasPrefix(name, "acm_periodes")
		if !keep && !context {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(demo, p)
		if err := write(filepath.Join(sub, rel), data); err != nil {
			return err
		}
		if !keep {
			return nil
		}
		utf8, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return err
		}
		rows += strings.Count(string(utf8), "\n") - 1
		kind := "acm"
		if strings.HasPrefix(name, "eaje") {
			kind = "eaje"
		}
		return write(filepath.Join(plain, kind, strings.ReplaceAll(rel, string(filepath.Separator), "_")), utf8)
	})
	if err != nil {
		return err
	}
	ingest, _, err := b.exec("ingest", "--data", sub, "--out", filepath.Join(b.dir, "out-presences"), "-q")
	if err != nil {
		return err
	}
	// DuckDB loads the same rows into a warehouse file, as the ingest does: table, checkpoint.
	ctx := context.Background()
	start := time.Now()
	b2, err := warehouse.Build(ctx, filepath.Join(b.dir, "read_csv", warehouse.FileName))
	if err != nil {
		return err
	}
	for _, kind := range []string{"acm", "eaje"} {
		q := "CREATE TABLE raw." + kind + " AS SELECT * FROM read_csv(" + warehouse.Literal(filepath.Join(plain, kind, "*.csv")) +
			", delim = ';', decimal_separator = ',', dateformat = '%d/%m/%Y', header = true, union_by_name = true)"
		if _, err := b2.DB.ExecContext(ctx, q); err != nil {
			b2.Abort()
			return err
		}
	}
	if err := b2.Publish(ctx); err != nil {
		return err
	}
	readCSV := time.Since(start)
	b.printf("\nIngest des présences (%d lignes) dans un entrepôt : %.2f s ; read_csv de DuckDB des mêmes fichiers en UTF-8 dans un entrepôt (table, checkpoint) : %.2f s\n",
		rows, ingest.Seconds(), readCSV.Seconds())
	b.printf("Rapport ingest / read_csv : %.2f → objectif 1,5 : %s\n", ingest.Seconds()/readCSV.Seconds(),
		verdict(ingest.Seconds() <= 1.5*readCSV.Seconds()))
	return nil
}

func write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// scales writes the demo at larger scales and runs the whole pipeline on each, to show how time
// and memory grow with the work.
func (b *bench) scales(scales []string, base measure, baseRows int) error {
	b.printf("\nMontée en charge (demo --scale N puis run)\n%-8s %12s %10s %14s %12s %16s\n",
		"échelle", "lignes", "durée", "lignes/s", "mémoire max", "durée / échelle 1")
	b.printf("%-8d %12d %9.2fs %12d/s %9.0f Mo %16s\n", 1, baseRows, base.took.Seconds(),
		int(float64(baseRows)/base.took.Seconds()), base.peakMiB, "1.00")
	worst, worstScale, peakMiB := 0.0, 1, base.peakMiB
	for _, s := range scales {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 1 {
			continue
		}
		demo, out := filepath.Join(b.dir, "demo-"+s), filepath.Join(b.dir, "out-"+s)
		if _, _, err := b.exec("demo", "--out", demo, "--scale", s, "-q"); err != nil {
			return err
		}
		rows, err := manifestRows(demo)
		if err != nil {
			return err
		}
		took, peak, err := b.exec("run", "--data", demo, "--out", out, "-q")
		if err != nil {
			return err
		}
		b.printf("%-8d %12d %9.2fs %12d/s %9.0f Mo %16.2f\n", n, rows, took.Seconds(),
			int(float64(rows)/took.Seconds()), peak, took.Seconds()/base.took.Seconds())
		// Time per unit of work, relative to scale 1: above 1, cost grows faster than the work.
		if g := took.Seconds() / base.took.Seconds() * float64(baseRows) / float64(rows); g > worst {
			worst, worstScale = g, n
		}
		peakMiB = max(peakMiB, peak)
		if err := os.RemoveAll(demo); err != nil {
			return err
		}
	}
	if worst > 0 {
		b.printf("Objectif : durée au plus linéaire → %s (durée par ligne, rapportée à l'échelle 1 : au plus %.2f, à l'échelle %d)\n",
			verdict(worst <= 1), worst, worstScale)
	}
	limit := config.Default().Moteur.Memoire
	limitBytes, err := config.MemoryBytes(limit)
	if err != nil {
		return err
	}
	limitMiB := limitBytes / (1 << 20)
	b.printf("Objectif : mémoire sous la limite de DuckDB (moteur.memoire = %s) → %s (processus au plus %.0f Mo)\n",
		limit, verdict(peakMiB < limitMiB), peakMiB)
	return nil
}
