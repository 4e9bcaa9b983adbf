package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"rolefit"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// buildRolefit builds the rolefit binary into a temporary folder, or skips
// the test when there is no go command or -short asks not to.
func buildRolefit(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds rolefit; skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build rolefit with")
	}
	bin := filepath.Join(t.TempDir(), "rolefit")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// freeAddr returns a loopback address no one listens on at the moment.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startServeProcess runs `rolefit serve` on db at a free loopback address, waits
// until /readyz answers, and stops it with SIGTERM when the test ends. It
// returns the server's base URL.
func startServeProcess(t *testing.T, bin, db string, extra ...string) string {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, append([]string{"serve", "--addr", addr, "--db", db, "--log-level", "warn"}, extra...)...)
	cmd.Env = append(os.Environ(), "ROLEFIT_DB=", "ROLEFIT_ADDR=")
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("rolefit serve at %s said:\n%s", addr, logs.String())
		}
	})
	base := "http://" + addr
	for range 600 { // 30 s: a busy CI machine starts slowly
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("rolefit serve at %s did not become ready:\n%s", addr, logs.String())
	return ""
}

// noRedirects is an HTTP client that shows redirects instead of following
// them and keeps no cookies, so each request carries only what the test
// gives it.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// call sends one request and returns the response with its body read.
func call(t *testing.T, method, u string, body io.Reader, header map[string]string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func cookieOf(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name && c.Value != "" {
			return c
		}
	}
	return nil
}

var csrfInputRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// signIn posts the sign-in form of base and returns the response; the
// CSRF cookie and token come from a fresh GET of the form.
func signIn(t *testing.T, base, email, password string) *http.Response {
	t.Helper()
	resp, body := call(t, "GET", base+"/login", nil, nil)
	m := csrfInputRE.FindStringSubmatch(body)
	csrf := cookieOf(resp, "rolefit_csrf")
	if m == nil || csrf == nil {
		t.Fatalf("sign-in form of %s has no CSRF token (status %d)", base, resp.StatusCode)
	}
	form := url.Values{"_csrf": {m[1]}, "email": {email}, "password": {password}}
	resp, _ = call(t, "POST", base+"/login", strings.NewReader(form.Encode()),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, csrf)
	return resp
}

