package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestBackupCopiesALiveDatabase(t *testing.T) {
	st := storetest.SQLite(t, nil)
	org, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := st.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(ctx, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file = %v, want a refusal", err)
	}
	cp, err := store.Open(ctx, dest, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if err := cp.CheckSchema(ctx); err != nil {
		t.Errorf("copy's schema: %v", err)
	}
	got, err := cp.Scope(org.ID).Get(ctx)
	if err != nil || got.Name != "Acme" {
		t.Errorf("copy holds organisation %v, %v; want Acme", got, err)
	}
	if _, err := cp.Authenticate(ctx, "ada@example.com", "correct horse battery"); err != nil {
		t.Errorf("copy cannot authenticate the admin: %v", err)
	}
	if _, err := os.Stat(dest + "-wal"); err == nil {
		if fi, _ := os.Stat(dest); fi.Size() == 0 {
			t.Errorf("copy is empty")
		}
	}
}

func TestBackupRefusesPostgres(t *testing.T) {
	st := storetest.Postgres(t, nil)
	err := st.Backup(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("Backup on PostgreSQL = %v, want a pointer to pg_dump", err)
	}
}
