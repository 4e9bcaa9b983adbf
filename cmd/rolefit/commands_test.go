package main

import (
	"context"
	"os"
	"path/filepath"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/store"
)

func TestMigrateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	code, stdout, stderr := runRolefit(t, "migrate", "--db", db)
	if code != 0 || !strings.Contains(stdout, "applied 0001_init") {
		t.Fatalf("first migrate: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runRolefit(t, "migrate", "--db", db)
	if code != 0 || !strings.Contains(stdout, "up to date") {
		t.Errorf("second migrate: exit %d, %q", code, stdout)
	}
}

func TestUserAddCreatesTheFirstAdmin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	code, stdout, stderr := runRolefit(t, "user", "add", "--db", db, "--org", "Acme Ltd", "--name", "Ann Owner", "--email", "Ann@Acme.example")
	if code != 0 {
		t.Fatalf("user add: exit %d\n%s%s", code, stdout, stderr)
	}
	m := strings.SplitN(stdout, "password: ", 2)
	if len(m) != 2 {
		t.Fatalf("no generated password printed:\n%s", stdout)
	}
	password := strings.Fields(m[1])[0]
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.Authenticate(context.Background(), "ann@acme.example", password)
	if err != nil || u.Access != rolefit.Admin {
		t.Fatalf("the new admin cannot sign in: %v %v", u, err)
	}
	// A second user joins the same organisation by name.
	code, stdout, stderr = runRolefit(t, "user", "add", "--db", db, "--org", "acme ltd", "--name", "Max", "--email", "max@acme.example", "--access", "manager")
	if code != 0 || strings.Contains(stdout, "created organisation") {
		t.Fatalf("second user: exit %d\n%s%s", code, stdout, stderr)
	}
	users, _ := st.Scope(u.OrgID).Users(context.Background())
	if len(users) != 2 {
		t.Errorf("organisation has %d users, want 2", len(users))
	}
	// Bad input names the flags and writes nothing.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--org", "Acme Ltd", "--name", "", "--email", "x"}, "--email"},
		{[]string{"--org", "Acme Ltd", "--name", "Dup", "--email", "max@acme.example"}, "already has an account"},
		{[]string{"--org", "New Co", "--name", "Mo", "--email", "mo@new.example", "--access", "manager"}, "must be an admin"},
		{[]string{"--name", "Mo", "--email", "mo@new.example"}, "--org is required"},
	} {
		code, _, stderr := runRolefit(t, append([]string{"user", "add", "--db", db}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("user add %v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
	orgs, _ := st.Organisations(context.Background())
	if n, err := st.CountUsers(context.Background()); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 2 || len(orgs) != 1 {
		t.Errorf("after refused commands: %d users, %d organisations; want 2 and 1", n, len(orgs))
	}
}

func TestUserAddReadsPasswordFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	var out, errb syncBuffer
	cio := commandIO{getenv: func(string) string { return "" }, stdout: &out, stderr: &errb}
	err := runUserAdd(context.Background(), []string{"--db", db, "--org", "Acme", "--name", "Ann", "--email", "ann@acme.example", "--password-stdin"},
		cio, strings.NewReader("a chosen passphrase\n"))
	if err != nil {
		t.Fatalf("user add --password-stdin: %v\n%s", err, errb.String())
	}
	if strings.Contains(out.String(), "password:") {
		t.Errorf("a password read from stdin was printed")
	}
	st, _ := store.Open(context.Background(), db, store.Options{})
	defer st.Close()
	if _, err := st.Authenticate(context.Background(), "ann@acme.example", "a chosen passphrase"); err != nil {
		t.Errorf("the stdin password does not work: %v", err)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "user", "add", "--db", db, "--org", "Acme", "--name", "Ann", "--email", "ann@acme.example"); code != 0 {
		t.Fatalf("user add: %s%s", out, errOut)
	}
	// Back up while a server has the database open and running.
	base, _, _, stop := startServe(t, nil, "--db", db)
	waitHealthy(t, base)
	dest := filepath.Join(dir, "copy.db")
	code, stdout, stderr := runRolefit(t, "backup", "--db", db, dest)
	if code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, stdout, stderr)
	}
	stop()
	cp, err := store.Open(context.Background(), dest, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	orgs, err := cp.Organisations(context.Background())
	if err != nil || len(orgs) != 1 || orgs[0].Name != "Acme" {
		t.Errorf("the copy holds %v, %v; want organisation Acme", orgs, err)
	}
	before, _ := os.ReadFile(dest)
	code, _, stderr = runRolefit(t, "backup", "--db", db, dest)
	if code == 0 || !strings.Contains(stderr, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(dest); string(after) != string(before) {
		t.Error("a refused backup changed the existing file")
	}
	code, _, stderr = runRolefit(t, "backup", "--db", filepath.Join(dir, "nope.db"), filepath.Join(dir, "x.db"))
	if code == 0 || !strings.Contains(stderr, "no database file") {
		t.Errorf("backup of a missing database: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "nope.db")); err == nil {
		t.Error("backup of a missing database created it")
	}
	code, _, _ = runRolefit(t, "backup", "--db", db)
	if code != 2 {
		t.Errorf("backup without a file name: exit %d, want 2", code)
	}
}