// TestTwoProcessesOnOnePostgreSQL starts two rolefit processes on one
// PostgreSQL schema, as two machines behind a load balancer would run, and
// shows they behave as one: a session made on one works on the other, a
// sign-in limit reached through one holds on the other, and one invitation
// submitted to both at the same moment is stored once.
func TestTwoProcessesOnOnePostgreSQL(t *testing.T) {
	db := storetest.PostgresURL(t)
	bin := buildRolefit(t)
	ctx := context.Background()

	// The organisation, its admin and an API key, written as `rolefit
	// user add` and the settings page would.
	st, err := store.Open(ctx, db, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	const email, password = "ada@acme.example", "correct horse battery"
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: email, Name: "Ada Admin",
		Access: rolefit.Admin, Password: password}, false)
	if err != nil {
		t.Fatal(err)
	}
	_, apiKey, err := st.Scope(org.ID).CreateAPIKey(ctx, "two processes", rolefit.ActorOf(admin))
	if err != nil {
		t.Fatal(err)
	}

	a, b := startServeProcess(t, bin, db), startServeProcess(t, bin, db)

	t.Run("a session made on one works on the other", func(t *testing.T) {
		resp := signIn(t, a, email, password)
		session := cookieOf(resp, "rolefit_session")
		if resp.StatusCode != http.StatusSeeOther || session == nil {
			t.Fatalf("sign-in on the first process: status %d, session cookie %v; want 303 and a cookie", resp.StatusCode, session)
		}
		resp, body := call(t, "GET", b+"/settings", nil, nil, session)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, email) {
			t.Errorf("the second process with the first's session: got status %d, want 200 and the settings page of %s", resp.StatusCode, email)
		}
		resp, _ = call(t, "GET", b+"/settings", nil, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the second process without a session: got status %d, want 303 to sign in", resp.StatusCode)
		}
	})

	t.Run("one invitation submitted to both at once is stored once", func(t *testing.T) {
		auth := map[string]string{"Authorization": "Bearer " + apiKey, "Content-Type": "application/json"}
		resp, body := call(t, "POST", a+"/api/v1/people", strings.NewReader(
			`{"name":"Cam Candidate","email":"cam@example.com","kind":"candidate"}`), auth)
		var person struct{ ID string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &person) != nil {
			t.Fatalf("add a person on the first process: %d %s", resp.StatusCode, body)
		}
		cat, err := assess.LoadCatalog(questionnaires.FS)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := cat.Latest("sales-service")
		resp, body = call(t, "POST", b+"/api/v1/invitations", strings.NewReader(fmt.Sprintf(
			`{"person_id":%q,"questionnaire":%q,"version":%d}`, person.ID, q.ID, q.Version)), auth)
		var inv struct{ URL string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &inv) != nil {
			t.Fatalf("invite on the second process: %d %s", resp.StatusCode, body)
		}
		u, err := url.Parse(inv.URL)
		if err != nil {
			t.Fatal(err)
		}
		link := u.Path // /i/TOKEN, served by either process
		form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		if resp, body := call(t, "POST", a+link+"/consent", strings.NewReader("consent=yes"), form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("consent: %d %s", resp.StatusCode, body)
		}
		// Answers go to one process or the other, as a load balancer
		// would spread them.
		for i, it := range q.Items() {
			v := 3
			switch it.Kind {
			case assess.KindCheck:
				v = it.Check
			case assess.KindChoice, assess.KindVirtue:
				v = 1
			}
			base := []string{a, b}[i%2]
			if resp, body := call(t, "POST", base+link+"/answer", strings.NewReader(url.Values{
				"item": {it.ID}, "value": {fmt.Sprint(v)}}.Encode()), form); resp.StatusCode != http.StatusOK {
				t.Fatalf("answer %s: %d %s", it.ID, resp.StatusCode, body)
			}
		}
		type outcome struct {
			status   int
			location string
			flash    string
		}
		outcomes := make([]outcome, 2)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, base := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				req, _ := http.NewRequest("POST", base+link+"/submit", nil)
				resp, err := noRedirects.Do(req)
				if err != nil {
					outcomes[i] = outcome{location: err.Error()}
					return
				}
				resp.Body.Close()
				o := outcome{status: resp.StatusCode, location: resp.Header.Get("Location")}
				if c := cookieOf(resp, "rolefit_flash"); c != nil {
					o.flash, _ = url.QueryUnescape(c.Value)
				}
				outcomes[i] = o
			}()
		}
		close(start)
		wg.Wait()
		conflicts := 0
		for i, o := range outcomes {
			if o.status != http.StatusSeeOther || o.location != link+"/done" {
				t.Errorf("process %d: submit answered %d %q, want 303 to the thank-you page", i+1, o.status, o.location)
			}
			if o.flash != "" {
				conflicts++
				if o.flash != "These answers have already been submitted." {
					t.Errorf("process %d told the respondent %q, want that the answers were already submitted", i+1, o.flash)
				}
			}
		}
		if conflicts != 1 {
			t.Errorf("got %d submissions told they came second, want exactly 1 (outcomes %+v)", conflicts, outcomes)
		}
		rs, err := st.Scope(org.ID).PersonResponses(ctx, person.ID)
		if err != nil || len(rs) != 1 {
			t.Errorf("got %d responses stored (%v), want 1", len(rs), err)
		}
	})

	t.Run("a placement one keeps shows what the other changed", func(t *testing.T) {
		auth := map[string]string{"Authorization": "Bearer " + apiKey, "Content-Type": "application/json"}
		resp, body := call(t, "POST", a+"/api/v1/people", strings.NewReader(`{"name":"Dee Candidate","kind":"candidate"}`), auth)
		var person struct{ ID string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &person) != nil {
			t.Fatalf("add a person on the first process: %d %s", resp.StatusCode, body)
		}
		cat, err := assess.LoadCatalog(questionnaires.FS)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := cat.Latest("sales-service")
		answers := map[string]int{}
		// Varied answers, as a person gives them: the same answer to
		// every item would be flagged likely careless, and such answers
		// wait for a manager's look before placement counts them.
		for i, it := range q.Items() {
			answers[it.ID] = 2 + (i*7)%4
			switch it.Kind {
			case assess.KindCheck:
				answers[it.ID] = it.Check
			case assess.KindChoice, assess.KindVirtue:
				answers[it.ID] = 1
			}
		}
		sent, _ := json.Marshal(map[string]any{"person_id": person.ID, "questionnaire": q.ID, "answers": answers})
		if resp, body := call(t, "POST", b+"/api/v1/responses", strings.NewReader(string(sent)), auth); resp.StatusCode != http.StatusCreated {
			t.Fatalf("record a response on the second process: %d %s", resp.StatusCode, body)
		}
		resp, body = call(t, "POST", a+"/api/v1/roles", strings.NewReader(`{"name":"Account executive","activity":"new_business",`+
			`"profile":{"hunter":1},"seats_min":0,"seats_max":5,"hours_per_month":140,"baseline_rate":500,"monthly_cost":1000}`), auth)
		var role struct{ ID string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &role) != nil {
			t.Fatalf("add a role on the first process: %d %s", resp.StatusCode, body)
		}
		placed := func(base string) string {
			t.Helper()
			resp, body := call(t, "GET", base+"/api/v1/placement", nil, auth)
			var p struct{ Assignment map[string]string }
			if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &p) != nil {
				t.Fatalf("placement on %s: %d %s", base, resp.StatusCode, body)
			}
			return p.Assignment[person.ID]
		}
		if got := placed(b); got != role.ID {
			t.Fatalf("the second process places the candidate in %q, want the role %s", got, role.ID)
		}
		// The first closes the role; the second, which keeps its
		// placement, shows the change at once.
		if resp, body := call(t, "PATCH", a+"/api/v1/roles/"+role.ID, strings.NewReader(`{"seats_max":0}`), auth); resp.StatusCode != http.StatusOK {
			t.Fatalf("close the role on the first process: %d %s", resp.StatusCode, body)
		}
		if got := placed(b); got != "" {
			t.Errorf("after the first process closed the role, the second places the candidate in %q, want nowhere", got)
		}
	})

	t.Run("a sign-in limit reached through one holds on the other", func(t *testing.T) {
		// Ten failures (the per-address and per-account limits) through
		// the first process…
		for i := range 10 {
			if resp := signIn(t, a, email, "wrong guess"); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("failed sign-in %d on the first process: got status %d, want 401", i+1, resp.StatusCode)
			}
		}
		// …and the second refuses the eleventh, even with the right
		// password, until the window ends.
		resp := signIn(t, b, email, password)
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
			t.Errorf("sign-in on the second process after ten failures on the first: got status %d (Retry-After %q), want 429 with Retry-After",
				resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	})
}
