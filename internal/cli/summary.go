package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"enfance/ingest"
	"enfance/internal/frfmt"
)

// printSummary writes what the load of exports did: a line per kind, then every file that was
// not loaded whole, with its first reason.
func (a *app) printSummary(dir string, sum *ingest.Summary) {
	if len(sum.Files) == 0 {
		a.printf("exports : aucun fichier dans %s\n", dir)
		return
	}
	type totals struct{ files, read, loaded, rejected int }
	byKind := map[string]*totals{}
	var kinds []string
	var all totals
	for _, f := range sum.Files {
		if f.Status != ingest.StatusLoaded {
			continue
		}
		t := byKind[f.Kind]
		if t == nil {
			t = &totals{}
			byKind[f.Kind] = t
			kinds = append(kinds, f.Kind)
		}
		for _, x := range []*totals{t, &all} {
			x.files++
			x.read += f.Read
			x.loaded += f.Loaded
			x.rejected += f.Rejected
		}
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type d'export\tfichiers\tlignes lues\tchargées\trejetées\t")
	slices.Sort(kinds)
	for _, k := range kinds {
		t := byKind[k]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", k, frfmt.Int(t.files), frfmt.Int(t.read), frfmt.Int(t.loaded), frfmt.Int(t.rejected))
	}
	fmt.Fprintf(tw, "total\t%s\t%s\t%s\t%s\t\n", frfmt.Int(all.files), frfmt.Int(all.read), frfmt.Int(all.loaded), frfmt.Int(all.rejected))
	tw.Flush()
	for _, f := range sum.Files {
		switch {
		case f.Status == ingest.StatusRefused:
			a.printf("refusé : %s : %s\n", f.Path, f.Detail)
		case f.Status != ingest.StatusLoaded:
			a.printf("ignoré : %s : %s\n", f.Path, f.Detail)
		case f.Rejected > 0:
			a.printf("rejets : %s : %s ligne(s) rejetée(s), %s\n", f.Path, frfmt.Int(f.Rejected), f.FirstReason)
		}
		for _, w := range f.Warnings {
			a.logger.Warn(w, "fichier", f.Path)
		}
	}
}

// progress returns a function that shows a count on a terminal's stderr, and nothing when
// stderr is a file or a pipe.
func (a *app) progress(what string) func(done, total int) {
	if a.onProgress != nil {
		return func(done, total int) { a.onProgress(what, done, total) }
	}
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || a.quiet {
		return nil
	}
	return func(done, total int) {
		width := 30
		filled := width * done / max(total, 1)
		fmt.Fprintf(f, "\r[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), done, total, what)
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}
