package dashboards

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"enfance/internal/marts"
)

// payloads are texts an export could carry to run script in the page; each would set
// window.pwned and the page's title.
var payloads = []struct{ name, text string }{
	{"end of script", `</script><script>document.title="PWNED";window.pwned=1</script>x`},
	{"comment opening a script", `<!--<script>document.title="PWNED";window.pwned=1</script>-->`},
	{"img onerror", `<img src=x onerror="document.title='PWNED';window.pwned=1">`},
	{"svg onload", `<svg onload="document.title='PWNED';window.pwned=1"></svg>`},
	{"go-echarts function marker", `__f__(function(){document.title='PWNED';window.pwned=1})()__f__`},
	{"end of JSON string", `"};document.title='PWNED';window.pwned=1;//`},
	{"formatter name", "enfance:pct-tooltip"},
	{"line separators", "avant\u2028après\u2029fin"},
	{"template action", `{{.}}{{template "page"}}`},
	{"javascript URL", `javascript:document.title='PWNED';window.pwned=1`},
	{"10 000 characters", strings.Repeat("é<", 5000)},
}

type hostileCase struct {
	name string
	next func() string
}

// hostileCases are every payload alone, then all of them mixed.
func hostileCases() []hostileCase {
	var cases []hostileCase
	for _, p := range payloads {
		cases = append(cases, hostileCase{p.name, always(p.text)})
	}
	return append(cases, hostileCase{"mixed", mixed()})
}

// hostile is the sample bundle with every exported string set to a text of next, except what
// must keep its meaning for the charts to have data: the territory's training rows are kept
// beside hostile ones, and the boundaries' geometry carries the text in a property.
func hostile(next func() string) *marts.Bundle {
	b := sample()
	b.DimCommune = []marts.DimCommune{{Population: 1000, PopulationAnnee: 2022}}
	b.IndicateursCles = []marts.IndicateursCles{{Annee: 2025}}
	b.QualiteDonnees = []marts.QualiteDonnees{{}}
	b.AccueilParCommune = []marts.AccueilParCommune{{}}
	territory := b.FormationAnnuelle
	b.FormationAnnuelle = append([]marts.FormationAnnuelle(nil), territory...)
	fillStrings(reflect.ValueOf(b).Elem(), next)
	b.FormationAnnuelle = append(b.FormationAnnuelle, territory...)
	for i := range b.CarteCommunes {
		b.CarteCommunes[i].Nom = b.CouvertureCommune[i].Nom // the map matches its data to boundaries by name
		b.CarteCommunes[i].GeoJSON = fmt.Sprintf(`{"type":"Polygon","note":%q,"coordinates":[[[2.45,50.93],[2.50,50.93],[2.50,50.96],[2.45,50.96],[2.45,50.93]]]}`, next())
	}
	return b
}

// fillStrings sets every exported string reachable from v to a text of next.
func fillStrings(v reflect.Value, next func() string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(next())
	case reflect.Pointer:
		if !v.IsNil() {
			fillStrings(v.Elem(), next)
		}
	case reflect.Slice:
		for i := range v.Len() {
			fillStrings(v.Index(i), next)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillStrings(v.Field(i), next)
			}
		}
	}
}

// always gives text every time; mixed gives every payload in turn.
func always(text string) func() string { return func() string { return text } }

func mixed() func() string {
	i := 0
	return func() string {
		i++
		return payloads[i%len(payloads)].text
	}
}

// TestHostileTextsEscaped checks the bytes of pages whose every text is a payload, without a
// browser: the page's own scripts only, valid JSON data, and no tag, comment or line separator
// from the texts.
func TestHostileTextsEscaped(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			page, err := Render(hostile(c.next), 0)
			if err != nil {
				t.Fatal(err)
			}
			data := checkScripts(t, string(page))
			if strings.ContainsAny(data, "\u2028\u2029") {
				t.Error("the JSON block holds a raw line or paragraph separator")
			}
			outside := strings.ToLower(strings.Replace(string(page), echartsJS(t), "", 1))
			for _, bad := range []string{"<img", "<svg", "<!--"} {
				if strings.Contains(outside, bad) {
					t.Errorf("the page holds %q", bad)
				}
			}
		})
	}
}

// afterTooltipsJS shows every chart's tooltip on its first two data points (the first can be a
// hidden count, which has none), waits for anything the tooltips could have started, and
// reports what a payload would have changed.
const afterTooltipsJS = `(async () => {
	const tips = {};
	for (const [id, chart] of Object.entries(CHARTS)) {
		tips[id] = "";
		for (const dataIndex of [0, 1]) {
			chart.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex});
			tips[id] += Array.from(document.getElementById(id).children)
				.filter(d => !d.querySelector("canvas")).map(d => d.textContent).join("");
		}
	}
	await new Promise(done => setTimeout(done, 300));
	return {
		title: document.title,
		pwned: typeof window.pwned !== "undefined",
		elements: document.querySelectorAll("img, svg, iframe, object, embed").length,
		scripts: document.scripts.length,
		handlers: Array.from(document.querySelectorAll("*"))
			.filter(e => Array.from(e.attributes).some(a => a.name.startsWith("on"))).length,
		tips,
	};
})()`

type afterTooltips struct {
	Title             string
	Pwned             bool
	Elements, Scripts int
	Handlers          int
	Tips              map[string]string
}

// cspMeta is the page's Content-Security-Policy element.
var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?`)

// TestHostileTexts opens pages whose every text from the marts is a payload, shows every
// chart's tooltip, and checks that no payload ran or added an element, and that every chart
// still draws. The pages open as shipped, then without their Content-Security-Policy, so that
// escaping alone must hold.
func TestHostileTexts(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	b := browser(t)
	for _, c := range hostileCases() {
		d := hostile(c.next)
		for _, csp := range []string{"as shipped", "without CSP"} {
			t.Run(c.name+"/"+csp, func(t *testing.T) { checkHostile(t, b, d, csp == "as shipped") })
		}
	}
}

func checkHostile(t *testing.T, browser context.Context, d *marts.Bundle, csp bool) {
	page, err := Render(d, 0)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if !csp {
		if len(cspMeta.FindAllString(html, -1)) != 1 {
			t.Fatal("the page has no Content-Security-Policy to remove")
		}
		html = cspMeta.ReplaceAllString(html, "")
	}
	tb := open(t, browser, html)
	tb.checkCharts(t)
	got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[afterTooltips](afterTooltipsJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if want := browserTitle("Tableau de bord Enfance-Jeunesse — " + d.InfosEntrepot.Territoire); got.Title != want {
		t.Errorf("document.title = %.80q, want %.80q", got.Title, want)
	}
	if got.Pwned {
		t.Error("window.pwned is set")
	}
	if got.Elements > 0 || got.Handlers > 0 || got.Scripts != 3 {
		t.Errorf("the page has %d img, svg, iframe, object or embed, %d elements with an event handler, %d scripts (want 0, 0, 3)",
			got.Elements, got.Handlers, got.Scripts)
	}
	for id, tip := range got.Tips {
		if tip == "" {
			t.Errorf("chart %s shows no tooltip", id)
		}
	}
	if !strings.Contains(got.Tips["sejours"], d.SejoursRemplissage[0].Intitule) {
		t.Errorf("the séjours tooltip %.200q does not show the séjour's title as text", got.Tips["sejours"])
	}
	tb.checkQuiet(t)
}

// browserTitle is document.title for a <title> holding s: ASCII white space collapsed.
func browserTitle(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t\n\f\r", r) }), " ")
}
