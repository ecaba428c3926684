package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// runState is a run of the pipeline started from the desk: its events as they come, then its
// outcome.
type runState struct {
	number   int // 1 for the desk's first run
	mu       sync.Mutex
	started  time.Time
	ended    time.Time
	events   []Event
	stage    string
	done     int
	total    int
	finished bool
	outcome  Outcome
	words    []string
	warn     bool          // files refused or rows rejected: the outcome shows in orange
	changed  chan struct{} // closed and replaced at each event
}

func newRun(now time.Time) *runState {
	return &runState{started: now, stage: "démarrage", changed: make(chan struct{})}
}

// add records an event and wakes the pages that follow the run.
func (st *runState) add(e Event) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if e.Stage != "" {
		st.stage = e.Stage
	}
	if e.Total > 0 {
		st.done, st.total = e.Done, e.Total
	}
	st.events = append(st.events, e)
	close(st.changed)
	st.changed = make(chan struct{})
}

func (st *runState) finish(o Outcome, words []string, warn bool, now time.Time) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.finished, st.outcome, st.words, st.warn, st.ended = true, o, words, warn, now
	close(st.changed)
	st.changed = make(chan struct{})
}

// startRun starts a run unless one is under way.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request) {
	if !s.checkCSRF(w, r, r.PostFormValue("csrf")) {
		return
	}
	if !s.runMu.TryLock() {
		s.flash(r, "Un traitement est déjà en cours : attendez qu'il finisse, sa progression s'affiche ci-dessous.")
		http.Redirect(w, r, "/traitement", http.StatusSeeOther)
		return
	}
	st := newRun(s.o.Now())
	s.mu.Lock()
	if s.run != nil {
		st.number = s.run.number
	}
	st.number++
	s.run = st
	s.mu.Unlock()
	go func() {
		defer s.runMu.Unlock()
		out := s.o.Run(s.ctx, st.add)
		words, warn := s.outcomeWords(s.ctx, out)
		st.finish(out, words, warn, s.o.Now())
	}()
	http.Redirect(w, r, "/traitement", http.StatusSeeOther)
}

// Running tells whether a run started from the desk is under way.
func (s *Server) Running() bool {
	if s.runMu.TryLock() {
		s.runMu.Unlock()
		return false
	}
	return true
}

type runData struct {
	Started      bool
	Number       int
	Running      bool
	Stage        string
	Done, Total  int
	Log          []string
	Began, Ended time.Time
	Code         int
	CodeMeaning  string
	Words        []string
	Class        string
}

func (s *Server) runPage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	st := s.run
	s.mu.Unlock()
	d := runData{}
	if st != nil {
		st.mu.Lock()
		d = runData{Started: true, Number: st.number, Running: !st.finished, Stage: st.stage, Done: st.done, Total: st.total, Began: st.started, Ended: st.ended,
			Code: st.outcome.Code, CodeMeaning: codeMeanings[st.outcome.Code], Words: st.words}
		for _, e := range st.events {
			if e.Line != "" {
				d.Log = append(d.Log, e.Line)
			}
		}
		warn := st.warn
		st.mu.Unlock()
		d.Class = map[int]string{0: "ok", 4: "attention"}[d.Code]
		if warn && d.Class == "ok" {
			d.Class = "attention"
		}
		if d.Class == "" {
			d.Class = "erreur"
		}
	}
	s.render(w, r, "traitement", "Traitement", d)
}

// runStream sends the run's events to the page as Server-Sent Events, then « fin ».
func (s *Server) runStream(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	st := s.run
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	flusher, _ := w.(http.Flusher)
	if st == nil {
		fmt.Fprint(w, "event: fin\ndata: {}\n\n")
		return
	}
	sent := 0
	for {
		st.mu.Lock()
		events := st.events[sent:]
		sent = len(st.events)
		finished, changed := st.finished, st.changed
		st.mu.Unlock()
		for _, e := range events {
			b, _ := json.Marshal(map[string]any{"etape": e.Stage, "fait": e.Done, "total": e.Total, "ligne": e.Line})
			fmt.Fprintf(w, "data: %s\n\n", b)
		}
		if finished {
			fmt.Fprint(w, "event: fin\ndata: {}\n\n")
			if flusher != nil {
				flusher.Flush()
			}
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		case <-s.ctx.Done():
			return
		}
	}
}

// codeMeanings say what each exit code of « enfance run » means.
var codeMeanings = map[int]string{
	0: "code 0 : traitement mené à son terme",
	1: "code 1 : échec ; l'entrepôt et les documents du traitement précédent sont gardés",
	2: "code 2 : réglage invalide",
	3: "code 3 : des lignes ont été rejetées",
	4: "code 4 : documents publiés, mais des chiffres de leur année reposent sur des exports manquants, refusés ou partiels (marqués dans les documents)",
}

var incompleteYear = regexp.MustCompile(`attendu\(s\) pour (\d{4})`)

// outcomeWords says the outcome of a run in plain words, from its code and the published
// warehouse.
func (s *Server) outcomeWords(ctx context.Context, o Outcome) (words []string, warn bool) {
	switch o.Code {
	case 0, 4:
		words = append(words, "Les documents sont publiés : voir la page Documents.")
	case 1:
		words = append(words, "Le traitement a échoué : "+o.Err, "Les documents et l'entrepôt du traitement précédent sont gardés tels quels.")
		return words, true
	default:
		words = append(words, "Le traitement s'est arrêté : "+o.Err)
		return words, true
	}
	if m := incompleteYear.FindStringSubmatch(o.Log); m != nil {
		words = append(words, "Les chiffres de "+m[1]+" sont partiels : des exports manquent, sont refusés ou partiels (voir Exports) ; les documents les marquent « partiel » ou « manquant ».")
	}
	pub, err := s.readPublished(ctx, true)
	if err != nil || pub == nil {
		return words, false
	}
	refused := 0
	for _, q := range pub.Quality {
		if q.Statut == "refuse" {
			refused++
		}
	}
	lines := map[[2]any]bool{}
	for _, l := range pub.Rejets {
		lines[[2]any{l.Fichier, l.Ligne}] = true
	}
	if refused > 0 {
		words = append(words, plural(refused, "fichier refusé", "fichiers refusés")+" : voir la page Problèmes, et Correspondances pour associer leurs colonnes.")
	}
	if len(lines) > 0 {
		words = append(words, plural(len(lines), "ligne rejetée", "lignes rejetées")+" : voir la page Problèmes.")
	}
	if refused == 0 && len(lines) == 0 && o.Code == 0 {
		words = append(words, "Aucun fichier refusé, aucune ligne rejetée.")
	}
	return words, refused > 0 || len(lines) > 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
