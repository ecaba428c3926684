package desk

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"enfance/ingest"
	"enfance/internal/frfmt"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Options are what the desk works on, and the functions internal/cli lends it.
type Options struct {
	Exports string // the exports folder, where dropped files go
	Outputs string // the outputs folder: warehouse, reports, dashboards
	// Warehouse is the published warehouse, read through internal/marts.
	Warehouse string
	// Config is the territory file; "" when there is none yet (a mapping saved then creates
	// NewConfig).
	Config string
	// NewConfig is the territory file to create when Config is "" and a mapping is saved.
	NewConfig string
	Port      int // the loopback port the desk listens on, for the Host and Origin checks
	// Run runs the whole pipeline, as « enfance run » does, under the warehouse lock, telling
	// progress as it goes.
	Run func(ctx context.Context, progress func(Event)) Outcome
	// Inspect tells what the ingest makes of a file, with the territory file as it now is.
	Inspect func(ctx context.Context, path string) (ingest.Inspection, error)
	// ConfigSaved tells internal/cli that the territory file changed (or was created at path),
	// so that later runs and inspections read it.
	ConfigSaved func(path string) error
	Logger      *slog.Logger
	Now         func() time.Time
}

// Event is one step of a run, as the Traitement page shows it.
type Event struct {
	Stage       string `json:"etape,omitempty"`
	Done, Total int    `json:"-"`
	Line        string `json:"ligne,omitempty"`
}

// Outcome is how a run ended.
type Outcome struct {
	Code int    // the exit code « enfance run » would have returned
	Err  string // the error, in French, when Code is 1
	Log  string // what the run printed
}

// Server is the desk. Its zero value is not usable: build it with [New].
type Server struct {
	o     Options
	token string
	pages map[string]*template.Template
	ctx   context.Context // the desk's life: runs stop with it, not with a request

	mu       sync.Mutex
	sessions map[string]*session
	config   string // the territory file, once known or created
	run      *runState
	runMu    sync.Mutex // held for the length of a run: one at a time
}

type session struct {
	csrf  string
	flash []string
}

// New builds the desk with a fresh random token.
func New(ctx context.Context, o Options) (*Server, error) {
	token, err := randomHex()
	if err != nil {
		return nil, err
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Server{o: o, token: token, ctx: ctx, sessions: map[string]*session{}, config: o.Config, pages: map[string]*template.Template{}}
	for _, name := range []string{"exports", "traitement", "problemes", "correspondances", "documents", "refus"} {
		s.pages[name] = template.Must(template.New("layout.tmpl").Funcs(funcs).ParseFS(templateFiles, "templates/layout.tmpl", "templates/"+name+".tmpl"))
	}
	return s, nil
}

// Token is the secret the first visit gives in ?jeton=.
func (s *Server) Token() string { return s.token }

// URL is the address to open, with the token.
func (s *Server) URL() string {
	return "http://127.0.0.1:" + strconv.Itoa(s.o.Port) + "/?jeton=" + s.token
}

// randomHex is 32 hexadecimal characters from crypto/rand.
func randomHex() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

const cookieName = "enfance_session"

// Handler is the desk's web application, every route behind the security checks.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/exports", http.StatusSeeOther) })
	mux.HandleFunc("GET /exports", s.exportsPage)
	mux.HandleFunc("POST /exports", s.upload)
	mux.HandleFunc("GET /traitement", s.runPage)
	mux.HandleFunc("POST /traitement", s.startRun)
	mux.HandleFunc("GET /traitement/flux", s.runStream)
	mux.HandleFunc("GET /problemes", s.problemsPage)
	mux.HandleFunc("GET /correspondances", s.mappingPage)
	mux.HandleFunc("POST /correspondances", s.saveMapping)
	mux.HandleFunc("GET /documents", s.documentsPage)
	mux.HandleFunc("GET /fichiers/{chemin...}", s.download)
	return s.guard(mux)
}

