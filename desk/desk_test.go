package desk

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"enfance/ingest"
	"enfance/internal/config"
)

// fixture is a desk on temporary folders with a fake pipeline, and a client that opened it with
// its token.
type fixture struct {
	t       *testing.T
	s       *Server
	ts      *httptest.Server
	client  *http.Client
	base    string
	csrf    string
	exports string
	outputs string
}

func newFixture(t *testing.T, o Options) *fixture {
	t.Helper()
	root := t.TempDir()
	o.Exports, o.Outputs = filepath.Join(root, "exports"), filepath.Join(root, "out")
	o.Warehouse = filepath.Join(o.Outputs, "warehouse.duckdb")
	o.NewConfig = filepath.Join(root, "territoire.toml")
	for _, d := range []string{o.Exports, o.Outputs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if o.Run == nil {
		o.Run = func(context.Context, func(Event)) Outcome { return Outcome{} }
	}
	ts := httptest.NewUnstartedServer(nil)
	o.Port = ts.Listener.Addr().(*net.TCPAddr).Port
	s, err := New(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	f := &fixture{t: t, s: s, ts: ts, base: "http://127.0.0.1:" + strconv.Itoa(o.Port), exports: o.Exports, outputs: o.Outputs,
		client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	resp := f.get("/?jeton=" + s.Token())
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first visit with the token: %d", resp.StatusCode)
	}
	body := f.body(f.get("/traitement"))
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF field in the page:\n%s", body)
	}
	f.csrf = m[1]
	return f
}

func (f *fixture) get(path string) *http.Response {
	f.t.Helper()
	resp, err := f.client.Get(f.base + path)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func (f *fixture) body(resp *http.Response) string {
	f.t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return string(b)
}

// post sends a form from the desk's own origin unless headers say otherwise.
func (f *fixture) post(path string, form url.Values, headers map[string]string) *http.Response {
	f.t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", f.base)
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// upload drops files through the form of the Exports page.
func (f *fixture) upload(replace bool, files map[string]string) string {
	f.t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.WriteField("csrf", f.csrf)
	if replace {
		_ = w.WriteField("remplacer", "oui")
	}
	for name, content := range files {
		part, err := w.CreateFormFile("fichiers", name)
		if err != nil {
			f.t.Fatal(err)
		}
		_, _ = part.Write([]byte(content))
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, f.base+"/exports", &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", f.base)
	resp, err := f.client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		f.t.Fatalf("upload: %d", resp.StatusCode)
	}
	return f.body(f.get("/exports"))
}

func TestToken(t *testing.T) {
	f := newFixture(t, Options{})
	plain := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/exports", "/documents", "/?jeton=", "/?jeton=00112233445566778899aabbccddeeff", "/fichiers/reports/x.pdf", "/static/desk.css"} {
		resp, err := plain.Get(f.base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s without the token: %d, want 403", path, resp.StatusCode)
		}
	}
	if n := len(f.s.Token()); n != 32 {
		t.Errorf("token of %d characters", n)
	}
	resp, err := plain.Get(f.base + "/exports?jeton=" + f.s.Token())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	c := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(c) != 1 || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("first visit: %d, cookies %+v; want 303 and one HttpOnly SameSite=Strict cookie", resp.StatusCode, c)
	}
	if loc := resp.Header.Get("Location"); strings.Contains(loc, "jeton") {
		t.Errorf("the token stays in the address: %s", loc)
	}
	resp = f.get("/exports")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("with the session: %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy: %q", csp)
	}
}

