// Package testtool runs the command-line tools that tests use to look at outputs (pdftotext,
// pdfinfo, pdffonts, qpdf) and finds the browser they drive. Only tests import it; it imports
// nothing of this module.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Run runs a tool and returns its output. A missing tool skips the test, unless
// ENFANCE_REQUIRE_TOOLS is set, as CI sets it, which makes it an error.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("ENFANCE_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s not found: install poppler-utils and qpdf", name)
		}
		t.Skipf("%s not found (set ENFANCE_REQUIRE_TOOLS=1 to make this an error)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// Chromium finds the browser the tests drive headless. A missing browser skips the test, unless
// ENFANCE_REQUIRE_BROWSER is set, as CI sets it, which makes it an error.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("ENFANCE_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found: install the Debian package chromium")
	}
	t.Skip("no Chromium found (set ENFANCE_REQUIRE_BROWSER=1 to make this an error)")
	return ""
}
