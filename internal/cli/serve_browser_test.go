package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"enfance/internal/testtool"
)

// startDesk runs « enfance serve » in process on the folders and returns its address with the
// token, and the lines printed before it.
func startDesk(t *testing.T, data, out string) (string, []string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--out", out, "--no-browser", "--port", "0", "-q"}, strings.NewReader(""), w, io.Discard, clock)
		w.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve ended with code %d", code)
		}
	})
	lines := bufio.NewScanner(r)
	var before []string
	for lines.Scan() {
		address, ok := strings.CutPrefix(lines.Text(), "bureau : ")
		if !ok {
			before = append(before, lines.Text())
			continue
		}
		if !regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+/\?jeton=[0-9a-f]{32}$`).MatchString(address) {
			t.Fatalf("serve printed %q", lines.Text())
		}
		go func() {
			for lines.Scan() {
			}
		}()
		return address, before
	}
	t.Fatalf("serve printed no address: %q", before)
	return "", nil
}

// TestDeskInBrowser drives the desk in headless Chromium as the cheffe de service would: she
// drops an export whose header names a column in her software's words, runs, sees it refused,
// maps the column, runs again, sees it loaded and downloads a PDF.
func TestDeskInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline twice")
	}
	browserPath := testtool.Chromium(t)
	root := t.TempDir()
	data, out := filepath.Join(root, "exports"), filepath.Join(root, "out")
	if err := os.CopyFS(data, os.DirFS("testdata/fixture")); err != nil {
		t.Fatal(err)
	}
	// April's presences, from a software that writes « Temps passé » for the hours done.
	march, err := os.ReadFile("testdata/fixture/eaje_presences_CRECHE_2025-03.csv")
	if err != nil {
		t.Fatal(err)
	}
	april := strings.Replace(strings.ReplaceAll(string(march), "/03/2025", "/04/2025"), "heures_realisees", "Temps passé", 1)
	drop := filepath.Join(t.TempDir(), "eaje_presences_CRECHE_2025-04.csv")
	if err := os.WriteFile(drop, []byte(april), 0o644); err != nil {
		t.Fatal(err)
	}
	address, _ := startDesk(t, data, out)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath), chromedp.NoSandbox, chromedp.Headless,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	defer cancelBrowser()
	var mu sync.Mutex
	var problems []string
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError && !strings.Contains(e.Entry.Text, "favicon") {
				problems = append(problems, "log: "+e.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	base := strings.SplitN(address, "/?", 2)[0]
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// until polls the page until js gives a non-empty string: after a click, the next page is
	// known by what it shows, never by a delay.
	until := func(what, js string) string {
		t.Helper()
		for range 600 {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err == nil && got != "" {
				return got
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Fatalf("%s: nothing after two minutes", what)
		return ""
	}
	// message is the text of the page's first message when it contains want.
	message := func(want string) string {
		return fmt.Sprintf(`(m => m && document.readyState === 'complete' && m.innerText.includes(%q) ? m.innerText : '')(document.querySelector('.message'))`, want)
	}
	// runOnce clicks the button and waits for the outcome, which the page shows when the stream
	// of the run ends and reloads it.
	runs := 0
	runOnce := func() string {
		t.Helper()
		runs++
		do("run", chromedp.Navigate(base+"/traitement"), chromedp.Click(chromedp.CSS("#lancer")))
		return until("run", fmt.Sprintf(`(s => s && s.dataset.numero === '%d' && s.dataset.enCours === 'non' && document.readyState === 'complete' ? document.querySelector('#resultat').innerText : '')(document.querySelector('#suivi'))`, runs))
	}

	do("open with the token", chromedp.EmulateViewport(1100, 760), chromedp.Navigate(address), chromedp.WaitVisible(chromedp.CSS("#zone")))
	do("drop a file", chromedp.SetUploadFiles(chromedp.CSS("#fichiers"), []string{drop}), chromedp.Submit(chromedp.CSS("#fichiers")))
	until("the drop", message("Déposé : « eaje_presences_CRECHE_2025-04.csv »"))
	if got := runOnce(); !strings.Contains(got, "1 fichier refusé") {
		t.Errorf("first run: %q", got)
	}
	do("problems", chromedp.Navigate(base+"/problemes"), chromedp.WaitVisible(chromedp.CSS("#refuses")))
	if got := text("#refuses"); !strings.Contains(got, "eaje_presences_CRECHE_2025-04.csv") || !strings.Contains(got, "heures_realisees") {
		t.Errorf("refused files: %q", got)
	}
	// Filters are query parameters, applied by the server.
	do("filter", chromedp.Navigate(base+"/problemes?structure=ALSH&mois=&motif="), chromedp.WaitVisible(chromedp.CSS("h2")))
	if got := text("main"); !strings.Contains(got, "Fichiers refusés (0)") {
		t.Errorf("refused files of ALSH: %q", got)
	}
	do("filter", chromedp.Navigate(base+"/problemes?structure=CRECHE&mois=2025-04&motif=fichier_refuse"), chromedp.WaitVisible(chromedp.CSS("#refuses")))
	do("open the mapping", chromedp.Click(chromedp.Search(`//table[@id="refuses"]//a[contains(., "associez")]`)))
	until("the mapping", `document.querySelector('#enregistrer') && document.readyState === 'complete' ? 'ok' : ''`)
	do("map the column",
		chromedp.SetValue(chromedp.Search(`//tr[th[normalize-space()="Temps passé"]]//select`), "heures_realisees"),
		chromedp.Click(chromedp.CSS("#enregistrer")))
	if msg := until("the mapping saved", message("Correspondance enregistrée")); !strings.Contains(msg, deskConfigName) {
		t.Errorf("after saving: %q", msg)
	}
	if got := text("#verdict"); !strings.Contains(got, "se charge tel quel") || !strings.Contains(got, "160 chargée(s)") {
		t.Errorf("inspected again: %q", got)
	}
	if got := runOnce(); !strings.Contains(got, "Aucun fichier refusé") {
		t.Errorf("second run: %q", got)
	}
	do("exports", chromedp.Navigate(base+"/exports"), chromedp.WaitVisible(chromedp.CSS("table")))
	if row := text(`tr:has(td[data-fichier="eaje_presences_CRECHE_2025-04.csv"])`); !strings.Contains(row, "chargé") {
		t.Errorf("the dropped file: %q", row)
	}
	if path := os.Getenv("ENFANCE_DESK_SCREENSHOT"); path != "" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do("documents", chromedp.Navigate(base+"/documents"), chromedp.WaitVisible(chromedp.CSS("#documents")))
	head, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const a = Array.from(document.querySelectorAll('#documents a')).find(a => a.href.endsWith('.pdf'));
		const r = await fetch(a.href);
		const b = new Uint8Array(await r.arrayBuffer());
		return r.status + ' ' + String.fromCharCode(...b.slice(0, 5));
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || head != "200 %PDF-" {
		t.Errorf("the PDF: %q, %v", head, err)
	}
	// The dashboard opens from the desk in a sandbox of its own: its charts still draw.
	do("dashboard", chromedp.Navigate(base+"/fichiers/dashboards/index.html"))
	until("the dashboard's charts", `document.readyState === 'complete' && document.querySelectorAll('canvas').length > 0 ? 'ok' : ''`)
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("in the page: %s", p)
	}
}
