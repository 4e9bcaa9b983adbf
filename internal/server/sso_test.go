package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/sso/ssotest"
)

// ssoWorld is a fixture whose organisation A signs in through a test
// OpenID provider on loopback.
type ssoWorld struct {
	f   *fixture
	idp *ssotest.Provider
}

func newSSOWorld(t *testing.T, form url.Values) *ssoWorld {
	t.Helper()
	f, _ := outboundFixture(t, nil)
	idp := ssotest.Start(t, f.clock.Now)
	admin := f.browser().signIn(f.adminA)
	full := url.Values{"enabled": {"on"}, "issuer": {idp.URL}, "client_id": {idp.ClientID}, "client_secret": {idp.ClientSecret},
		"new_user_access": {"manager"}, "password_sign_in": {"on"}}
	for k, v := range form {
		full[k] = v
	}
	for k, v := range full {
		if len(v) == 1 && v[0] == "" {
			delete(full, k)
		}
	}
	admin.get("/settings/sso")
	resp, body := admin.post("/settings/sso", full)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save single sign-on: %d\n%s", resp.StatusCode, body)
	}
	return &ssoWorld{f: f, idp: idp}
}

// signIn goes through single sign-on as a browser does: rolefit's
// sign-in address, the provider, back to the callback. It returns the
// callback's answer.
func (w *ssoWorld) signIn(t *testing.T, b *browser, as ssotest.User) (*http.Response, string) {
	t.Helper()
	w.idp.SignInAs(as)
	resp, body := b.get("/sso/" + w.f.orgA.ID + "?next=/people")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), w.idp.URL+"/auth?") {
		t.Fatalf("the sign-in address: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	auth, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	q := auth.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" || q.Get("state") == "" ||
		q.Get("redirect_uri") != testBaseURL+"/sso/callback" || !strings.Contains(q.Get("scope"), "email") {
		t.Fatalf("the authorisation request lacks PKCE, nonce, state or scope: %s", auth.RawQuery)
	}
	back, err := noRedirect.Get(auth.String())
	if err != nil {
		t.Fatal(err)
	}
	back.Body.Close()
	cb, err := url.Parse(back.Header.Get("Location"))
	if err != nil || back.StatusCode != http.StatusFound {
		t.Fatalf("the provider answered %d to %q", back.StatusCode, back.Header.Get("Location"))
	}
	return b.get(cb.RequestURI())
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// Single sign-on against a provider on loopback: a user of the
// organisation signs in by their verified e-mail address; a token for
// another application, an expired token, an unverified address, someone
// without an account, or a callback in another browser are refused.
func TestSingleSignOn(t *testing.T) {
	w := newSSOWorld(t, nil)
	f := w.f

	b := f.browser()
	resp, body := w.signIn(t, b, ssotest.User{Email: "MAX@acme.example", Verified: true})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/people" {
		t.Fatalf("sign-in: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	resp, body = b.get("/settings")
	wantStatus(t, "signed in", resp, http.StatusOK, body)
	wantContains(t, "signed in", body, "max@acme.example")

	for _, c := range []struct {
		name   string
		as     ssotest.User
		status int
		want   string
	}{
		{"wrong audience", ssotest.User{Email: "max@acme.example", Verified: true, Audience: "another-app"}, http.StatusUnauthorized, "issued to another application"},
		{"expired token", ssotest.User{Email: "max@acme.example", Verified: true, Expired: true}, http.StatusUnauthorized, "it has expired"},
		{"unverified e-mail", ssotest.User{Email: "max@acme.example", Verified: false}, http.StatusUnauthorized, "does not say the e-mail address is verified"},
		{"no account", ssotest.User{Email: "zed@acme.example", Verified: true}, http.StatusForbidden, "no account for zed@acme.example"},
		{"an account of another organisation only", ssotest.User{Email: "bea@beta.example", Verified: true}, http.StatusForbidden, "no account for bea@beta.example"},
	} {
		b := f.browser()
		resp, body := w.signIn(t, b, c.as)
		wantStatus(t, c.name, resp, c.status, body)
		wantContains(t, c.name, body, c.want)
		if resp, _ := b.get("/settings"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: the browser is signed in (%d)", c.name, resp.StatusCode)
		}
	}

	// The provider's answer taken to another browser (without the state's
	// cookie) does not sign it in; nor does a state used before.
	w.idp.SignInAs(ssotest.User{Email: "max@acme.example", Verified: true})
	b = f.browser()
	resp, _ = b.get("/sso/" + f.orgA.ID)
	back, err := noRedirect.Get(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	back.Body.Close()
	cb, _ := url.Parse(back.Header.Get("Location"))
	thief := f.browser()
	resp, body = thief.get(cb.RequestURI())
	wantStatus(t, "another browser", resp, http.StatusUnauthorized, body)
	wantContains(t, "another browser", body, "not begun in this browser")
	resp, body = b.get(cb.RequestURI())
	wantStatus(t, "the browser that began it", resp, http.StatusSeeOther, body)
	resp, body = b.get(cb.RequestURI())
	wantStatus(t, "the same state again", resp, http.StatusUnauthorized, body)

	// An organisation without single sign-on has no sign-in address.
	resp, _ = f.browser().get("/sso/" + f.orgB.ID)
	wantStatus(t, "B's sign-in address", resp, http.StatusNotFound, "")
}

// With accounts made on first sign-in, someone the provider vouches for
// gets one with the access the admin chose; with password sign-in off, a
// password no longer opens the organisation.
func TestSingleSignOnMakesAccountsAndTurnsPasswordsOff(t *testing.T) {
	w := newSSOWorld(t, url.Values{"create_users": {"on"}, "new_user_access": {"admin"}, "password_sign_in": {""}})
	f := w.f
	b := f.browser()
	resp, body := w.signIn(t, b, ssotest.User{Email: "nia@acme.example", Verified: true, Name: "Nia Noor"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first sign-in: %d\n%s", resp.StatusCode, body)
	}
	us, err := f.st.Scope(f.orgA.ID).Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var nia *rolefit.User
	for i := range us {
		if us[i].Email == "nia@acme.example" {
			nia = &us[i]
		}
	}
	if nia == nil || nia.Name != "Nia Noor" || nia.Access != rolefit.Admin {
		t.Fatalf("the account made: %+v", nia)
	}
	// An unverified address still makes nothing.
	_, _ = w.signIn(t, f.browser(), ssotest.User{Email: "oz@acme.example", Verified: false})
	if us2, _ := f.st.Scope(f.orgA.ID).Users(ctx); len(us2) != len(us) {
		t.Errorf("an unverified address made an account")
	}
	// Passwords are off for A.
	p := f.browser()
	p.get("/login")
	resp, body = p.post("/login", url.Values{"email": {f.mgrA.Email}, "password": {testPassword}})
	wantStatus(t, "password sign-in to A", resp, http.StatusForbidden, body)
	wantContains(t, "password sign-in to A", body, "single sign-on only")
	// Turning single sign-on off while passwords are off is refused.
	admin := f.browser()
	w.signIn(t, admin, ssotest.User{Email: f.adminA.Email, Verified: true})
	admin.get("/settings/sso")
	resp, body = admin.post("/settings/sso", url.Values{"issuer": {w.idp.URL}, "client_id": {w.idp.ClientID}, "new_user_access": {"manager"}})
	wantStatus(t, "single sign-on off without passwords", resp, http.StatusBadRequest, body)
	wantContains(t, "single sign-on off without passwords", body, "can be turned off only while single sign-on is on")
	// B's passwords are untouched.
	resp, body = f.browser().signIn(f.adminB).get("/settings")
	wantStatus(t, "B signs in with a password", resp, http.StatusOK, body)
}

// The settings are checked: an issuer that is not an OpenID provider, or
// a private address without --allow-private-webhooks, is refused and
// nothing is saved; the client secret is never shown back.
func TestSingleSignOnSettingsAreChecked(t *testing.T) {
	f := sqliteFixture(t, Config{}) // private addresses not allowed
	idp := ssotest.Start(t, f.clock.Now)
	admin := f.browser().signIn(f.adminA)
	admin.get("/settings/sso")
	resp, body := admin.post("/settings/sso", url.Values{"enabled": {"on"}, "issuer": {idp.URL}, "client_id": {"c"}, "client_secret": {"s"},
		"new_user_access": {"manager"}, "password_sign_in": {"on"}})
	wantStatus(t, "a loopback issuer", resp, http.StatusBadRequest, body)
	wantContains(t, "a loopback issuer", body, "must start with https://")
	f2, _ := outboundFixture(t, nil)
	admin = f2.browser().signIn(f2.adminA)
	admin.get("/settings/sso")
	resp, body = admin.post("/settings/sso", url.Values{"enabled": {"on"}, "issuer": {idp.URL + "/nothing-here"}, "client_id": {"c"}, "client_secret": {"s"},
		"new_user_access": {"manager"}, "password_sign_in": {"on"}})
	wantStatus(t, "not a provider", resp, http.StatusBadRequest, body)
	wantContains(t, "not a provider", body, "no OpenID Connect discovery document")
	resp, body = admin.post("/settings/sso", url.Values{"enabled": {"on"}, "issuer": {idp.URL}, "client_id": {"c"}, "client_secret": {"the-secret-value"},
		"new_user_access": {"manager"}, "password_sign_in": {"on"}})
	wantStatus(t, "saved", resp, http.StatusSeeOther, body)
	resp, body = admin.get("/settings/sso")
	wantStatus(t, "settings", resp, http.StatusOK, body)
	wantContains(t, "settings", body, testBaseURL+"/sso/callback", testBaseURL+"/sso/"+f2.orgA.ID, "A secret is saved")
	if strings.Contains(body, "the-secret-value") {
		t.Error("the settings page shows the client secret")
	}
}
