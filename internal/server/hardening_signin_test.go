package server

import (
	"fmt"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"
)

// Wrong passwords for one account from many addresses are limited per
// account: past the budget, a browser not known to the account gets one
// attempt per delay (a minute since the last failure). Unknown addresses
// are counted the same, so the refusal does not tell who has an account.
func TestSignInIsLimitedPerAccount(t *testing.T) {
	f := sqliteFixture(t, Config{TrustedProxies: []string{testPeer}, LoginLimit: 100, AccountLimit: 3, AccountWindow: 15 * time.Minute})
	b := f.browser()
	b.get("/login")
	from := 0
	signIn := func(email, password string) (*http.Response, string) {
		t.Helper()
		from++ // every attempt from another address
		return b.withHeaders("POST", "/login", url.Values{"email": {email}, "password": {password}},
			map[string]string{"X-Forwarded-For": fmt.Sprintf("203.0.113.%d", from)})
	}
	var locked []string
	for _, email := range []string{"ada@acme.example", "nobody@acme.example"} {
		for i := range 3 {
			resp, body := signIn(email, "wrong guess "+fmt.Sprint(i))
			wantStatus(t, email+": wrong password", resp, http.StatusUnauthorized, body)
			if i == 0 {
				f.clock.Advance(5 * time.Minute)
			}
		}
		resp, body := signIn(" "+strings.ToUpper(email), testPassword)
		wantStatus(t, email+": right password after the limit", resp, http.StatusTooManyRequests, body)
		wantContains(t, email+": slowed", body, "Too many failed sign-ins with this e-mail address", "Please wait a minute")
		if got := resp.Header.Get("Retry-After"); got != "60" {
			t.Errorf("%s: Retry-After %q, want 60 (the delay since the last failure)", email, got)
		}
		if b.cookies[sessionCookie] != "" {
			t.Fatalf("%s: a locked account was signed in", email)
		}
		locked = append(locked, resp.Status+" "+resp.Header.Get("Retry-After"))
		f.clock.Advance(-5 * time.Minute) // the second address starts at the same time
	}
	if locked[0] != locked[1] {
		t.Errorf("a known and an unknown address are locked differently: %q and %q", locked[0], locked[1])
	}
	// Other accounts are not affected, and the right password works once
	// the delay has passed.
	resp, body := signIn("max@acme.example", testPassword)
	wantStatus(t, "another account", resp, http.StatusSeeOther, body)
	f.clock.Advance(6 * time.Minute) // the last failure was 5 minutes after the clock's reading now
	b = f.browser()
	b.get("/login")
	resp, body = signIn("ada@acme.example", testPassword)
	wantStatus(t, "after the delay", resp, http.StatusSeeOther, body)
}

func TestPasswordChangeIsLimitedPerUser(t *testing.T) {
	f := sqliteFixture(t, Config{AccountLimit: 3, AccountWindow: 15 * time.Minute})
	b := f.browser().signIn(f.mgrA)
	b.get("/settings")
	for range 3 {
		resp, body := b.post("/settings/password", url.Values{"current_password": {"a guess at it"}, "new_password": {"a quiet mountain lake"}})
		wantStatus(t, "wrong current password", resp, http.StatusBadRequest, body)
	}
	// A new password that is refused for itself does not check the
	// current one, so it is not counted either way.
	resp, body := b.post("/settings/password", url.Values{"current_password": {testPassword}, "new_password": {"a quiet mountain lake"}})
	wantStatus(t, "right current password after the limit", resp, http.StatusTooManyRequests, body)
	wantContains(t, "locked", body, "Too many wrong current passwords")
	if resp.Header.Get("Retry-After") != "900" {
		t.Errorf("Retry-After %q, want 900", resp.Header.Get("Retry-After"))
	}
	if _, err := f.st.Authenticate(ctx, f.mgrA.Email, testPassword); err != nil {
		t.Errorf("the password changed while locked: %v", err)
	}
	// Another user is not affected.
	a := f.browser().signIn(f.adminA)
	a.get("/settings")
	resp, body = a.post("/settings/password", url.Values{"current_password": {"a guess at it"}, "new_password": {"a quiet mountain lake"}})
	wantStatus(t, "another user's wrong password", resp, http.StatusBadRequest, body)
}

