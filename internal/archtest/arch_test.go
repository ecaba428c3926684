package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "enfance"

// allowed lists, for each package of the module, the only packages of the module it may import.
var allowed = map[string][]string{
	"cmd/enfance":        {"internal/cli", "internal/winlink"},
	"bench":              {"internal/config", "internal/warehouse", "internal/marts", "reports"},
	"internal/cli":       {"*"},
	"internal/config":    {"internal/exports"},
	"internal/warehouse": {},
	"internal/marts":     {"internal/warehouse", "internal/frfmt"}, // frfmt: the sentinels of masked counts
	"internal/frfmt":     {},
	"internal/palette":   {},
	"internal/outfile":   {},
	"internal/secret":    {},
	"internal/golden":    {},
	"internal/testtool":  {},
	"internal/winlink":   {},
	"internal/exports":   {},
	"data/demo":          {"data", "internal/exports"},
	"internal/archtest":  {},
	"data":               {},
	"ingest":             {"internal/warehouse", "internal/exports"},
	"transform":          {"internal/warehouse"},
	"reports":            {"internal/marts", "internal/frfmt", "internal/palette", "internal/outfile"},
	"dashboards":         {"internal/marts", "internal/frfmt", "internal/palette", "internal/outfile"},
	// desk: the pipeline and the inspection come from internal/cli as functions; ingest only for
	// the type of an inspection; frfmt for dates and months in words, as the documents write them;
	// outfile to write the territory file.
	"desk": {"internal/marts", "internal/config", "internal/exports", "internal/frfmt", "internal/outfile", "ingest"},
}

// forbiddenInTests still holds in test files: no test reaches around the layers this way.
var forbiddenInTests = map[string][]string{
	"ingest":     {"transform", "internal/cli"},
	"transform":  {"ingest", "internal/cli"},
	"reports":    {"internal/warehouse", "ingest", "transform", "internal/cli"},
	"dashboards": {"internal/warehouse", "ingest", "transform", "internal/cli"},
}

func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// goFiles walks the module's Go files, skipping node_modules and folders Go ignores.
func goFiles(t *testing.T, fn func(pkg, path string, f *ast.File)) {
	t.Helper()
	top := root(t)
	err := filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != top && (name == "node_modules" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(top, filepath.Dir(path))
		fn(filepath.ToSlash(rel), path, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImports(t *testing.T) {
	goFiles(t, func(pkg, path string, f *ast.File) {
		rules, known := allowed[pkg]
		if !known {
			t.Errorf("%s: package %s has no import rule: add it to allowed", path, pkg)
			return
		}
		isTest := strings.HasSuffix(path, "_test.go")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			internal, ok := strings.CutPrefix(p, module+"/")
			if !ok || internal == pkg {
				continue
			}
			if internal == "internal/cli" && pkg != "cmd/enfance" {
				t.Errorf("%s imports internal/cli: nothing but main may", path)
			}
			if isTest {
				if slices.Contains(forbiddenInTests[pkg], internal) {
					t.Errorf("%s imports %s, which %s must never reach", path, internal, pkg)
				}
				continue
			}
			if !slices.Contains(rules, "*") && !slices.Contains(rules, internal) {
				t.Errorf("%s imports %s; %s may import only %v", path, internal, pkg, rules)
			}
		}
	})
}

// TestOnlyTheCommandLineExitsOrPrints keeps os.Exit, log.Fatal and os.Stdout in cmd/ and
// internal/cli, so that every other package returns errors and results.
func TestOnlyTheCommandLineExitsOrPrints(t *testing.T) {
	goFiles(t, func(pkg, path string, f *ast.File) {
		if pkg == "cmd/enfance" || pkg == "bench" || pkg == "internal/cli" || strings.HasSuffix(path, "_test.go") {
			return
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok {
				switch x.Name + "." + sel.Sel.Name {
				case "os.Exit", "os.Stdout", "log.Fatal", "log.Fatalf", "log.Println", "log.Printf", "fmt.Println", "fmt.Printf":
					t.Errorf("%s uses %s.%s: only cmd/ and internal/cli exit or print", path, x.Name, sel.Sel.Name)
				}
			}
			return true
		})
	})
}

// TestReadContractReadsMartsOnly scans the consumers' queries for raw or staging tables.
func TestReadContractReadsMartsOnly(t *testing.T) {
	dir := filepath.Join(root(t), "internal", "marts", "queries")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	layer := regexp.MustCompile(`(?i)\b(raw|staging)\s*\.`)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if loc := layer.FindIndex(b); loc != nil {
			t.Errorf("internal/marts/queries/%s reads %s: consumers read marts only", e.Name(), b[loc[0]:loc[1]])
		}
	}
}
