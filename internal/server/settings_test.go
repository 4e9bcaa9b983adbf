package server

import (
	"net/http"
	"net/url"
	"regexp"
	"rolefit"
	"testing"
)

func TestAdminManagesUsers(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.adminA)
	resp, body := b.get("/settings/users")
	wantStatus(t, "users page", resp, http.StatusOK, body)
	wantContains(t, "users page", body, "ada@acme.example", "max@acme.example")
	if regexp.MustCompile(`bea@beta\.example`).MatchString(body) {
		t.Error("organisation A's users page lists B's admin")
	}

	// Bad input: every field named, typed values kept, nothing written.
	resp, body = b.post("/settings/users", url.Values{"name": {"Sam"}, "email": {"sam"}, "access": {"owner"}, "password": {"x"}})
	wantStatus(t, "add user with bad input", resp, http.StatusBadRequest, body)
	wantContains(t, "add user errors", body, `id="e-email"`, `id="e-access"`, `id="e-password"`, `value="Sam"`, `value="sam"`)
	resp, body = b.post("/settings/users", url.Values{"name": {"Sam"}, "email": {"MAX@acme.example"}, "access": {"manager"}, "password": {testPassword}})
	wantStatus(t, "add user with a taken e-mail", resp, http.StatusConflict, body)
	if us, err := f.st.Scope(f.orgA.ID).Users(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(us) != 2 {
		t.Fatalf("bad input changed the users: %d", len(us))
	}

	resp, body = b.post("/settings/users", url.Values{"name": {"Sam"}, "email": {"sam@acme.example"}, "access": {"manager"}, "password": {testPassword}})
	wantStatus(t, "add user", resp, http.StatusSeeOther, body)
	resp, body = b.get("/settings/users")
	wantStatus(t, "users after adding", resp, http.StatusOK, body)
	wantContains(t, "users after adding", body, "sam@acme.example", "Added Sam as manager")
	sam, err := f.st.Authenticate(ctx, "sam@acme.example", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = b.post("/settings/users/"+sam.ID+"/access", url.Values{"access": {"admin"}})
	wantStatus(t, "make Sam admin", resp, http.StatusSeeOther, body)
	if u, err := f.st.Scope(f.orgA.ID).User(ctx, sam.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if u.Access != rolefit.Admin {
		t.Errorf("Sam's access = %s", u.Access)
	}
	resp, body = b.post("/settings/users/"+f.adminA.ID+"/delete", nil)
	wantStatus(t, "remove yourself", resp, http.StatusConflict, body)
	resp, body = b.post("/settings/users/"+sam.ID+"/delete", nil)
	wantStatus(t, "remove Sam", resp, http.StatusSeeOther, body)
	if _, err := f.st.Authenticate(ctx, "sam@acme.example", testPassword); err == nil {
		t.Error("a removed user can still sign in")
	}
	log, _ := f.st.Scope(f.orgA.ID).AuditLog(ctx, 50)
	seen := map[string]bool{}
	for _, e := range log {
		seen[e.Action+" "+e.SubjectType] = true
	}
	for _, want := range []string{"create user", "change_access user", "delete user"} {
		if !seen[want] {
			t.Errorf("audit log lacks %q: %v", want, seen)
		}
	}
}

func TestAPIKeyShownOnceAndRevoked(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.adminA)
	resp, body := b.post("/settings/api-keys", url.Values{"name": {""}})
	wantStatus(t, "key without a name", resp, http.StatusBadRequest, body)
	resp, body = b.post("/settings/api-keys", url.Values{"name": {"Spreadsheet"}})
	wantStatus(t, "create key", resp, http.StatusCreated, body)
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("page showing a secret has Cache-Control %q", cc)
	}
	m := regexp.MustCompile(`id="new-key" class="key">(rf_[A-Z2-7]+)<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the new key is not shown:\n%s", body)
	}
	key := m[1]
	resp, body = f.apiRequest("GET", "/api/v1/me", key, "")
	wantStatus(t, "API with the new key", resp, http.StatusOK, body)
	wantContains(t, "me", body, `"name":"Acme"`, f.orgA.ID, `"name":"Spreadsheet"`)
	_, body = b.get("/settings/api-keys")
	if regexp.MustCompile(key).MatchString(body) {
		t.Error("the key is shown again after creation")
	}
	ks, _ := f.st.Scope(f.orgA.ID).APIKeys(ctx)
	resp, body = b.post("/settings/api-keys/"+ks[0].ID+"/revoke", nil)
	wantStatus(t, "revoke", resp, http.StatusSeeOther, body)
	resp, body = f.apiRequest("GET", "/api/v1/me", key, "")
	wantStatus(t, "API with a revoked key", resp, http.StatusUnauthorized, body)
}

func TestChangePassword(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	other := f.browser().signIn(f.mgrA)
	resp, body := b.post("/settings/password", url.Values{"current_password": {"wrong one!"}, "new_password": {"a new long password"}})
	wantStatus(t, "wrong current password", resp, http.StatusBadRequest, body)
	wantContains(t, "wrong current password", body, `id="e-current_password"`)
	resp, body = b.post("/settings/password", url.Values{"current_password": {testPassword}, "new_password": {"short"}})
	wantStatus(t, "short new password", resp, http.StatusBadRequest, body)
	resp, body = b.post("/settings/password", url.Values{"current_password": {testPassword}, "new_password": {"a new long password"}})
	wantStatus(t, "change password", resp, http.StatusSeeOther, body)
	if _, err := f.st.Authenticate(ctx, f.mgrA.Email, "a new long password"); err != nil {
		t.Errorf("new password does not work: %v", err)
	}
	if resp, _ := b.get("/settings"); resp.StatusCode != http.StatusOK {
		t.Errorf("the browser that changed the password was signed out")
	}
	if resp, _ := other.get("/settings"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("another browser stayed signed in after a password change: %d", resp.StatusCode)
	}
}