// Weak passwords are refused wherever a password is set, saying why.
func TestWeakPasswordsAreRefusedOnEveryForm(t *testing.T) {
	weak := []struct{ pw, why string }{
		{"          ", "must not be only spaces"},
		{"zzzzzzzzzzzz", "must not be one character repeated"},
		{"Password1234", "is one of the most common passwords"},
		{"qwertyuiop", "is one of the most common passwords"},
	}
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.adminA)
	for _, w := range weak {
		b.get("/settings/users")
		resp, body := b.post("/settings/users", url.Values{"name": {"Sam"}, "email": {"sam@acme.example"}, "access": {"manager"}, "password": {w.pw}})
		wantStatus(t, fmt.Sprintf("add a user with %q", w.pw), resp, http.StatusBadRequest, body)
		wantContains(t, fmt.Sprintf("add a user with %q", w.pw), body, w.why)
		b.get("/settings")
		resp, body = b.post("/settings/password", url.Values{"current_password": {testPassword}, "new_password": {w.pw}})
		wantStatus(t, fmt.Sprintf("change to %q", w.pw), resp, http.StatusBadRequest, body)
		wantContains(t, fmt.Sprintf("change to %q", w.pw), body, w.why)
	}

	// The first-run setup form.
	clock := newClock()
	st := openSQLite(t, clock)
	token, err := st.NewSetupToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := (&fixture{t: t, app: newApp(t, st, clock, Config{}, ""), st: st, clock: clock}).browser()
	s.get("/setup?token=" + token)
	for _, w := range weak {
		resp, body := s.post("/setup", url.Values{"token": {token}, "organisation": {"Acme"}, "name": {"Ada"}, "email": {"ada@acme.example"}, "password": {w.pw}})
		wantStatus(t, fmt.Sprintf("set up with %q", w.pw), resp, http.StatusBadRequest, body)
		wantContains(t, fmt.Sprintf("set up with %q", w.pw), body, w.why)
	}
	// Names with control or direction-changing characters are refused too.
	resp, body := s.post("/setup", url.Values{"token": {token}, "organisation": {"Acme\u202e"}, "name": {"Ada\x00"}, "email": {"ada@acme.example"}, "password": {testPassword}})
	wantStatus(t, "set up with bad names", resp, http.StatusBadRequest, body)
	wantContains(t, "set up with bad names", body, `id="e-organisation"`, `id="e-name"`, "202E", "NUL")
	if n, err := st.CountUsers(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 0 {
		t.Errorf("refused set-ups made %d users", n)
	}
	b.get("/settings/users")
	resp, body = b.post("/settings/users", url.Values{"name": {"Sam\u2066"}, "email": {"sam@acme.example"}, "access": {"manager"}, "password": {testPassword}})
	wantStatus(t, "add a user with an isolate in the name", resp, http.StatusBadRequest, body)
	wantContains(t, "add a user with an isolate in the name", body, `id="e-name"`, "2066")
}