func TestHost(t *testing.T) {
	f := newFixture(t, Options{})
	port := strconv.Itoa(f.s.o.Port)
	for host, want := range map[string]int{
		"127.0.0.1:" + port: 200, "localhost:" + port: 200,
		"evil.example:" + port: 403, "127.0.0.1": 403, "localhost:1": 403, "127.0.0.1.evil.example:" + port: 403,
	} {
		req, _ := http.NewRequest(http.MethodGet, f.base+"/exports", nil)
		req.Host = host
		u, _ := url.Parse(f.base)
		for _, c := range f.client.Jar.Cookies(u) {
			req.AddCookie(c)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != want {
			b, _ := io.ReadAll(resp.Body)
			t.Errorf("Host %s: %d, want %d\n%s", host, resp.StatusCode, want, b)
		}
	}
}

func TestOriginAndCSRF(t *testing.T) {
	runs := 0
	f := newFixture(t, Options{Run: func(context.Context, func(Event)) Outcome { runs++; return Outcome{} }})
	ok := url.Values{"csrf": {f.csrf}}
	cases := []struct {
		name    string
		form    url.Values
		headers map[string]string
		want    int
	}{
		{"no origin, no referer", ok, map[string]string{"Origin": ""}, 403},
		{"foreign origin", ok, map[string]string{"Origin": "http://evil.example"}, 403},
		{"other port", ok, map[string]string{"Origin": "http://127.0.0.1:1"}, 403},
		{"null origin", ok, map[string]string{"Origin": "null"}, 403},
		{"foreign referer", ok, map[string]string{"Origin": "", "Referer": "http://evil.example/traitement"}, 403},
		{"no CSRF field", url.Values{}, nil, 403},
		{"wrong CSRF field", url.Values{"csrf": {strings.Repeat("0", 32)}}, nil, 403},
		{"own referer", ok, map[string]string{"Origin": "", "Referer": f.base + "/traitement"}, 303},
		{"own origin", ok, nil, 303},
	}
	for _, c := range cases {
		resp := f.post("/traitement", c.form, c.headers)
		if resp.StatusCode != c.want {
			t.Errorf("%s: %d, want %d", c.name, resp.StatusCode, c.want)
		}
	}
	for f.s.Running() {
		time.Sleep(10 * time.Millisecond)
	}
	if runs != 2 {
		t.Errorf("%d runs, want 2 (only the accepted POSTs)", runs)
	}
	// The CSRF field of the upload and of the mapping.
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	part, _ := w.CreateFormFile("fichiers", "a.csv")
	part.Write([]byte("x"))
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, f.base+"/exports", &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", f.base)
	resp, err := f.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("upload without the CSRF field: %d", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(f.exports, "a.csv")); err == nil {
		t.Error("a file was written without the CSRF field")
	}
	if resp := f.post("/correspondances", url.Values{"fichier": {"a.csv"}, "type": {"structures"}}, nil); resp.StatusCode != 403 {
		t.Errorf("mapping without the CSRF field: %d", resp.StatusCode)
	}
}

func TestDownloadStaysInOutputs(t *testing.T) {
	f := newFixture(t, Options{})
	root := filepath.Dir(f.outputs)
	write := func(path, content string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(f.outputs, "reports", "bilan-caf-2025.pdf"), "%PDF-1.3 rapport")
	write(filepath.Join(f.outputs, ".enfance.lock"), "1")
	write(filepath.Join(root, "secret.txt"), "SECRET-CONTENT")
	write(filepath.Join(root, "out-evil", "x.pdf"), "SECRET-CONTENT")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(f.outputs, "reports", "lien.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(f.outputs, "dossier")); err != nil {
		t.Fatal(err)
	}
	resp := f.get("/fichiers/reports/bilan-caf-2025.pdf")
	if body := f.body(resp); resp.StatusCode != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("the report: %d %q", resp.StatusCode, body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("Content-Disposition %q", cd)
	}
	for _, path := range []string{
		"/fichiers/../secret.txt", "/fichiers/..%2fsecret.txt", "/fichiers/reports/..%2f..%2fsecret.txt",
		"/fichiers/%2e%2e/secret.txt", "/fichiers/reports/lien.pdf", "/fichiers/dossier/secret.txt",
		"/fichiers/.enfance.lock", "/fichiers/" + url.PathEscape(filepath.Join(root, "secret.txt")),
		"/fichiers/..%5csecret.txt", "/fichiers/../out-evil/x.pdf", "/fichiers/",
	} {
		req, _ := http.NewRequest(http.MethodGet, f.base+path, nil)
		req.URL.Opaque = path // sent as written, not cleaned by the client
		resp, err := f.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(body), "SECRET-CONTENT") {
			t.Errorf("%s: %d %q", path, resp.StatusCode, body)
		}
	}
}

