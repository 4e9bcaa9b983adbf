package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A backup into a folder others can write to (such as /tmp) writes only
// files it created itself: a link planted at the copy's name is refused,
// links planted at the names a copy's helpers might take are never
// followed, and the copy appears complete or not at all.
func TestBackupFollowsNoPlantedLink(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "migrate", "--db", db); code != 0 {
		t.Fatalf("migrate: %s%s", out, errOut)
	}
	shared := filepath.Join(dir, "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(dir, "victim")
	const precious = "what another user's link points at\n"
	if err := os.WriteFile(victim, []byte(precious), 0o644); err != nil {
		t.Fatal(err)
	}
	victimUnchanged := func(what string) {
		t.Helper()
		if b, err := os.ReadFile(victim); err != nil || string(b) != precious {
			t.Errorf("%s: the file a planted link points at was changed (%q, %v)", what, b, err)
		}
	}

	// A link at the copy's own name, dangling or not, is refused.
	for _, target := range []string{victim, filepath.Join(dir, "nothing-here")} {
		dest := filepath.Join(shared, "copy.db")
		if err := os.Symlink(target, dest); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runRolefit(t, "backup", "--db", db, dest)
		if code == 0 || !strings.Contains(errOut, "already exists") {
			t.Errorf("backup onto a link to %s: exit %d, %q; want a refusal saying it exists", filepath.Base(target), code, errOut)
		}
		victimUnchanged("backup onto a link")
		if _, err := os.Stat(filepath.Join(dir, "nothing-here")); err == nil {
			t.Error("backup onto a dangling link created the file it points at")
		}
		if err := os.Remove(dest); err != nil {
			t.Fatal(err)
		}
	}

	// Links at the names beside the copy that SQLite or a writer might
	// use are left alone.
	dest := filepath.Join(shared, "copy.db")
	for _, suffix := range []string{"-journal", "-wal", "-shm", ".tmp", ".part", "~"} {
		if err := os.Symlink(victim, dest+suffix); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runRolefit(t, "backup", "--db", db, dest); code != 0 {
		t.Fatalf("backup beside planted links: exit %d\n%s%s", code, out, errOut)
	}
	victimUnchanged("backup beside planted links")
	fi, err := os.Lstat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Errorf("the copy is %v, want a regular file with mode 0600", fi.Mode())
	}
	sqliteFileAt(t, "backup", dest)
	// Nothing is left behind but the copy and the planted links.
	es, err := os.ReadDir(shared)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 7 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %q, want the copy and the six planted links", names)
	}
}
