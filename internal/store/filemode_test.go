package store_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestDatabaseFilesArePrivate checks that a new database, its WAL and
// shared-memory files, and a backup can be read by their owner only: they
// hold people's answers and scores.
func TestDatabaseFilesArePrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rolefit.db")
	st, err := store.Open(ctx, path, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "copy.db")
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", backup} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("%s has mode %v, want %v", filepath.Base(p), got, fs.FileMode(0o600))
		}
	}
}

// TestOpenKeepsAnExistingFilesMode checks that opening an existing
// database leaves its mode as the operator set it.
func TestOpenKeepsAnExistingFilesMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rolefit.db")
	if err := os.WriteFile(path, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o640 {
		t.Errorf("existing file's mode became %v, want 0640 kept", got)
	}
}
