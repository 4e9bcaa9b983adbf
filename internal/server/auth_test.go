package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"rolefit/internal/store"
)

var testStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestSignInAndOut(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser()
	resp, body := b.get("/")
	wantStatus(t, "anonymous home", resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/login?next=%2F" {
		t.Errorf("anonymous home redirects to %q", loc)
	}
	resp, body = b.get("/login")
	wantStatus(t, "login page", resp, http.StatusOK, body)
	wantContains(t, "login page", body, `autocomplete="current-password"`, `<label for="f-email">`)
	if b.csrf == "" || b.cookies[csrfCookie] != b.csrf {
		t.Fatalf("login form CSRF token %q does not match cookie %q", b.csrf, b.cookies[csrfCookie])
	}
	resp, body = b.post("/login", url.Values{"email": {"  ADA@acme.example "}, "password": {testPassword}, "next": {"/settings"}})
	wantStatus(t, "sign in", resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/settings" {
		t.Errorf("after sign-in went to %q, want /settings", loc)
	}
	if b.cookies[sessionCookie] == "" {
		t.Fatal("no session cookie after sign-in")
	}
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode) {
			t.Errorf("session cookie is not HttpOnly and SameSite=Lax: %+v", c)
		}
	}
	resp, body = b.get("/")
	wantStatus(t, "home", resp, http.StatusOK, body)
	wantContains(t, "home", body, "Acme", "Hello Ada", `href="/people"`, `href="/team"`, `href="/placement"`, `href="/costs"`, `href="/settings"`)
	old := b.cookies[sessionCookie]

	// Sign-out needs the CSRF token.
	resp, body = b.post("/logout", url.Values{"_csrf": {"wrong"}})
	wantStatus(t, "sign out with a wrong token", resp, http.StatusForbidden, body)
	if _, _, err := f.st.SessionUser(ctx, old); err != nil {
		t.Fatalf("a refused sign-out ended the session: %v", err)
	}
	resp, body = b.post("/logout", nil)
	wantStatus(t, "sign out", resp, http.StatusSeeOther, body)
	if _, _, err := f.st.SessionUser(ctx, old); err == nil {
		t.Error("session still valid after sign-out")
	}
	b.cookies[sessionCookie] = old // a copied cookie must not work either
	resp, _ = b.get("/")
	wantStatus(t, "home with a signed-out cookie", resp, http.StatusSeeOther, "")
}

func TestSignInFailuresKeepTheEmailAndWriteNothing(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser()
	b.get("/login")
	for _, tc := range []struct{ email, password string }{
		{"ada@acme.example", "not the password"},
		{"nobody@acme.example", testPassword},
	} {
		resp, body := b.post("/login", url.Values{"email": {tc.email}, "password": {tc.password}})
		wantStatus(t, "sign in as "+tc.email, resp, http.StatusUnauthorized, body)
		wantContains(t, "failed sign in", body, "do not match an account", `value="`+tc.email+`"`, `role="alert"`)
		if strings.Contains(body, tc.password) {
			t.Errorf("the password was echoed back")
		}
		if b.cookies[sessionCookie] != "" {
			t.Errorf("a failed sign-in set a session cookie")
		}
	}
	log, _ := f.st.Scope(f.orgA.ID).AuditLog(ctx, 100)
	for _, e := range log {
		if e.Action == "sign_in" {
			t.Errorf("a failed sign-in was recorded as a sign-in: %+v", e)
		}
	}
}

func TestCSRFIsRequired(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser()
	b.get("/login")
	for _, tok := range []string{"", "forged-token"} {
		resp, body := b.post("/login", url.Values{"_csrf": {tok}, "email": {"ada@acme.example"}, "password": {testPassword}})
		wantStatus(t, "sign in with CSRF token "+tok, resp, http.StatusForbidden, body)
		wantContains(t, "CSRF refusal", body, "reload the page")
	}
	if b.cookies[sessionCookie] != "" {
		t.Error("sign-in without a CSRF token started a session")
	}
	// Signed in, forms must carry the session's token, not the old cookie's.
	b.signIn(f.adminA)
	resp, body := b.post("/settings/api-keys", url.Values{"_csrf": {"forged-token"}, "name": {"x"}})
	wantStatus(t, "create key with a forged token", resp, http.StatusForbidden, body)
	if ks, err := f.st.Scope(f.orgA.ID).APIKeys(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ks) != 0 {
		t.Errorf("a forged form created %d keys", len(ks))
	}
	// A token of another session does not work either.
	other := f.browser().signIn(f.adminA)
	resp, body = b.post("/settings/api-keys", url.Values{"_csrf": {other.csrf}, "name": {"x"}})
	wantStatus(t, "create key with another session's token", resp, http.StatusForbidden, body)
}

