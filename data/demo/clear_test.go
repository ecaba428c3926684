package demo

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// small copies into a new folder a demo of one year and two territories (so with a sub-folder),
// written once.
func small(t *testing.T) string {
	t.Helper()
	src := generate(t, Options{From: 2025, To: 2025, Seed: 1, Scale: 2, WithErrors: true})
	dir := filepath.Join(t.TempDir(), "demo")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// listTree lists every file and folder under dir.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var all []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		all = append(all, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestClear(t *testing.T) {
	dir := small(t)
	if err := os.Mkdir(filepath.Join(dir, "vide"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Clear(dir); err != nil {
		t.Fatal(err)
	}
	if left := listTree(t, dir); len(left) != 1 {
		t.Errorf("left behind: %v", left[1:])
	}
}

// TestClearForeignFile: a file the manifest does not list, anywhere in the folder, stops Clear
// before it removes anything, and the message names it.
func TestClearForeignFile(t *testing.T) {
	for _, name := range []string{"mes-exports.csv", filepath.Join("territoire-02", "a-garder.xlsx"), filepath.Join("nouveau", "b.csv")} {
		dir := small(t)
		foreign := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(foreign), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(foreign, []byte("réel"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := listTree(t, dir)
		err := Clear(dir)
		if !errors.Is(err, ErrNotDemo) || !strings.Contains(err.Error(), "« "+name+" »") ||
			!strings.Contains(err.Error(), "choisissez un autre dossier, ou déplacez ce fichier") {
			t.Errorf("%s: %v", name, err)
		}
		if after := listTree(t, dir); !slices.Equal(before, after) {
			t.Errorf("%s: Clear removed files before refusing", name)
		}
	}
}

// TestClearEditedManifest: a manifest that names a path outside the folder, or one that is not a
// plain relative path, is refused before anything is removed.
func TestClearEditedManifest(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "dehors.csv")
	if err := os.WriteFile(outside, []byte("réel"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(t.TempDir(), outside) // from a sibling folder: ../…/dehors.csv
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.ToSlash(rel), outside, "territoire-02/../" + ManifestFile, "./" + RejectsFile, "", "."} {
		dir := small(t)
		path := filepath.Join(dir, ManifestFile)
		var m Manifest
		b, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(b, &m)
		}
		if err != nil {
			t.Fatal(err)
		}
		m.Files = append(m.Files, FileEntry{Path: p})
		if b, err = json.Marshal(m); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		before := listTree(t, dir)
		if err := Clear(dir); !errors.Is(err, ErrNotDemo) || !strings.Contains(err.Error(), "« "+p+" »") {
			t.Errorf("manifest naming %q: %v", p, err)
		}
		if after := listTree(t, dir); !slices.Equal(before, after) {
			t.Errorf("manifest naming %q: Clear removed files before refusing", p)
		}
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("the file outside: %v", err)
	}
}

// TestClearLink: a link in place of a listed file is not followed, nor removed.
func TestClearLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	outside := filepath.Join(t.TempDir(), "dehors.csv")
	if err := os.WriteFile(outside, []byte("réel"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := small(t)
	link := filepath.Join(dir, RejectsFile)
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if err := Clear(dir); !errors.Is(err, ErrNotDemo) || !strings.Contains(err.Error(), "« "+RejectsFile+" »") {
		t.Errorf("link: %v", err)
	}
	if _, err := os.Lstat(link); err != nil {
		t.Errorf("the link was removed: %v", err)
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("the file outside: %v", err)
	}
}

// TestClearNoManifest: a folder without a valid manifest is not a demo's.
func TestClearNoManifest(t *testing.T) {
	dir := small(t)
	path := filepath.Join(dir, ManifestFile)
	if err := os.WriteFile(path, []byte(`{"donnees_de_demonstration": false}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Clear(dir); !errors.Is(err, ErrNotDemo) || !strings.Contains(err.Error(), "n'est pas un manifeste de démonstration valide") {
		t.Errorf("manifest of no demo: %v", err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := Clear(dir); !errors.Is(err, ErrNotDemo) || !strings.Contains(err.Error(), "ne contient pas d'exports de démonstration") {
		t.Errorf("no manifest: %v", err)
	}
}
