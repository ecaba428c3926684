package transform

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"enfance/internal/warehouse"
)

// Model is one SQL file of models/: a SELECT and the header that documents it.
type Model struct {
	Schema      string // staging or marts, from the folder
	Table       string // from the file name
	File        string // path shown in messages
	Description string
	Key         []string
	Depends     []Dep
	Columns     []Column
	Private     string // why the mart stays out of the publics schema, empty when it is published
	SQL         string // the SELECT, without the header
	sqlLine     int    // line of the file where SQL starts
}

// Name is schema.table.
func (m *Model) Name() string { return m.Schema + "." + m.Table }

// Dep is a declared dependency and the header line that declares it.
type Dep struct {
	Name string
	Line int
}

// Column is the documentation of one output column.
type Column struct {
	Name        string
	Description string
	Line        int
}

// ModelError points at a line of a model or test file.
type ModelError struct {
	File string
	Line int
	Err  error
}

func (e *ModelError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ModelError) Unwrap() error { return e.Err }

// Errors a model file can have; a ModelError wraps one of them.
var (
	ErrMisnamed      = errors.New("misnamed file: want models/<staging|marts>/<name>.sql or tests/<name>.sql, name matching [a-z][a-z0-9_]*")
	ErrNotSelect     = errors.New("a model is one SELECT statement")
	ErrDDL           = errors.New("DDL in a model: a model is one SELECT, the runner creates the relation")
	ErrUnknownDep    = errors.New("depends: unknown model")
	ErrUndeclared    = errors.New("reference not declared in depends")
	ErrUnused        = errors.New("depends: declared but never referenced")
	ErrLayer         = errors.New("depends: layer not allowed")
	ErrCycle         = errors.New("dependency cycle")
	ErrHeader        = errors.New("header")
	ErrUndocumented  = errors.New("column without a description")
	ErrMissingColumn = errors.New("documented column not in the result")
)

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// parseFile reads the header and body of a model or test file.
func parseFile(file, schema, table, text string) (*Model, error) {
	m := &Model{Schema: schema, Table: table, File: file}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	i, err := m.parseHeader(lines)
	if err != nil {
		return nil, err
	}
	m.sqlLine = min(i+1, len(lines))
	m.SQL = strings.TrimSpace(strings.Join(lines[i:], "\n"))
	if err := m.checkBody(); err != nil {
		return nil, err
	}
	return m, nil
}

// parseHeader reads the leading "-- key: value" comment lines and returns the index of the first
// line after them. A comment line indented by two spaces or more continues the previous value.
func (m *Model) parseHeader(lines []string) (int, error) {
	var last *string // value that a continuation line extends
	for i, line := range lines {
		n := i + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed == "--" {
			continue
		}
		if !strings.HasPrefix(trimmed, "--") {
			return i, nil
		}
		rest := strings.TrimPrefix(trimmed, "--")
		if strings.HasPrefix(rest, "   ") && last != nil {
			*last += " " + strings.TrimSpace(rest)
			continue
		}
		key, value, ok := strings.Cut(strings.TrimSpace(rest), ":")
		if !ok {
			return 0, m.errorf(n, "%w: want « -- key: value », got %q", ErrHeader, trimmed)
		}
		value = strings.TrimSpace(value)
		var err error
		last, err = m.setDirective(n, strings.TrimSpace(key), value)
		if err != nil {
			return 0, err
		}
	}
	return len(lines), nil
}

func (m *Model) setDirective(line int, key, value string) (*string, error) {
	switch {
	case key == "description":
		m.Description = value
		return &m.Description, nil
	case key == "depends":
		for _, d := range warehouse.SplitNames(value) {
			m.Depends = append(m.Depends, Dep{Name: d, Line: line})
		}
		return nil, nil
	case key == "key":
		m.Key = warehouse.SplitNames(value)
		return nil, nil
	case key == "private":
		m.Private = value
		return &m.Private, nil
	case strings.HasPrefix(key, "column "):
		name := strings.TrimSpace(strings.TrimPrefix(key, "column "))
		if !namePattern.MatchString(name) {
			return nil, m.errorf(line, "%w: bad column name %q", ErrHeader, name)
		}
		m.Columns = append(m.Columns, Column{Name: name, Description: value, Line: line})
		return &m.Columns[len(m.Columns)-1].Description, nil
	}
	return nil, m.errorf(line, "%w: unknown key %q (want description, depends, key, private or column <name>)", ErrHeader, key)
}

