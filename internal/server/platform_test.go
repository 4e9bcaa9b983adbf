package server

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/store/storetest"
)

func TestHealthAndReadiness(t *testing.T) {
	f := sqliteFixture(t, Config{})
	resp, body := f.browser().get("/healthz")
	wantStatus(t, "healthz", resp, http.StatusOK, body)
	resp, body = f.browser().get("/readyz")
	wantStatus(t, "readyz", resp, http.StatusOK, body)
	f.st.Close() // the database goes away
	resp, body = f.browser().get("/healthz")
	wantStatus(t, "healthz without database", resp, http.StatusOK, body)
	resp, body = f.browser().get("/readyz")
	wantStatus(t, "readyz without database", resp, http.StatusServiceUnavailable, body)
}

func TestSecurityHeaders(t *testing.T) {
	f := sqliteFixture(t, Config{})
	for _, path := range []string{"/login", "/no-such-page", "/api/v1/me", "/healthz"} {
		resp, _ := f.browser().get(path)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
			if got := resp.Header.Get(h); got != want {
				t.Errorf("%s: %s = %q, want %q", path, h, got, want)
			}
		}
	}
}

func TestNoInlineScriptsInPages(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.adminA)
	for _, path := range []string{"/login", "/", "/settings", "/settings/users", "/settings/api-keys", "/people", "/no-such-page"} {
		_, body := b.get(path)
		for _, bad := range []string{"<script>", " onclick=", " onsubmit=", " style=", "javascript:"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q, which the Content-Security-Policy blocks", path, bad)
			}
		}
	}
}

// The body limit is enforced by fasthttp while it reads the request, so
// this test uses a real listener: app.Test reports that case as its own
// error instead of returning the response.
func TestOversizedBodyIsRefused(t *testing.T) {
	f := sqliteFixture(t, Config{BodyLimit: 1024})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go f.app.Listener(ln)
	t.Cleanup(func() { f.app.Shutdown() })
	base := "http://" + ln.Addr().String()
	big := url.Values{"email": {strings.Repeat("a", 2000)}, "password": {"x"}}
	resp, err := http.PostForm(base+"/login", big)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	wantStatus(t, "oversized form", resp, http.StatusRequestEntityTooLarge, string(body))
	wantContains(t, "oversized form", string(body), "larger than rolefit accepts")
	resp, err = http.Post(base+"/api/v1/me", "application/json", strings.NewReader(`{"x":"`+strings.Repeat("a", 2000)+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	wantStatus(t, "oversized API body", resp, http.StatusRequestEntityTooLarge, string(body))
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != "invalid" {
		t.Errorf("oversized API body: %s (%v)", body, err)
	}
}

func TestAPIErrorsAreJSON(t *testing.T) {
	f := sqliteFixture(t, Config{})
	for _, tc := range []struct {
		path, key string
		status    int
		code      string
	}{
		{"/api/v1/me", "", http.StatusUnauthorized, "unauthorized"},
		{"/api/v1/me", "rf_forged", http.StatusUnauthorized, "unauthorized"},
		{"/api/v1/me", "not-even-a-key", http.StatusUnauthorized, "unauthorized"},
	} {
		resp, body := f.apiRequest("GET", tc.path, tc.key, "")
		wantStatus(t, tc.path, resp, tc.status, body)
		var e apiError
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code != tc.code || e.Error.Message == "" {
			t.Errorf("%s with key %q: body %s, want code %q", tc.path, tc.key, body, tc.code)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s: Content-Type %q", tc.path, ct)
		}
	}
	_, secret, _ := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "k", rolefit.ActorOf(f.adminA))
	resp, body := f.apiRequest("GET", "/api/v1/no-such-thing", secret, "")
	wantStatus(t, "unknown API route", resp, http.StatusNotFound, body)
	wantContains(t, "unknown API route", body, `"code":"not_found"`)
}

func TestAPIKeySeesOnlyItsOrganisation(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, keyA, _ := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "a", rolefit.ActorOf(f.adminA))
	_, keyB, _ := f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))
	_, body := f.apiRequest("GET", "/api/v1/me", keyA, "")
	wantContains(t, "A's key", body, f.orgA.ID)
	_, body = f.apiRequest("GET", "/api/v1/me", keyB, "")
	wantContains(t, "B's key", body, f.orgB.ID)
	if strings.Contains(body, f.orgA.ID) {
		t.Error("B's key sees A's organisation")
	}
}

func TestOpenAPIDescribesEveryAPIRoute(t *testing.T) {
	f := sqliteFixture(t, Config{})
	resp, body := f.browser().get("/api/v1/openapi.json")
	wantStatus(t, "openapi.json", resp, http.StatusOK, body)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || doc.OpenAPI == "" {
		t.Fatalf("openapi.json is not an OpenAPI document: %v", err)
	}
	n := 0
	for _, r := range f.app.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/api/v1/") || r.Method == "HEAD" {
			continue
		}
		n++
		path := openAPIPath(r.Path)
		if doc.Paths[path][strings.ToLower(r.Method)] == nil {
			t.Errorf("route %s %s is missing from openapi.json (as %s)", r.Method, r.Path, path)
		}
	}
	if n == 0 {
		t.Fatal("found no API routes in the router")
	}
}

// openAPIPath turns a Fiber pattern (/people/:id) into OpenAPI's (/people/{id}).
func openAPIPath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.HasPrefix(s, ":") {
			parts[i] = "{" + strings.TrimSuffix(s[1:], "?") + "}"
		}
	}
	return strings.Join(parts, "/")
}

func TestPagesRenderOnPostgres(t *testing.T) {
	clock := newClock()
	st := storetest.Postgres(t, clock)
	f := newFixture(t, st, clock, Config{})
	b := f.browser().signIn(f.adminA)
	for _, path := range []string{"/", "/settings", "/settings/users", "/settings/api-keys"} {
		resp, body := b.get(path)
		wantStatus(t, path, resp, http.StatusOK, body)
	}
}

func TestUnknownPageIsHTML404(t *testing.T) {
	f := sqliteFixture(t, Config{})
	req := httptest.NewRequest("GET", "/no/such/page", nil)
	resp, err := f.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("unknown page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestWrongAPIKeysAreRateLimited(t *testing.T) {
	f := sqliteFixture(t, Config{TokenGuess: 3})
	_, good, _ := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "k", rolefit.ActorOf(f.adminA))
	for i := 0; i < 3; i++ {
		resp, body := f.apiRequest("GET", "/api/v1/me", "rf_guess", "")
		wantStatus(t, "wrong key", resp, http.StatusUnauthorized, body)
	}
	resp, body := f.apiRequest("GET", "/api/v1/me", "rf_guess", "")
	wantStatus(t, "a wrong key after too many from the same address", resp, http.StatusTooManyRequests, body)
	wantContains(t, "rate limited", body, `"code":"rate_limited"`)
	// A valid key from the same address is served all the same.
	resp, body = f.apiRequest("GET", "/api/v1/me", good, "")
	wantStatus(t, "the right key from a limited address", resp, http.StatusOK, body)
	f.clock.Advance(5*time.Minute + time.Second)
	resp, body = f.apiRequest("GET", "/api/v1/me", "rf_guess", "")
	wantStatus(t, "a wrong key after the window", resp, http.StatusUnauthorized, body)
}
