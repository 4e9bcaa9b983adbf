package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // to age a database file behind rolefit's back

	"rolefit/internal/demo"
	"rolefit/internal/store"
)

// syncBuffer is a bytes.Buffer safe to read while the server writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var listeningLine = regexp.MustCompile(`rolefit listening on (http://\S+)`)

// startServe runs "rolefit serve" with args on a free port and returns its
// base URL, its output, and a stop function that cancels it (as SIGTERM
// would) and returns the exit code.
func startServe(t *testing.T, env map[string]string, args ...string) (base string, stdout, stderr *syncBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	getenv := func(k string) string { return env[k] }
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), getenv, stdout, stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if m := listeningLine.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited with %d before listening\nstdout: %s\nstderr: %s", code, stdout, stderr)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start listening\nstdout: %s\nstderr: %s", stdout, stderr)
		}
	}
	var once sync.Once
	code := -1
	stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("serve did not stop within 30 s of cancellation")
			}
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return base, stdout, stderr, stop
}

// waitHealthy polls /healthz until it answers 200.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s/healthz never answered 200", base)
}

func TestServeDemoEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	base, stdout, stderr, stop := startServe(t, map[string]string{"ROLEFIT_DB": db}, "--demo")
	waitHealthy(t, base)
	for _, want := range []string{"Demo organisation", demo.Manager.Email, demo.Manager.Password} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("serve --demo output lacks %q:\n%s", want, stdout)
		}
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()

	// Sign in with the printed demo login, as a new user would.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err = client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token on the login page:\n%s", page)
	}
	resp, err = client.PostForm(base+"/login", url.Values{"_csrf": {string(m[1])},
		"email": {demo.Manager.Email}, "password": {demo.Manager.Password}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), demo.OrgName) || !strings.Contains(string(page), "made-up examples") {
		t.Fatalf("after signing in with the demo login: %d\n%s", resp.StatusCode, page)
	}

	if code := stop(); code != 0 {
		t.Errorf("serve exited with %d after cancellation\n%s", code, stderr)
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("no orderly shutdown in the log:\n%s", stderr)
	}
	// The second start finds the demo data and does not add it again.
	base, stdout, _, stop = startServe(t, map[string]string{"ROLEFIT_DB": db}, "--demo")
	waitHealthy(t, base)
	if strings.Contains(stdout.String(), "created") || !strings.Contains(stdout.String(), demo.Manager.Email) {
		t.Errorf("second --demo start:\n%s", stdout)
	}
	stop()
}

func TestServePrintsSetupLinkOnEmptyDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	base, stdout, _, stop := startServe(t, nil, "--db", db)
	waitHealthy(t, base)
	m := regexp.MustCompile(`(http://\S+/setup\?token=\S+)`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no setup link printed:\n%s", stdout)
	}
	resp, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "Create organisation") {
		t.Errorf("setup link: %d\n%s", resp.StatusCode, page)
	}
	stop()
}

func TestServeRefusesNewerSchemaAndBadFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rolefit.db")
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Make the schema look as if a newer rolefit had migrated it.
	code, _, stderr := runRolefit(t, "migrate", "--db", db)
	if code != 0 {
		t.Fatalf("migrate: %d %s", code, stderr)
	}
	bumpSchema(t, db)
	code, _, stderr = runRolefit(t, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if code == 0 || !strings.Contains(stderr, "newer rolefit") {
		t.Errorf("serve on a newer schema: exit %d, stderr %q", code, stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--db", "mysql://x/y"}, "only postgres:// URLs or SQLite"},
		{[]string{"serve", "--db", "postgres://"}, "needs a host"},
		{[]string{"serve", "--log-level", "loud"}, "--log-level"},
		{[]string{"serve", "--no-such-flag"}, "flag provided but not defined"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"serve", "--smtp", "http://mail.example.com"}, "--smtp"},
		{[]string{"serve", "--questionnaires", filepath.Join(t.TempDir(), "none")}, "not a folder"},
		{[]string{"serve", "--questionnaires", brokenQuestionnaires(t)}, "broken.yaml:"},
	} {
		code, _, stderr := runRolefit(t, tc.args...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("rolefit %v: exit %d, stderr %q, want it to mention %q", tc.args, code, stderr, tc.want)
		}
	}
}

func bumpSchema(t *testing.T, db string) {
	t.Helper()
	sqlDB, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	if _, err := sqlDB.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', CURRENT_TIMESTAMP)"); err != nil {
		t.Fatal(err)
	}
}

func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range commands() {
		args := []string{c.name, "--help"}
		code, stdout, _ := runRolefit(t, args...)
		if code != 0 || !strings.Contains(stdout, "Usage: rolefit "+c.name) {
			t.Errorf("rolefit %s --help: exit %d, stdout %q", c.name, code, stdout)
		}
	}
	code, stdout, _ := runRolefit(t, "--help")
	if code != 0 || !strings.Contains(stdout, "Commands:") {
		t.Errorf("rolefit --help: exit %d, %q", code, stdout)
	}
}

// brokenQuestionnaires makes a folder with an invalid questionnaire file.
func brokenQuestionnaires(t *testing.T) string {
	dir := t.TempDir()
	bad := "id: broken\nversion: 1\ntitle: Broken\nresponse_scale: {min: 1, max: 5}\nscales: [{id: a, name: A}]\npages:\n  - items:\n      - {id: a1, text: \"\", scale: nope, key: 2}\n"
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