var (
	firstWord  = regexp.MustCompile(`^\s*([A-Za-z]+)`)
	ddlWords   = []string{"ALTER", "ATTACH", "COPY", "CREATE", "DELETE", "DETACH", "DROP", "EXPORT", "IMPORT", "INSERT", "INSTALL", "LOAD", "PRAGMA", "SET", "TRUNCATE", "UPDATE", "USE", "VACUUM", "CHECKPOINT", "COMMENT"}
	references = regexp.MustCompile(`\b(raw|staging|marts)\.([a-z0-9_]+)\b`)
)

// checkBody makes sure the body is one SELECT and that it reads exactly what the header declares.
func (m *Model) checkBody() error {
	code := blankCommentsAndStrings(m.SQL)
	word := firstWord.FindStringSubmatch(code)
	if word == nil {
		return m.errorf(m.sqlLine, "%w: the file has no SQL", ErrNotSelect)
	}
	switch kw := strings.ToUpper(word[1]); {
	case slices.Contains(ddlWords, kw):
		return m.errorf(m.sqlLine, "%w (%s)", ErrDDL, kw)
	case kw != "SELECT" && kw != "WITH" && kw != "FROM":
		return m.errorf(m.sqlLine, "%w, got %s", ErrNotSelect, kw)
	}
	if semi := strings.Index(strings.TrimRight(code, "; \n\t"), ";"); semi >= 0 {
		line := m.sqlLine + strings.Count(code[:semi], "\n")
		return m.errorf(line, "%w: a second statement follows the first « ; »", ErrNotSelect)
	}
	return m.checkReferences(code)
}

func (m *Model) checkReferences(code string) error {
	used := map[string]bool{}
	for _, loc := range references.FindAllStringIndex(code, -1) {
		ref := code[loc[0]:loc[1]]
		used[ref] = true
		if !slices.ContainsFunc(m.Depends, func(d Dep) bool { return d.Name == ref }) {
			line := m.sqlLine + strings.Count(code[:loc[0]], "\n")
			return m.errorf(line, "%w: %s", ErrUndeclared, ref)
		}
	}
	for _, d := range m.Depends {
		if !used[d.Name] {
			return m.errorf(d.Line, "%w: %s", ErrUnused, d.Name)
		}
		if err := m.checkLayer(d); err != nil {
			return err
		}
	}
	return nil
}

// allowedReads says which layers each layer may read: nothing but staging reads raw.
var allowedReads = map[string][]string{
	"staging": {"raw", "staging"},
	"marts":   {"staging", "marts"},
	"tests":   {"staging", "marts"},
}

func (m *Model) checkLayer(d Dep) error {
	schema, table, ok := strings.Cut(d.Name, ".")
	if !ok || !namePattern.MatchString(table) || !slices.Contains(allowedReads[m.Schema], schema) {
		return m.errorf(d.Line, "%w: %s may read only %s, not %s",
			ErrLayer, m.Schema, strings.Join(allowedReads[m.Schema], " and "), d.Name)
	}
	if d.Name == m.Name() {
		return m.errorf(d.Line, "%w: %s → %s", ErrCycle, d.Name, d.Name)
	}
	return nil
}

func (m *Model) errorf(line int, format string, args ...any) error {
	return &ModelError{File: m.File, Line: line, Err: fmt.Errorf(format, args...)}
}

// blankCommentsAndStrings replaces comments and string literals with spaces, keeping newlines,
// so that keyword and reference scans see only code and keep their line numbers.
func blankCommentsAndStrings(s string) string {
	b := []byte(s)
	blank := func(from, to int) {
		for k := from; k < to && k < len(b); k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '-' && i+1 < len(b) && b[i+1] == '-':
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s) - i
			}
			blank(i, i+end)
			i += end
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				end = len(s) - i - 2
			}
			blank(i, i+end+4)
			i += end + 3
		case b[i] == '\'':
			j := i + 1
			for j < len(b) {
				if b[j] == '\'' {
					if j+1 < len(b) && b[j+1] == '\'' { // '' is a quote inside the literal
						j += 2
						continue
					}
					break
				}
				j++
			}
			blank(i, j+1)
			i = j
		}
	}
	return string(b)
}
