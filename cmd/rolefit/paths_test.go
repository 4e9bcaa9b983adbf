package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// oddNames are file names with the characters a SQLite URI or a driver's
// DSN would take for a query (?), a fragment (#), an escape (%) or a
// separator (space, &, =).
var oddNames = []string{"g.db#x", "g.db?mode=memory", "g%41.db", "my copy.db", "a#b?c%20 d&e=f.db"}

// sqliteFileAt fails the test unless path is a SQLite database file.
func sqliteFileAt(t *testing.T, what, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !bytes.HasPrefix(b, []byte("SQLite format 3\x00")) || len(b) < 4096 {
		t.Errorf("%s: %s is not a SQLite database (%d bytes)", what, filepath.Base(path), len(b))
	}
}

// filesIn lists the names in dir, leaving out SQLite's own -wal, -shm and
// -journal files.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		n := e.Name()
		if !strings.HasSuffix(n, "-wal") && !strings.HasSuffix(n, "-shm") && !strings.HasSuffix(n, "-journal") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Every command takes a file name as a path, never as a URI: the file
// created, checked, copied and put in place is the one named, whatever
// characters its name holds.
func TestFileNamesAreNotURIs(t *testing.T) {
	for _, name := range oddNames {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, name)
			if code, out, errOut := runRolefit(t, "migrate", "--db", db); code != 0 {
				t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
			}
			sqliteFileAt(t, "migrate", db)
			copyPath := filepath.Join(dir, "copy "+name)
			if code, out, errOut := runRolefit(t, "backup", "--db", db, copyPath); code != 0 {
				t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
			}
			sqliteFileAt(t, "backup", copyPath)
			restored := filepath.Join(dir, "restored "+name)
			if code, out, errOut := runRolefit(t, "restore", "--db", restored, copyPath); code != 0 {
				t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
			}
			sqliteFileAt(t, "restore", restored)
			want := []string{"copy " + name, name, "restored " + name}
			slices.Sort(want)
			if got := filesIn(t, dir); !slices.Equal(got, want) {
				t.Errorf("files in the folder: %q, want %q", got, want)
			}
		})
	}
}

// A copy whose name starts with another file's name is checked itself,
// not the file its name would be cut down to as a URI.
func TestRestoreChecksTheFileItInstalls(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.db")
	if code, out, errOut := runRolefit(t, "migrate", "--db", good); code != 0 {
		t.Fatalf("migrate: %s%s", out, errOut)
	}
	for _, name := range []string{"g.db#x", "g.db?x", "g%2Edb"} {
		junk := filepath.Join(dir, name)
		if err := os.WriteFile(junk, bytes.Repeat([]byte("not a database "), 400), 0o600); err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, "target "+name)
		code, _, errOut := runRolefit(t, "restore", "--db", target, junk)
		if code == 0 || !strings.Contains(errOut, "not a SQLite database") {
			t.Errorf("restore %q: exit %d, %q; want a refusal saying it is not a SQLite database", name, code, errOut)
		}
		if _, err := os.Lstat(target); err == nil {
			t.Errorf("restore %q installed it", name)
		}
	}
}
