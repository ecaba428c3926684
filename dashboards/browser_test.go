package dashboards

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"enfance/internal/testtool"
)

// emulateNetworkConditions cuts the page's network. cdproto no longer generates this command,
// which Chromium still serves; its successor by rule refuses an empty pattern.
var emulateNetworkConditions = cdp.Command[offline, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type offline struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

type chartState struct {
	ID     string `json:"id"`
	Points int    `json:"points"`
	Drawn  bool   `json:"drawn"`
}

// chartsJS lists every chart container with the data points of its ECharts instance.
const chartsJS = `Array.from(document.querySelectorAll('div.graphique[id]')).map(el => {
	const c = echarts.getInstanceByDom(el);
	const o = c ? c.getOption() : null;
	const canvas = el.querySelector('canvas');
	return {
		id: el.id,
		points: o ? o.series.reduce((n, s) => n + (s.data ? s.data.length : 0), 0) : 0,
		drawn: !!canvas && canvas.width > 0 && canvas.height > 0,
	};
})`

// browser starts headless Chromium for the test; tabs opened from the context it returns share
// that browser.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(testtool.Chromium(t)), chromedp.NoSandbox, chromedp.Headless,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// tab is a page open in headless Chromium with the network cut, and what it did: the requests
// it made to any host, and its problems (exceptions, errors and warnings in the console, errors
// in the browser's log such as a Content-Security-Policy violation).
type tab struct {
	ctx                context.Context
	mu                 sync.Mutex
	requests, problems []string
}

// open writes html to a file and opens it, offline, in a new tab of the browser.
func open(t *testing.T, browser context.Context, html string) *tab {
	t.Helper()
	path := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	if err := chromedp.Listen(ctx, tb.record); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulateNetworkConditions, offline{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	return tb
}

func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if u := e.Request.URL; !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			tb.requests = append(tb.requests, u)
		}
	case *runtime.EventExceptionThrown:
		tb.problems = append(tb.problems, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			tb.problems = append(tb.problems, string(e.Type)+" in the console")
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			tb.problems = append(tb.problems, "log: "+e.Entry.Text)
		}
	}
}

// exceptionText is the message of an exception, when the browser gives one.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception == nil {
		return ""
	}
	return d.Exception.Description
}

// checkQuiet fails t when the page asked the network for anything or had a problem.
func (tb *tab) checkQuiet(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.requests) > 0 {
		t.Errorf("the page asked the network for %v", tb.requests)
	}
	if len(tb.problems) > 0 {
		t.Errorf("problems: %v", tb.problems)
	}
}

// checkCharts fails t unless the page has its 14 charts, each drawn with data.
func (tb *tab) checkCharts(t *testing.T) {
	t.Helper()
	charts, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]chartState](chartsJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		if !c.Drawn || c.Points == 0 {
			t.Errorf("chart %s: drawn %v with %d data points", c.ID, c.Drawn, c.Points)
		}
	}
	if len(charts) != 14 {
		t.Errorf("%d charts drawn, want 14", len(charts))
	}
}

// TestRendersOffline opens the page in headless Chromium with the network cut, and checks that
// every chart holds a drawn ECharts instance with data, that the page asked no host for
// anything and that the console shows no error.
func TestRendersOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	tb := open(t, browser(t), render(t))
	ctx := tb.ctx
	tb.checkCharts(t)
	// What the tooltips say comes from the marts, formatted the French way, small counts hidden.
	checks := map[string]string{
		`JSON.stringify(CHARTS["sejours"].getOption().series[1].data.map(d => d.value === undefined ? null : d.value))`: `[22,null]`,
		`JSON.stringify(CHARTS["eaje_occupation_mois"].getOption().series[0].data.map(d => d.value[2]))`:                `[0.73,0.7,0.61]`,
		`enfance.personnes(null)`: "<\u00a05",
		`enfance.pct(0.732)`:      "73,2\u00a0%",
		`enfance.num(1465)`:       "1\u202f465",
		`document.getElementById("bandeau-demo") !== null ? "oui" : "non"`: "oui",
	}
	for js, want := range checks {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	// A masked count is written where its bar would be, drawn on the canvas.
	const maskedText = `(() => { const z = CHARTS["sejours"].getZr(); z.flush(); const texts = [];
		z.storage.getDisplayList(true).forEach(el => { if (el.style && el.style.text) texts.push(el.style.text); });
		return texts.filter(t => t === "<\u00a05").length + " " + texts.includes("22"); })()`
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](maskedText)); err != nil || got != "1 false" {
		t.Errorf("the séjours chart draws %q masked labels (%v), want 1 « < 5 » and no figure of the masked bar", got, err)
	}
	// A year without figures for a chart says so, rather than keep the year shown before.
	const switchYear = `(() => { montrer("2024"); const o = CHARTS["eaje_occupation_mois"].getOption();
		return o.series.length + " " + o.title[0].text; })()`
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](switchYear)); err != nil || got != "0 Pas de données pour 2024" {
		t.Errorf("after choosing 2024, the monthly occupancy chart shows %q (%v), want that there are no figures", got, err)
	}
	const qualityShown = `[...document.querySelectorAll("table[data-annee]")].filter(t => !t.hidden).map(t => t.dataset.annee).join(" ")`
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](qualityShown)); err != nil || got != "2024" {
		t.Errorf("after choosing 2024, the data-quality tables shown are %q (%v), want 2024's alone", got, err)
	}
	checkScopes(t, ctx)
	tb.checkQuiet(t)
}

// checkScopes chooses a commune, then an antenne, in the selector: the charts of structures keep
// the scope's, a chart without any says so, the charts of the whole territory say it, and the map
// outlines the scope's communes.
func checkScopes(t *testing.T, ctx context.Context) {
	t.Helper()
	const state = `(() => { const o = id => CHARTS[id].getOption();
		const title = id => o(id).title && o(id).title.length ? o(id).title[0].text : "";
		const notes = [...document.querySelectorAll("p.territoire-entier")].filter(p => !p.hidden).length;
		const selected = CHARTS["couverture_carte"] ? JSON.stringify(CHARTS["couverture_carte"].getModel().getSeriesByIndex(0).getSelectedDataIndices()) : "";
		return [o("eaje_occupation_mois").yAxis[0].data.join("+") + " " + o("eaje_occupation_mois").xAxis[0].data.length, title("acm_remplissage"), o("rpe_ateliers").xAxis[0].data.join("+"),
			title("formation_depart"), notes, selected].join(" | "); })()`
	for _, tt := range []struct{ scope, want string }{
		{"commune:59067", "Multi-accueil 12 | Rien à montrer pour Bergues en 2025 | Antenne de Bergues | Taux de départ en formation des assistants maternels | 5 | []"},
		{"antenne:ANT-BERGUES", "Multi-accueil+Le Bambibus 12 | Rien à montrer pour Antenne de Bergues en 2025 | Antenne de Bergues | Rien à montrer pour Antenne de Bergues en 2025 | 5 | [0]"},
		{"territoire", "Multi-accueil+Le Bambibus 12 | Taux de remplissage des accueils de mineurs par période (2025) | Antenne de Bergues | Taux de départ en formation des assistants maternels | 0 | []"},
	} {
		js := `(() => { PORTEE.value = "` + tt.scope + `"; PORTEE.dispatchEvent(new Event("change")); return ` + state + `; })()`
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil || got != tt.want {
			t.Errorf("scope %s: %q (%v), want %q", tt.scope, got, err, tt.want)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { PORTEE.value = "territoire"; ANNEE.value = "2025"; redessiner(); return ""; })()`)); err != nil {
		t.Fatal(err)
	}
}