func TestUploadNeverOverwritesUnasked(t *testing.T) {
	f := newFixture(t, Options{})
	page := f.upload(false, map[string]string{"structures.csv": "premier"})
	if !strings.Contains(page, "Déposé : « structures.csv »") {
		t.Errorf("first drop:\n%s", page)
	}
	page = f.upload(false, map[string]string{"structures.csv": "second"})
	if !strings.Contains(page, "existe déjà") {
		t.Errorf("second drop without « remplacer »:\n%s", page)
	}
	if b, _ := os.ReadFile(filepath.Join(f.exports, "structures.csv")); string(b) != "premier" {
		t.Errorf("the file was overwritten: %q", b)
	}
	f.upload(true, map[string]string{"structures.csv": "second"})
	if b, _ := os.ReadFile(filepath.Join(f.exports, "structures.csv")); string(b) != "second" {
		t.Errorf("« remplacer » did not replace: %q", b)
	}
	page = ""
	for _, name := range []string{"../../evadé.csv", ".cache", "a\x01b.csv", "ok<script>.csv"} {
		page += f.upload(false, map[string]string{name: "x"})
	}
	if _, err := os.Stat(filepath.Join(f.exports, "evadé.csv")); err != nil {
		t.Errorf("a name with a path is kept as its base name: %v", err)
	}
	for _, bad := range []string{".cache", "a\x01b.csv", "ok<script>.csv"} {
		if _, err := os.Stat(filepath.Join(f.exports, bad)); err == nil {
			t.Errorf("%q was written", bad)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Error("a file name reached the page unescaped")
	}
	entries, _ := os.ReadDir(f.exports)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(f.exports)); len(entries) != 2 {
		t.Errorf("files beside the exports folder: %v", entries)
	}
}

// failing reads n bytes, then fails, as a drop cut short.
type failing struct{ n int }