// guard checks every request: the Host (against DNS rebinding), the token or the session, and
// for a POST its origin and CSRF field (the field itself is checked by [Server.checkCSRF], once
// the body is read).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.allowedHost(r.Host) {
			s.refuse(w, http.StatusForbidden, "Adresse refusée : ouvrez le bureau par l'adresse que « enfance serve » a affichée (127.0.0.1).")
			return
		}
		if tok := r.URL.Query().Get("jeton"); tok != "" {
			if !equal(tok, s.token) {
				s.refuse(w, http.StatusForbidden, "Jeton invalide : ouvrez l'adresse complète que « enfance serve » a affichée.")
				return
			}
			id, err := s.newSession()
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del("jeton")
			target := r.URL.Path
			if len(q) > 0 {
				target += "?" + q.Encode()
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		if s.session(r) == nil {
			s.refuse(w, http.StatusForbidden, "Accès refusé : ouvrez l'adresse complète, avec son jeton, que « enfance serve » a affichée.")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if !s.sameOrigin(r) {
				s.refuse(w, http.StatusForbidden, "Demande refusée : elle ne vient pas d'une page du bureau.")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// origins are the two names of the desk's own origin.
func (s *Server) origins() []string {
	p := strconv.Itoa(s.o.Port)
	return []string{"127.0.0.1:" + p, "localhost:" + p}
}

func (s *Server) allowedHost(host string) bool {
	for _, o := range s.origins() {
		if host == o {
			return true
		}
	}
	return false
}

// sameOrigin checks that a POST comes from a page of the desk: its Origin, else its Referer.
func (s *Server) sameOrigin(r *http.Request) bool {
	from := r.Header.Get("Origin")
	if from == "" || from == "null" {
		ref, err := url.Parse(r.Header.Get("Referer"))
		if err != nil || r.Header.Get("Referer") == "" {
			return false
		}
		from = ref.Scheme + "://" + ref.Host
	}
	for _, o := range s.origins() {
		if from == "http://"+o {
			return true
		}
	}
	return false
}

func (s *Server) newSession() (string, error) {
	id, err := randomHex()
	if err != nil {
		return "", err
	}
	csrf, err := randomHex()
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[id] = &session{csrf: csrf}
	return id, nil
}

func (s *Server) session(r *http.Request) *session {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sess := range s.sessions {
		if equal(id, c.Value) {
			return sess
		}
	}
	return nil
}

// checkCSRF checks the form's CSRF field against the session's.
func (s *Server) checkCSRF(w http.ResponseWriter, r *http.Request, value string) bool {
	sess := s.session(r)
	if sess == nil || !equal(value, sess.csrf) {
		s.refuse(w, http.StatusForbidden, "Formulaire périmé ou étranger : rechargez la page et recommencez.")
		return false
	}
	return true
}

// flash keeps messages for the session's next page.
func (s *Server) flash(r *http.Request, msgs ...string) {
	sess := s.session(r)
	if sess == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess.flash = append(sess.flash, msgs...)
}

func (s *Server) takeFlash(r *http.Request) []string {
	sess := s.session(r)
	if sess == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := sess.flash
	sess.flash = nil
	return f
}

// page is what every template receives.
type page struct {
	Title, Tab string
	CSRF       string
	Flash      []string
	Data       any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	p := page{Title: title, Tab: name, Flash: s.takeFlash(r), Data: data}
	if sess := s.session(r); sess != nil {
		p.CSRF = sess.csrf
	}
	var b strings.Builder
	if err := s.pages[name].Execute(&b, p); err != nil {
		s.o.Logger.Error("page", "page", name, "erreur", err)
		http.Error(w, "erreur de la page : "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}

func (s *Server) refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_ = s.pages["refus"].Execute(w, page{Title: "Accès refusé", Data: msg})
}

var funcs = template.FuncMap{
	"date": frenchDate,
}

// frenchDate writes « 1er décembre 2026 à 15 h 04 », the date as the documents write it.
func frenchDate(t time.Time) string {
	return frfmt.Date(t) + " à " + t.Format("15 h 04")
}
