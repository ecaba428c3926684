package transform

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Project is every model, in run order, and every data test.
type Project struct {
	Models []*Model // dependencies before dependants, ties broken by name
	Tests  []*Model // data tests; Schema is "tests"
	byName map[string]*Model
}

// Load parses and checks the models/ and tests/ folders of fsys. root is the folder fsys stands
// for, used in messages ("transform/models/marts/x.sql:3: ...").
func Load(fsys fs.FS, root string) (*Project, error) {
	p := &Project{byName: map[string]*Model{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		m, err := loadFile(fsys, name, path.Join(root, name))
		if err != nil {
			return err
		}
		if m.Schema == "tests" {
			p.Tests = append(p.Tests, m)
			return nil
		}
		p.byName[m.Name()] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := p.order(); err != nil {
		return nil, err
	}
	return p, p.checkTests()
}

// loadFile reads one file, refusing any file whose place or name is not a model's or a test's.
func loadFile(fsys fs.FS, name, shown string) (*Model, error) {
	parts := strings.Split(name, "/")
	var schema, base string
	switch {
	case len(parts) == 3 && parts[0] == "models" && (parts[1] == "staging" || parts[1] == "marts"):
		schema, base = parts[1], parts[2]
	case len(parts) == 2 && parts[0] == "tests":
		schema, base = "tests", parts[1]
	default:
		return nil, &ModelError{File: shown, Err: ErrMisnamed}
	}
	table, ok := strings.CutSuffix(base, ".sql")
	if !ok || !namePattern.MatchString(table) {
		return nil, &ModelError{File: shown, Err: ErrMisnamed}
	}
	text, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("transformations : %w", err)
	}
	return parseFile(shown, schema, table, string(text))
}

// order sorts the models topologically, ties broken by name, after checking that every
// dependency on staging or marts names a model and that there is no cycle.
func (p *Project) order() error {
	names := make([]string, 0, len(p.byName))
	for n := range p.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := p.checkKnown(p.byName[n]); err != nil {
			return err
		}
	}
	if err := p.findCycle(names); err != nil {
		return err
	}
	done := map[string]bool{}
	for len(p.Models) < len(names) {
		for _, n := range names { // the first ready model by name
			if !done[n] && p.ready(p.byName[n], done) {
				done[n] = true
				p.Models = append(p.Models, p.byName[n])
				break
			}
		}
	}
	return nil
}

func (p *Project) checkKnown(m *Model) error {
	for _, d := range m.Depends {
		if _, ok := p.byName[d.Name]; !ok && !isExternal(d.Name) {
			return m.errorf(d.Line, "%w %s", ErrUnknownDep, d.Name)
		}
	}
	return nil
}

// isExternal tells a relation that no model builds: the raw tables of ingest, and the parameters
// and the CTG's targets the runner writes.
func isExternal(name string) bool {
	return strings.HasPrefix(name, "raw.") || name == paramsTable || name == ciblesTable
}

func (p *Project) ready(m *Model, done map[string]bool) bool {
	for _, d := range m.Depends {
		if _, isModel := p.byName[d.Name]; isModel && !done[d.Name] {
			return false
		}
	}
	return true
}

// findCycle reports the first cycle met in a depth-first walk by name, whole: a → b → c → a.
func (p *Project) findCycle(names []string) error {
	const (
		unseen = iota
		onPath
		finished
	)
	state := map[string]int{}
	var stack []string
	var visit func(n string) error
	visit = func(n string) error {
		state[n] = onPath
		stack = append(stack, n)
		m := p.byName[n]
		for _, d := range m.Depends {
			if _, ok := p.byName[d.Name]; !ok {
				continue
			}
			switch state[d.Name] {
			case onPath:
				cycle := append(slices.Clone(stack[slices.Index(stack, d.Name):]), d.Name)
				first := p.byName[cycle[0]]
				return first.errorf(depLine(first, cycle[1]), "%w: %s", ErrCycle, strings.Join(cycle, " → "))
			case unseen:
				if err := visit(d.Name); err != nil {
					return err
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = finished
		return nil
	}
	for _, n := range names {
		if state[n] == unseen {
			if err := visit(n); err != nil {
				return err
			}
		}
	}
	return nil
}

func depLine(m *Model, dep string) int {
	for _, d := range m.Depends {
		if d.Name == dep {
			return d.Line
		}
	}
	return 0
}

func (p *Project) checkTests() error {
	for _, t := range p.Tests {
		if err := p.checkKnown(t); err != nil {
			return err
		}
	}
	return nil
}

// Model returns the model that builds name (schema.table), or nil.
func (p *Project) Model(name string) *Model { return p.byName[name] }
