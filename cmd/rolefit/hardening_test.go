package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rolefit/internal/store"
)

// userAdd runs "rolefit user add" with a password on standard input.
func userAdd(t *testing.T, db, password string, args ...string) (string, error) {
	t.Helper()
	var out, errb syncBuffer
	cio := commandIO{getenv: func(string) string { return "" }, stdout: &out, stderr: &errb}
	err := runUserAdd(context.Background(), append([]string{"--db", db, "--password-stdin"}, args...), cio, strings.NewReader(password+"\n"))
	return errb.String(), err
}

func TestUserAddSameAddressInTwoOrganisations(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	if stderr, err := userAdd(t, db, "a chosen passphrase", "--org", "Acme", "--name", "Ann", "--email", "ann@example.com"); err != nil {
		t.Fatalf("first account: %v\n%s", err, stderr)
	}
	if stderr, err := userAdd(t, db, "another passphrase", "--org", "Beta", "--name", "Ann", "--email", "ANN@example.com"); err != nil {
		t.Fatalf("the same address in a new organisation: %v\n%s", err, stderr)
	}
	if _, err := userAdd(t, db, "another passphrase", "--org", "Beta", "--name", "Ann", "--email", "ann@example.com", "--access", "manager"); err == nil ||
		!strings.Contains(err.Error(), "--email already has an account") {
		t.Errorf("the same address twice in one organisation: %v, want a refusal naming --email", err)
	}
	if _, err := userAdd(t, db, "password1234", "--org", "Acme", "--name", "Bo", "--email", "bo@example.com", "--access", "manager"); err == nil ||
		!strings.Contains(err.Error(), "--password is one of the most common passwords") {
		t.Errorf("a common password: %v, want a refusal naming --password", err)
	}
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, pw := range []string{"a chosen passphrase", "another passphrase"} {
		if us, err := st.SignIn(context.Background(), "ann@example.com", pw); err != nil || len(us) != 1 {
			t.Errorf("sign in with %q: %d accounts, %v; want 1", pw, len(us), err)
		}
	}
}

func TestBackupFileIsPrivate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "migrate", "--db", db); code != 0 {
		t.Fatalf("migrate: %s%s", out, errOut)
	}
	dest := filepath.Join(dir, "copy.db")
	if code, out, errOut := runRolefit(t, "backup", "--db", db, dest); code != 0 {
		t.Fatalf("backup: %s%s", out, errOut)
	}
	for _, p := range []string{db, dest} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("%s has mode %v, want -rw-------", filepath.Base(p), got)
		}
	}
}
