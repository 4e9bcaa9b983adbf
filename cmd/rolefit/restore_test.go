package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"rolefit"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/questionnaires"
)

// apiPeople reads every person of the API's people list, page by page, as
// raw JSON keyed by ID, so two servers' answers can be compared exactly.
func apiPeople(t *testing.T, base, key string) map[string]string {
	t.Helper()
	out := map[string]string{}
	cursor := ""
	for {
		resp, body := call(t, "GET", base+"/api/v1/people?limit=100&cursor="+url.QueryEscape(cursor), nil,
			map[string]string{"Authorization": "Bearer " + key})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("people list of %s: %d %s", base, resp.StatusCode, body)
		}
		var page struct {
			Items      []json.RawMessage `json:"items"`
			NextCursor string            `json:"next_cursor"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			var p struct{ ID string }
			if err := json.Unmarshal(it, &p); err != nil {
				t.Fatal(err)
			}
			out[p.ID] = string(it)
		}
		if page.NextCursor == "" {
			return out
		}
		cursor = page.NextCursor
	}
}

// TestBackupUnderLoadThenRestore backs up a database while responses are
// being recorded, restores the copy with 'rolefit restore', and checks a
// server started on it serves the same people and scores as the original
// for everyone in the copy, with no response half-stored.
func TestBackupUnderLoadThenRestore(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two servers under load; skipped with -short")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "user", "add", "--db", db, "--org", "Acme", "--name", "Ann", "--email", "ann@acme.example"); code != 0 {
		t.Fatalf("user add: %s%s", out, errOut)
	}
	st, err := store.Open(ctx, db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := st.Organisations(ctx)
	if err != nil || len(orgs) != 1 {
		t.Fatalf("organisations: %v %v", orgs, err)
	}
	users, err := st.Scope(orgs[0].ID).Users(ctx)
	if err != nil || len(users) != 1 {
		t.Fatalf("users: %v %v", users, err)
	}
	_, key, err := st.Scope(orgs[0].ID).CreateAPIKey(ctx, "load", rolefit.ActorOf(&users[0]))
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := cat.Latest("sales-service")

	base, _, _, stop := startServe(t, nil, "--db", db)
	waitHealthy(t, base)
	auth := map[string]string{"Authorization": "Bearer " + key, "Content-Type": "application/json"}
	// record adds a candidate and their answers, as an integration would.
	record := func(i int) error {
		resp, body := call(t, "POST", base+"/api/v1/people", strings.NewReader(fmt.Sprintf(
			`{"name":"Candidate %d","email":"c%d@example.com","kind":"candidate"}`, i, i)), auth)
		var p struct{ ID string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &p) != nil {
			return fmt.Errorf("add person %d: %d %s", i, resp.StatusCode, body)
		}
		answers := map[string]int{}
		for j, it := range q.Items() {
			switch it.Kind {
			case assess.KindCheck:
				answers[it.ID] = it.Check
			case assess.KindChoice, assess.KindVirtue:
				answers[it.ID] = 1 + (i+j)%2
			default:
				answers[it.ID] = 1 + (i*7+j*3)%5
			}
		}
		b, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": q.ID, "version": q.Version, "answers": answers})
		resp, body = call(t, "POST", base+"/api/v1/responses", strings.NewReader(string(b)), auth)
		if resp.StatusCode != http.StatusCreated {
			return fmt.Errorf("record response %d: %d %s", i, resp.StatusCode, body)
		}
		return nil
	}
	for i := range 5 {
		if err := record(i); err != nil {
			t.Fatal(err)
		}
	}

	// Two writers keep recording while the backup runs.
	var done atomic.Bool
	var recorded atomic.Int64
	var wg sync.WaitGroup
	errc := make(chan error, 2)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !done.Load(); i++ {
				if err := record(1000*(w+1) + i); err != nil {
					errc <- err
					return
				}
				recorded.Add(1)
			}
		}()
	}
	// waitFor waits until the writers have recorded n responses, and stops
	// the test if one of them failed or they stalled.
	waitFor := func(n int64) {
		deadline := time.Now().Add(30 * time.Second)
		for recorded.Load() < n {
			if len(errc) > 0 || time.Now().After(deadline) {
				done.Store(true)
				wg.Wait()
				close(errc)
				for err := range errc {
					t.Fatal(err)
				}
				t.Fatalf("the writers recorded %d responses in 30 s, want %d", recorded.Load(), n)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor(2)
	copyPath := filepath.Join(dir, "copy.db")
	code, out, errOut := runRolefit(t, "backup", "--db", db, copyPath)
	during := recorded.Load()
	waitFor(during + 2)
	done.Store(true)
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if code != 0 {
		t.Fatalf("backup under load: exit %d\n%s%s", code, out, errOut)
	}

	// Restoring over the database the server holds is refused, and
	// leaves it as it was.
	before, _ := os.ReadFile(db)
	code, _, errOut = runRolefit(t, "restore", "--db", db, copyPath)
	if code == 0 || !strings.Contains(errOut, "in use") {
		t.Errorf("restore over a running server's database: exit %d, %q; want a refusal saying it is in use", code, errOut)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
	original := apiPeople(t, base, key)
	stop()

	restored := filepath.Join(dir, "restored.db")
	if code, out, errOut := runRolefit(t, "restore", "--db", restored, copyPath); code != 0 {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	base2, _, _, stop2 := startServe(t, nil, "--db", restored)
	waitHealthy(t, base2)
	copied := apiPeople(t, base2, key)
	stop2()

	// The copy holds everyone recorded before the backup began and no
	// more than the original. Everyone with scores in the copy is served
	// exactly as the original serves them: the same person, the same
	// scores. A person without scores was added just before the snapshot
	// and answered just after it (adding and answering are two calls);
	// their answers are either wholly in the copy or not at all.
	scored := 0
	for id, p := range copied {
		if original[id] == "" {
			t.Errorf("person %s is in the copy but not in the original", id)
			continue
		}
		if strings.Contains(p, `"profile":null`) {
			continue
		}
		scored++
		if original[id] != p {
			t.Errorf("person %s in the copy:\n got %s\nwant %s", id, p, original[id])
		}
	}
	if scored < 5+2 || len(copied) > len(original) {
		t.Errorf("the copy has %d people (%d with scores), want at least %d with scores and at most %d people",
			len(copied), scored, 5+2, len(original))
	}
}

// TestRestoreRefusals: a restore that cannot be done safely says why and
// leaves both files as they were.
func TestRestoreRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rolefit.db")
	if code, out, errOut := runRolefit(t, "migrate", "--db", db); code != 0 {
		t.Fatalf("migrate: %s%s", out, errOut)
	}
	good := filepath.Join(dir, "good.db")
	if code, out, errOut := runRolefit(t, "backup", "--db", db, good); code != 0 {
		t.Fatalf("backup: %s%s", out, errOut)
	}
	newer := filepath.Join(dir, "newer.db")
	if code, out, errOut := runRolefit(t, "backup", "--db", db, newer); code != 0 {
		t.Fatalf("backup: %s%s", out, errOut)
	}
	raw, err := sql.Open("sqlite3", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future', CURRENT_TIMESTAMP)",
		store.KnownSchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("not a database at all, just some words in a file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"newer schema", []string{"--db", db, newer}, fmt.Sprintf("schema version %d but this rolefit knows only up to %d", store.KnownSchemaVersion()+1, store.KnownSchemaVersion())},
		{"not a database", []string{"--db", db, notDB}, "not a SQLite database"},
		{"missing copy", []string{"--db", db, filepath.Join(dir, "nope.db")}, "no copy to restore"},
		{"the database itself", []string{"--db", db, db}, "is the database itself"},
		{"PostgreSQL", []string{"--db", "postgres://u@localhost/rolefit", good}, "pg_restore"},
		{"no file named", []string{"--db", db}, "name one copy to restore"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(db)
			code, _, errOut := runRolefit(t, append([]string{"restore"}, tc.args...)...)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("got exit %d, %q; want a refusal containing %q", code, errOut, tc.want)
			}
			if after, _ := os.ReadFile(db); string(after) != string(before) {
				t.Error("a refused restore changed the database")
			}
			if m, _ := filepath.Glob(db + ".before-restore-*"); len(m) != 0 {
				t.Errorf("a refused restore moved the database aside: %v", m)
			}
		})
	}

	// A good copy replaces the database, which is kept aside.
	code, out, errOut := runRolefit(t, "restore", "--db", db, good)
	if code != 0 || !strings.Contains(out, "kept the old database as "+db+".before-restore-") {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	m, _ := filepath.Glob(db + ".before-restore-*")
	if len(m) != 1 {
		t.Fatalf("old database kept as %v, want one file", m)
	}
	for _, p := range []string{db, m[0]} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if p == db && fi.Mode().Perm() != 0o600 {
			t.Errorf("restored database has mode %v, want 0600", fi.Mode().Perm())
		}
	}
	st, err := store.Open(context.Background(), db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CheckSchema(context.Background()); err != nil {
		t.Errorf("the restored database: %v", err)
	}
}