func (r *failing) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, errors.New("coupé")
	}
	n := min(len(p), r.n)
	for i := range n {
		p[i] = 'x'
	}
	r.n -= n
	return n, nil
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	if err := writeAtomic(dir, "a.csv", &failing{n: 1 << 20}, false); err == nil {
		t.Fatal("a failed copy wrote the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed copy left %v", entries)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.csv"), []byte("ancien"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(dir, "b.csv", &failing{n: 10}, true); err == nil {
		t.Fatal("a failed replacement succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.csv")); string(b) != "ancien" {
		t.Errorf("a failed replacement changed the file: %q", b)
	}
	if err := writeAtomic(dir, "b.csv", strings.NewReader("nouveau"), false); !errors.Is(err, errExists) {
		t.Errorf("over an existing file without asking: %v", err)
	}
	if err := writeAtomic(dir, "b.csv", strings.NewReader("nouveau"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.csv")); string(b) != "nouveau" {
		t.Errorf("replacement: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"structures.csv": "structures.csv", `C:\Users\x\eaje_presences.csv`: "eaje_presences.csv", "a/b/c.xlsx": "c.xlsx",
		".cache": "", "..": "", "": "", "a\nb.csv": "", "a\x00b": "", "a:b.csv": "", "rapport\u202e.csv": "rapport\u202e.csv",
	} {
		got, err := cleanName(in)
		if (err != nil) != (want == "") || got != want {
			t.Errorf("cleanName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

const territory = `# Le territoire de test : ce commentaire reste.
[territoire]
nom = "Communauté de test"
siren_epci = "200040954"
annee_reference = 2025

[seuils]
secret_statistique = 7

[colonnes.structures]
"Libellé" = "nom"

[valeurs.eaje_presences.regime]
"SNCF" = "autre"
`

func TestMergeColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "territoire.toml")
	if err := os.WriteFile(path, []byte(territory), 0o600); err != nil {
		t.Fatal(err)
	}
	read := func() map[string]any {
		m := map[string]any{}
		if _, err := toml.DecodeFile(path, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	before := read()
	if err := mergeColumns(path, "eaje_presences", map[string]string{"Temps passé": "heures_realisees", `Nom "usuel"`: "enfant"}, nil); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(text), territory) {
		t.Errorf("a new section did not keep the file as it was:\n%s", text)
	}
	if err := mergeColumns(path, "structures", map[string]string{"Nom commune": "commune_insee"}, nil); err != nil {
		t.Fatal(err)
	}
	after := read()
	cfg, err := config.Load(bytes.NewReader(mustRead(t, path)), path)
	if err != nil {
		t.Fatalf("the file no longer loads: %v", err)
	}
	if cfg.Seuils.SecretStatistique != 7 || cfg.Territoire.AnneeReference != 2025 || cfg.Valeurs["eaje_presences"]["regime"]["SNCF"] != "autre" {
		t.Errorf("settings lost: %+v", cfg)
	}
	want := map[string]map[string]string{
		"structures":     {"Libellé": "nom", "Nom commune": "commune_insee"},
		"eaje_presences": {"Temps passé": "heures_realisees", `Nom "usuel"`: "enfant"},
	}
	if !reflect.DeepEqual(cfg.Colonnes, want) {
		t.Errorf("colonnes = %v, want %v", cfg.Colonnes, want)
	}
	delete(before, "colonnes")
	delete(after, "colonnes")
	if !reflect.DeepEqual(before, after) {
		t.Errorf("other keys changed:\nbefore %v\nafter  %v", before, after)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", info.Mode().Perm())
	}
	// A mapping the territory file refuses is never written.
	if err := mergeColumns(path, "structures", map[string]string{"X": "pas_une_colonne"}, nil); err == nil {
		t.Error("a wrong column was written")
	}
	if got := read(); !reflect.DeepEqual(got["colonnes"], map[string]any{"structures": map[string]any{"Libellé": "nom", "Nom commune": "commune_insee"},
		"eaje_presences": map[string]any{"Temps passé": "heures_realisees", `Nom "usuel"`: "enfant"}}) {
		t.Errorf("the refused mapping changed the file: %v", got["colonnes"])
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMappingPageCreatesTheTerritoryFile(t *testing.T) {
	var inspected []string
	saved := ""
	f := newFixture(t, Options{
		Inspect: func(_ context.Context, path string) (ingest.Inspection, error) {
			inspected = append(inspected, path)
			return ingest.Inspection{Path: path, Kind: "structures", KindBy: "le début du nom", Refused: "colonne(s) obligatoire(s) absente(s) : nom",
				Headers: []ingest.HeaderUse{{Header: "code_structure", Column: "code_structure"}, {Header: "<script>alert(1)</script>"}}}, nil
		},
		ConfigSaved: func(path string) error { saved = path; return nil },
	})
	if err := os.WriteFile(filepath.Join(f.exports, "structures.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := f.body(f.get("/correspondances?fichier=structures.csv"))
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("a header reached the page unescaped:\n%s", page)
	}
	if !strings.Contains(page, "Les colonnes attendues dans un export structures") || !strings.Contains(page, "<td>commune_insee</td><td>oui</td>") {
		t.Errorf("no table of the kind's columns:\n%s", page)
	}
	if !strings.Contains(page, `name="colonne"`) {
		t.Errorf("no drop-down list for the unknown header:\n%s", page)
	}
	if resp := f.get("/correspondances?fichier=../territoire.toml"); !strings.Contains(f.body(resp), "introuvable") {
		t.Error("a file outside the exports folder was inspected")
	}
	resp := f.post("/correspondances", url.Values{"csrf": {f.csrf}, "fichier": {"structures.csv"}, "type": {"structures"},
		"entete": {"<script>alert(1)</script>"}, "colonne": {"nom"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", resp.StatusCode, f.body(resp))
	}
	cfgPath := filepath.Join(filepath.Dir(f.exports), "territoire.toml")
	if saved != cfgPath {
		t.Errorf("ConfigSaved(%q), want %q", saved, cfgPath)
	}
	cfg, err := config.Load(bytes.NewReader(mustRead(t, cfgPath)), cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Colonnes["structures"]["<script>alert(1)</script>"] != "nom" || cfg.Chemins.Donnees != "exports" || cfg.Chemins.Sortie != "out" {
		t.Errorf("territory file: %+v", cfg)
	}
	page = f.body(f.get("/correspondances?fichier=structures.csv"))
	if !strings.Contains(page, "Fichier du territoire créé") || len(inspected) != 2 {
		t.Errorf("after saving: %d inspections, page:\n%s", len(inspected), page)
	}
}

func TestOneRunAtATime(t *testing.T) {
	release := make(chan struct{})
	f := newFixture(t, Options{Run: func(_ context.Context, progress func(Event)) Outcome {
		progress(Event{Stage: "chargement des exports", Done: 1, Total: 2, Line: "une <ligne>"})
		<-release
		return Outcome{Code: 4, Log: "données incomplètes : 2 export(s) attendu(s) pour 2025 manquent"}
	}})
	ok := url.Values{"csrf": {f.csrf}}
	f.post("/traitement", ok, nil)
	f.post("/traitement", ok, nil)
	page := f.body(f.get("/traitement"))
	if !strings.Contains(page, "Un traitement est déjà en cours") || !strings.Contains(page, "une &lt;ligne&gt;") {
		t.Errorf("second click:\n%s", page)
	}
	close(release)
	resp := f.get("/traitement/flux")
	stream := f.body(resp)
	if resp.Header.Get("Content-Type") != "text/event-stream" || !strings.Contains(stream, `"etape":"chargement des exports"`) || !strings.HasSuffix(stream, "event: fin\ndata: {}\n\n") {
		t.Errorf("stream %q", stream)
	}
	page = f.body(f.get("/traitement"))
	if !strings.Contains(page, "code 4") || !strings.Contains(page, "chiffres de 2025 sont partiels") {
		t.Errorf("outcome:\n%s", page)
	}
}