// An admin adding an address that has an account in another organisation
// learns nothing: it just works. Sign-in then finds the account the
// password opens, and asks when it opens several.
func TestSameAddressInTwoOrganisations(t *testing.T) {
	f := sqliteFixture(t, Config{})
	bea := f.browser().signIn(f.adminB)
	bea.get("/settings/users")
	const betaPassword = "a different passphrase"
	resp, body := bea.post("/settings/users", url.Values{"name": {"Ada at Beta"}, "email": {"Ada@Acme.example"}, "access": {"manager"}, "password": {betaPassword}})
	wantStatus(t, "add an address that has an account at Acme", resp, http.StatusSeeOther, body)
	resp, body = bea.post("/settings/users", url.Values{"name": {"Ada again"}, "email": {"ada@acme.example"}, "access": {"manager"}, "password": {betaPassword}})
	wantStatus(t, "the same address twice in Beta", resp, http.StatusConflict, body)

	signedInTo := func(b *browser) string {
		t.Helper()
		_, u, err := f.st.SessionUser(ctx, b.cookies[sessionCookie])
		if err != nil {
			t.Fatalf("no session: %v", err)
		}
		return u.OrgID
	}
	signIn := func(form url.Values) (*browser, *http.Response, string) {
		b := f.browser()
		b.get("/login")
		resp, body := b.post("/login", form)
		return b, resp, body
	}
	// Different passwords: each opens its own account.
	for _, tc := range []struct{ pw, org string }{{testPassword, f.orgA.ID}, {betaPassword, f.orgB.ID}} {
		b, resp, body := signIn(url.Values{"email": {"ada@acme.example"}, "password": {tc.pw}})
		wantStatus(t, "sign in with "+tc.pw, resp, http.StatusSeeOther, body)
		if got := signedInTo(b); got != tc.org {
			t.Errorf("signed in with %q to %s, want %s", tc.pw, got, tc.org)
		}
	}
	// The same password in both: the page asks which organisation.
	var beta *rolefit.User
	us, _ := f.st.Scope(f.orgB.ID).Users(ctx)
	for i := range us {
		if us[i].Email == "ada@acme.example" {
			beta = &us[i]
		}
	}
	if err := f.st.Scope(f.orgB.ID).ChangePassword(ctx, beta.ID, betaPassword, testPassword, ""); err != nil {
		t.Fatal(err)
	}
	b, resp, body := signIn(url.Values{"email": {"ada@acme.example"}, "password": {testPassword}})
	wantStatus(t, "sign in with the shared password", resp, http.StatusOK, body)
	wantContains(t, "choice", body, `name="org" value="`+f.orgA.ID+`"`, `name="org" value="`+f.orgB.ID+`"`, "Acme", "Beta")
	if b.cookies[sessionCookie] != "" {
		t.Error("signed in before choosing an organisation")
	}
	resp, body = b.post("/login", url.Values{"email": {"ada@acme.example"}, "password": {testPassword}, "org": {f.orgB.ID}})
	wantStatus(t, "sign in to the chosen organisation", resp, http.StatusSeeOther, body)
	if got := signedInTo(b); got != f.orgB.ID {
		t.Errorf("signed in to %s, want Beta %s", got, f.orgB.ID)
	}
	// A wrong password, or an organisation the password did not open,
	// is a plain failure.
	for _, form := range []url.Values{
		{"email": {"ada@acme.example"}, "password": {"not the password"}, "org": {f.orgB.ID}},
		{"email": {"ada@acme.example"}, "password": {testPassword}, "org": {"no-such-org"}},
	} {
		_, resp, body := signIn(form)
		wantStatus(t, "failed choice", resp, http.StatusUnauthorized, body)
	}
	// A password that opens only one of the accounts shows no choice and
	// names no organisation.
	if err := f.st.Scope(f.orgB.ID).ChangePassword(ctx, beta.ID, testPassword, betaPassword, ""); err != nil {
		t.Fatal(err)
	}
	_, resp, body = signIn(url.Values{"email": {"ada@acme.example"}, "password": {"wrong again!"}})
	wantStatus(t, "wrong password", resp, http.StatusUnauthorized, body)
	if strings.Contains(body, `name="org"`) || strings.Contains(body, "Beta") {
		t.Error("a failed sign-in shows an organisation")
	}
	// Choosing Beta with the password of the Acme account signs in to
	// neither: the choice is what was asked for.
	b, resp, body = signIn(url.Values{"email": {"ada@acme.example"}, "password": {testPassword}, "org": {f.orgB.ID}})
	wantStatus(t, "Beta chosen with Acme's password", resp, http.StatusUnauthorized, body)
	if b.cookies[sessionCookie] != "" {
		t.Error("signed in to an organisation that was not chosen")
	}
}
