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

// The key printed by `rolefit apikey add` is the first line of stdout on
// its own, works as a bearer token of the right organisation, and its
// creation is in that organisation's audit log.
func TestAPIKeyAddPrintsAWorkingKey(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "rolefit.db")
	for _, org := range []string{"Acme Ltd", "Other Co"} {
		if code, out, errOut := runRolefit(t, "user", "add", "--db", db, "--org", org, "--name", "Ann",
			"--email", "ann@"+strings.ReplaceAll(strings.ToLower(org), " ", "")+".example"); code != 0 {
			t.Fatalf("user add: %s%s", out, errOut)
		}
	}
	st, err := store.Open(ctx, db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	orgs, err := st.Organisations(ctx)
	if err != nil || len(orgs) != 2 {
		t.Fatalf("organisations: %v %v", orgs, err)
	}
	acme := orgs[0]
	if acme.Name != "Acme Ltd" {
		acme = orgs[1]
	}

	for _, ref := range []string{"acme ltd", acme.ID} {
		code, stdout, stderr := runRolefit(t, "apikey", "add", "--db", db, "--org", ref, "--name", "ATS sync")
		if code != 0 {
			t.Fatalf("apikey add --org %s: exit %d\n%s%s", ref, code, stdout, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "rf_") {
			t.Fatalf("apikey add --org %s: stdout %q, want the key alone on one line", ref, stdout)
		}
		if want := "created API key ATS sync for organisation Acme Ltd; it is shown once"; !strings.Contains(stderr, want) {
			t.Errorf("apikey add --org %s: stderr %q, want %q", ref, stderr, want)
		}
		k, err := st.APIKeyByToken(ctx, lines[0])
		if err != nil {
			t.Fatalf("the printed key does not work: %v", err)
		}
		if k.OrgID != acme.ID || k.Name != "ATS sync" {
			t.Errorf("got key of organisation %s named %q, want %s and %q", k.OrgID, k.Name, acme.ID, "ATS sync")
		}
		// The key is the organisation's, not a user's: it has no creator
		// to lose, and an admin's rights.
		if k.CreatedBy != nil || k.Access != rolefit.Admin {
			t.Errorf("the key has creator %v and role %q, want none and admin", k.CreatedBy, k.Access)
		}
	}
	log, err := st.Scope(acme.ID).AuditLog(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, e := range log {
		if e.Action == "create" && e.SubjectType == "api_key" {
			created++
			if e.ActorID != "console" || e.ActorName != "rolefit apikey add" || e.Detail != "ATS sync" {
				t.Errorf("audit entry %+v: want actor console, rolefit apikey add, detail ATS sync", e)
			}
		}
	}
	if created != 2 {
		t.Errorf("got %d audit entries for created keys, want 2", created)
	}
}

// Bad input exits with status 2, names the flag and creates no key.
func TestAPIKeyAddRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "user", "add", "--db", db, "--org", "Acme", "--name", "Ann", "--email", "ann@acme.example"); code != 0 {
		t.Fatalf("user add: %s%s", out, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "--name", "x"}, "--org is required"},
		{[]string{"--db", db, "--org", " ", "--name", "x"}, "--org is required"},
		{[]string{"--db", db, "--org", "Nobody Inc", "--name", "x"}, `--org: there is no organisation "Nobody Inc"`},
		{[]string{"--db", db, "--org", "Acme"}, "--name is required"},
		{[]string{"--db", db, "--org", "Acme", "--name", "  "}, "--name is required"},
		{[]string{"--db", db, "--org", "Acme", "--name", strings.Repeat("k", 101)}, "--name must be at most 100 characters"},
		{[]string{"--db", db, "--org", "Acme", "--name", "x", "extra"}, `unexpected argument "extra"`},
		{[]string{"--db", db, "--bogus"}, "flag provided but not defined: -bogus"},
	} {
		code, stdout, stderr := runRolefit(t, append([]string{"apikey", "add"}, tc.args...)...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("apikey add %q: exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout, %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
	// A database that is not there is not created.
	missing := filepath.Join(dir, "missing.db")
	if code, _, stderr := runRolefit(t, "apikey", "add", "--db", missing, "--org", "Acme", "--name", "x"); code == 0 || !strings.Contains(stderr, "no database file") {
		t.Errorf("apikey add on a missing database: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("apikey add created a database file")
	}

	st, err := store.Open(ctx, db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	orgs, _ := st.Organisations(ctx)
	keys, err := st.Scope(orgs[0].ID).APIKeys(ctx)
	if err != nil || len(keys) != 0 {
		t.Errorf("after refused commands: keys %v, %v; want none", keys, err)
	}
}

// `rolefit apikey` alone says how to use it on stderr and exits 2; with
// --help it says so on stdout and succeeds; an unknown subcommand is refused.
func TestAPIKeyUsage(t *testing.T) {
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"apikey"}, 2, "", "Usage: rolefit apikey add"},
		{[]string{"apikey", "--help"}, 0, "Usage: rolefit apikey add", ""},
		{[]string{"apikey", "add", "--help"}, 0, "-org", ""},
		{[]string{"apikey", "remove"}, 2, "", `unknown subcommand "remove"`},
	} {
		code, stdout, stderr := runRolefit(t, tc.args...)
		if code != tc.code || (tc.stdout == "") != (stdout == "") || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("rolefit %q: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				tc.args, code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
		}
	}
}
