package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"rolefit"
	"strings"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/mail"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

var ctx = context.Background()

var (
	catalogOnce sync.Once
	catalog     *assess.Catalog
	catalogErr  error
)

// testCatalog is the shipped questionnaires, loaded once.
func testCatalog(t testing.TB) *assess.Catalog {
	catalogOnce.Do(func() { catalog, catalogErr = assess.LoadCatalog(questionnaires.FS) })
	if catalogErr != nil {
		t.Fatalf("load shipped questionnaires: %v", catalogErr)
	}
	return catalog
}

// fixture is a running app on a real database with two organisations: A
// with an admin and a manager, and B with an admin.
type fixture struct {
	t      *testing.T
	app    *fiber.App
	st     *store.Store
	clock  *storetest.Clock
	orgA   *rolefit.Organisation
	adminA *rolefit.User
	mgrA   *rolefit.User
	orgB   *rolefit.Organisation
	adminB *rolefit.User
}

const testPassword = "correct horse battery"

// testBaseURL is the address invitation links start with in tests.
const testBaseURL = "http://rolefit.test"

// useCases builds the use cases on st for tests: links start with base
// (testBaseURL when empty), and e-mail goes through mailer when given.
func useCases(t testing.TB, st *store.Store, clock *storetest.Clock, mailer usecases.Mailer, base string) *usecases.App {
	t.Helper()
	if base == "" {
		base = testBaseURL
	}
	uc, err := usecases.New(usecases.Config{Store: st, Catalog: testCatalog(t), Mailer: mailer, BaseURL: base, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return uc
}

func newFixture(t *testing.T, st *store.Store, clock *storetest.Clock, cfg Config) *fixture {
	return newFixtureWith(t, st, clock, cfg, nil, "")
}

func newFixtureWith(t *testing.T, st *store.Store, clock *storetest.Clock, cfg Config, mailer usecases.Mailer, base string) *fixture {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	app, err := New(cfg, useCases(t, st, clock, mailer, base), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, app: app, st: st, clock: clock}
	f.orgA, f.adminA, err = st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: testPassword}, false)
	if err != nil {
		t.Fatal(err)
	}
	f.mgrA, err = st.Scope(f.orgA.ID).CreateUser(ctx, rolefit.NewUser{Email: "max@acme.example", Name: "Max", Access: rolefit.Manager, Password: testPassword}, rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	f.orgB, f.adminB, err = st.CreateOrganisation(ctx, "Beta", rolefit.NewUser{Email: "bea@beta.example", Name: "Bea", Access: rolefit.Admin, Password: testPassword}, false)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// sqliteFixture is a fixture on a SQLite file.
func sqliteFixture(t *testing.T, cfg Config) *fixture {
	clock := storetest.NewClock(testStart)
	return newFixture(t, storetest.SQLite(t, clock), clock, cfg)
}

// mailFixture is a fixture on a SQLite file that e-mails invitation links
// through mailer, with links starting at base.
func mailFixture(t *testing.T, mailer usecases.Mailer, base string) *fixture {
	clock := storetest.NewClock(testStart)
	return newFixtureWith(t, storetest.SQLite(t, clock), clock, Config{}, mailer, base)
}

// browser is a cookie-keeping client of the app, like a person's browser.
type browser struct {
	f       *fixture
	cookies map[string]string
	csrf    string // the CSRF token of the last page that had a form
	ip      string
}

func (f *fixture) browser() *browser {
	return &browser{f: f, cookies: map[string]string{}, ip: "192.0.2.10"}
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// do sends a request and records cookies and any CSRF token on the page.
func (b *browser) do(req *http.Request) (*http.Response, string) {
	b.f.t.Helper()
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.f.app.Test(req, -1)
	if err != nil {
		b.f.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	if m := csrfInput.FindSubmatch(body); m != nil {
		b.csrf = string(m[1])
	}
	return resp, string(body)
}

func (b *browser) get(path string) (*http.Response, string) {
	b.f.t.Helper()
	return b.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form with the browser's current CSRF token (unless the form
// sets _csrf itself).
func (b *browser) post(path string, form url.Values) (*http.Response, string) {
	b.f.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", b.csrf)
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// signIn signs the browser in as u, failing the test if it does not work.
func (b *browser) signIn(u *rolefit.User) *browser {
	b.f.t.Helper()
	b.get("/login")
	resp, body := b.post("/login", url.Values{"email": {u.Email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther {
		b.f.t.Fatalf("sign in as %s: status %d\n%s", u.Email, resp.StatusCode, body)
	}
	b.get("/") // pick up the session's CSRF token
	return b
}

// apiRequest sends a JSON API request with an optional bearer key.
func (f *fixture) apiRequest(method, path, key, body string) (*http.Response, string) {
	f.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := f.app.Test(req, -1)
	if err != nil {
		f.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// basicRequest sends a JSON request with HTTP Basic credentials whose
// user name is key (none when key is empty), as Greenhouse calls.
func (f *fixture) basicRequest(method, path, key, body string) (*http.Response, string) {
	f.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.SetBasicAuth(key, "")
	}
	resp, err := f.app.Test(req, -1)
	if err != nil {
		f.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

func wantStatus(t *testing.T, what string, resp *http.Response, want int, body string) {
	t.Helper()
	if resp.StatusCode != want {
		if len(body) > 600 {
			body = body[:600] + "…"
		}
		t.Errorf("%s: status %d, want %d\n%s", what, resp.StatusCode, want, body)
	}
}

func wantContains(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: body does not contain %q", what, w)
		}
	}
}

func newClock() *storetest.Clock { return storetest.NewClock(testStart) }

func openSQLite(t *testing.T, clock *storetest.Clock) *store.Store { return storetest.SQLite(t, clock) }

func newAppTB(t testing.TB, st *store.Store, clock *storetest.Clock) *fiber.App {
	t.Helper()
	app, err := New(Config{Now: clock.Now}, useCases(t, st, clock, nil, ""), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// newApp builds the app on st; invitation links start with base
// (testBaseURL when empty).
func newApp(t *testing.T, st *store.Store, clock *storetest.Clock, cfg Config, base string) *fiber.App {
	t.Helper()
	cfg.Now = clock.Now
	app, err := New(cfg, useCases(t, st, clock, nil, base), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// mailParse builds a mailer from an SMTP URL for tests.
func mailParse(u string) (usecases.Mailer, error) { return mail.ParseURL(u) }
