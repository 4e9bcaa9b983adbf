package server

import (
	"net/http"
	"net/url"
	"regexp"
	"rolefit"
	"strings"
	"testing"
)

// newKeyOnPage creates an API key on Settings → API keys as b's user and
// returns its secret.
func newKeyOnPage(t *testing.T, b *browser, name string) string {
	t.Helper()
	b.get("/settings/api-keys")
	resp, body := b.post("/settings/api-keys", url.Values{"name": {name}})
	wantStatus(t, "create key "+name, resp, http.StatusCreated, body)
	m := regexp.MustCompile(`id="new-key" class="key">(rf_[A-Z2-7]+)<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the new key %s is not shown", name)
	}
	return m[1]
}

// A key made on the settings page is its creator's delegate: it may do
// what its creator may do today, and it is revoked with its creator's
// account. A key made by 'rolefit apikey add' has no creator: it is the
// organisation's, with an admin's rights.
func TestAPIKeyFollowsItsCreator(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	ann, err := o.CreateUser(ctx, rolefit.NewUser{Email: "ann@acme.example", Name: "Ann", Access: rolefit.Admin, Password: testPassword}, rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	key := newKeyOnPage(t, f.browser().signIn(ann), "Ann's sync")
	_, orgKey, err := o.CreateAPIKey(ctx, "server sync", rolefit.Actor{ID: "console", Name: "rolefit apikey add"})
	if err != nil {
		t.Fatal(err)
	}
	ada := f.browser().signIn(f.adminA)

	settings := func(what, k string, want int) {
		t.Helper()
		resp, body := f.apiRequest("PATCH", "/api/v1/organisation", k, `{"gross_margin":0.6}`)
		wantStatus(t, what, resp, want, body)
		if want == http.StatusForbidden {
			wantContains(t, what, body, `"code":"forbidden"`, "acts for a manager")
		}
	}
	reads := func(what, k string, want int) {
		t.Helper()
		resp, body := f.apiRequest("GET", "/api/v1/people", k, "")
		wantStatus(t, what, resp, want, body)
	}
	me := func(what, k, role string) {
		t.Helper()
		resp, body := f.apiRequest("GET", "/api/v1/me", k, "")
		wantStatus(t, what, resp, http.StatusOK, body)
		wantContains(t, what, body, `"access":"`+role+`"`)
	}

	settings("an admin's key changes the settings", key, http.StatusOK)
	me("an admin's key", key, "admin")
	_, body := ada.get("/settings/api-keys")
	wantContains(t, "the keys page", body, "Ann (admin)", "the organisation (admin)", "it may do what you may do")

	// Ann made a manager: her key does what a manager does, at once.
	resp, body := ada.post("/settings/users/"+ann.ID+"/access", url.Values{"access": {"manager"}})
	wantStatus(t, "make Ann a manager", resp, http.StatusSeeOther, body)
	settings("a manager's key changes the settings", key, http.StatusForbidden)
	reads("a manager's key reads people", key, http.StatusOK)
	me("a manager's key", key, "manager")
	if got, _ := o.Get(ctx); got.Settings.GrossMargin != 0.6 {
		t.Errorf("gross margin %v after the refused change, want 0.6", got.Settings.GrossMargin)
	}
	resp, body = ada.post("/settings/users/"+ann.ID+"/access", url.Values{"access": {"admin"}})
	wantStatus(t, "make Ann an admin again", resp, http.StatusSeeOther, body)
	settings("an admin's key again", key, http.StatusOK)

	// Ann removed: her key is revoked, and says so in the list and the
	// audit log. The organisation's key goes on.
	resp, body = ada.post("/settings/users/"+ann.ID+"/delete", nil)
	wantStatus(t, "remove Ann", resp, http.StatusSeeOther, body)
	reads("the removed creator's key", key, http.StatusUnauthorized)
	settings("the removed creator's key", key, http.StatusUnauthorized)
	ks, err := o.APIKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		if live := k.RevokedAt == nil; live != (k.Name == "server sync") {
			t.Errorf("key %q revoked %v, want only Ann's revoked", k.Name, k.RevokedAt)
		}
	}
	log, err := o.AuditLog(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	revoked := false
	for _, e := range log {
		revoked = revoked || e.Action == "revoke" && e.SubjectType == "api_key" && strings.Contains(e.Detail, "ann@acme.example, who was removed")
	}
	if !revoked {
		t.Error("the audit log does not say Ann's key was revoked with her account")
	}
	settings("the organisation's key", orgKey, http.StatusOK)
	me("the organisation's key", orgKey, "admin")
}