func TestSignInIsRateLimited(t *testing.T) {
	f := sqliteFixture(t, Config{LoginLimit: 3, LoginWindow: time.Minute})
	b := f.browser()
	b.get("/login")
	for i := 1; i <= 3; i++ {
		resp, body := b.post("/login", url.Values{"email": {"ada@acme.example"}, "password": {"guess " + string(rune('0'+i))}})
		wantStatus(t, "failed attempt", resp, http.StatusUnauthorized, body)
	}
	resp, body := b.post("/login", url.Values{"email": {"ada@acme.example"}, "password": {testPassword}})
	wantStatus(t, "attempt after the limit", resp, http.StatusTooManyRequests, body)
	wantContains(t, "rate limited", body, "Too many failed attempts")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	if b.cookies[sessionCookie] != "" {
		t.Error("a rate-limited attempt signed in")
	}
}

func TestSuccessfulSignInsAreNotLimited(t *testing.T) {
	f := sqliteFixture(t, Config{LoginLimit: 2, LoginWindow: time.Minute})
	for i := 0; i < 5; i++ {
		f.browser().signIn(f.mgrA)
	}
}

func TestExpiredAndForgedSessions(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	f.clock.Advance(store.SessionIdle + time.Minute)
	resp, _ := b.get("/settings")
	wantStatus(t, "expired session", resp, http.StatusSeeOther, "")
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login?next=") {
		t.Errorf("expired session redirected to %q", loc)
	}
	if b.cookies[sessionCookie] != "" {
		t.Error("the expired session cookie was not cleared")
	}
	forged := f.browser()
	forged.cookies[sessionCookie] = "forged"
	resp, _ = forged.get("/")
	wantStatus(t, "forged session", resp, http.StatusSeeOther, "")
	// A form post with a dead session is refused, not half-done.
	b2 := f.browser().signIn(f.adminA)
	f.clock.Advance(store.SessionMax)
	resp, body := b2.post("/settings/api-keys", url.Values{"name": {"late"}})
	if resp.StatusCode < 400 {
		t.Errorf("post with an expired session: status %d", resp.StatusCode)
	}
	_ = body
	if ks, err := f.st.Scope(f.orgA.ID).APIKeys(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ks) != 0 {
		t.Error("an expired session created a key")
	}
}

func TestSignInDoesNotRedirectOffSite(t *testing.T) {
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"} {
		if got := safeNext(next); got != "/" {
			t.Errorf("safeNext(%q) = %q, want /", next, got)
		}
	}
	if got := safeNext("/people?kind=staff"); got != "/people?kind=staff" {
		t.Errorf("safeNext of a local path = %q", got)
	}
	f := sqliteFixture(t, Config{})
	b := f.browser()
	b.get("/login")
	resp, _ := b.post("/login", url.Values{"email": {"ada@acme.example"}, "password": {testPassword}, "next": {"//evil.example"}})
	if loc := resp.Header.Get("Location"); loc != "/" {
		t.Errorf("sign-in with next=//evil.example went to %q", loc)
	}
}

func TestSetupLink(t *testing.T) {
	clock := newClock()
	st := openSQLite(t, clock)
	app := newApp(t, st, clock, Config{}, "")
	f := &fixture{t: t, app: app, st: st, clock: clock}
	b := f.browser()
	resp, body := b.get("/login")
	wantStatus(t, "login on a new install", resp, http.StatusOK, body)
	wantContains(t, "login on a new install", body, "no accounts yet")
	resp, body = b.get("/setup?token=forged")
	wantStatus(t, "forged setup link", resp, http.StatusNotFound, body)
	token, err := st.NewSetupToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = b.get("/setup?token=" + token)
	wantStatus(t, "setup form", resp, http.StatusOK, body)
	// Bad input comes back with every field error and the typed values.
	resp, body = b.post("/setup", url.Values{"token": {token}, "organisation": {""}, "name": {"Ada"}, "email": {"ada@"}, "password": {"short"}})
	wantStatus(t, "setup with bad input", resp, http.StatusBadRequest, body)
	wantContains(t, "setup errors", body, `id="e-organisation"`, `id="e-email"`, `id="e-password"`, `value="Ada"`, `value="ada@"`)
	if n, err := st.CountUsers(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 0 {
		t.Fatalf("refused setup created %d users", n)
	}
	resp, body = b.post("/setup", url.Values{"token": {token}, "organisation": {"Acme"}, "name": {"Ada"}, "email": {"ada@acme.example"}, "password": {testPassword}})
	wantStatus(t, "setup", resp, http.StatusSeeOther, body)
	resp, body = b.get("/")
	wantStatus(t, "home after setup", resp, http.StatusOK, body)
	wantContains(t, "home after setup", body, "Welcome to rolefit", "Acme")
	resp, _ = f.browser().post("/setup", url.Values{"token": {token}, "organisation": {"Evil"}, "name": {"Eve"}, "email": {"eve@x.example"}, "password": {testPassword}})
	if resp.StatusCode < 400 {
		t.Errorf("setup link reused: status %d\n%s", resp.StatusCode, body)
	}
	if n, err := st.CountUsers(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 1 {
		t.Errorf("%d users after setup and a reuse attempt, want 1", n)
	}
}
