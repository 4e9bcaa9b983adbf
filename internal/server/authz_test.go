package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// access is the status each kind of caller gets from a route: nobody
// signed in, a manager of organisation A, an admin of organisation B (the
// wrong organisation), and an admin of A. Routes with an ID are called with
// an ID of A's data; B must get "not found", exactly as for an ID that does
// not exist. API routes use: no key, B's key (in otherAdmin), A's key (in
// admin); manager is unused for them.
type access struct {
	anon, manager, otherAdmin, admin int
}

const (
	ok       = http.StatusOK
	created  = http.StatusCreated
	redirect = http.StatusSeeOther
	bad      = http.StatusBadRequest
	unauth   = http.StatusUnauthorized
	denied   = http.StatusForbidden
	notFound = http.StatusNotFound
)

// authzMatrix lists every route of the router. A test fails when a route
// is missing, so a new route cannot skip this table.
var authzMatrix = map[string]access{
	"GET /healthz":                       {ok, ok, ok, ok},
	"GET /readyz":                        {ok, ok, ok, ok},
	"GET /api/v1/openapi.json":           {ok, ok, ok, ok},
	"GET /api/v1/me":                     {unauth, 0, ok, ok},
	"GET /login":                         {ok, redirect, redirect, redirect},
	"POST /login":                        {denied, unauth, unauth, unauth}, // anonymous: no CSRF token; others: empty form
	"POST /logout":                       {denied, redirect, redirect, redirect},
	"GET /setup":                         {notFound, notFound, notFound, notFound}, // no valid token
	"POST /setup":                        {denied, notFound, notFound, notFound},
	"GET /":                              {redirect, ok, ok, ok},
	"GET /people":                        {redirect, ok, ok, ok},
	"GET /team":                          {redirect, ok, ok, ok},
	"GET /placement":                     {redirect, ok, ok, ok},
	"GET /costs":                         {redirect, ok, ok, ok},
	"GET /settings":                      {redirect, ok, ok, ok},
	"POST /settings/password":            {denied, bad, bad, bad},
	"GET /settings/users":                {redirect, denied, ok, ok},
	"POST /settings/users":               {denied, denied, bad, bad},
	"POST /settings/users/:id/role":      {denied, denied, notFound, redirect},
	"POST /settings/users/:id/delete":    {denied, denied, notFound, redirect},
	"GET /settings/api-keys":             {redirect, denied, ok, ok},
	"POST /settings/api-keys":            {denied, denied, bad, bad},
	"POST /settings/api-keys/:id/revoke": {denied, denied, notFound, redirect},
}

// authzForms are the form values a route is called with, so the call gets
// past input checks to the organisation and role checks.
var authzForms = map[string]url.Values{
	"POST /settings/users/:id/role": {"role": {"admin"}},
}

func TestAuthorizationMatrix(t *testing.T) {
	probe := sqliteFixture(t, Config{})
	for _, r := range probe.app.GetRoutes(true) {
		if r.Method == http.MethodHead {
			continue
		}
		key := r.Method + " " + r.Path
		want, ok := authzMatrix[key]
		if !ok {
			t.Errorf("route %s is not in the authorization matrix", key)
			continue
		}
		t.Run(key, func(t *testing.T) {
			f := sqliteFixture(t, Config{})
			_, keyA, _ := f.st.Org(f.orgA.ID).CreateAPIKey(ctx, "a", f.adminA)
			kA, _ := f.st.Org(f.orgA.ID).APIKeys(ctx)
			_, keyB, _ := f.st.Org(f.orgB.ID).CreateAPIKey(ctx, "b", f.adminB)
			path := r.Path
			switch {
			case strings.HasPrefix(path, "/settings/users/:id"):
				path = strings.Replace(path, ":id", f.mgrA.ID, 1)
			case strings.HasPrefix(path, "/settings/api-keys/:id"):
				path = strings.Replace(path, ":id", kA[0].ID, 1)
			}
			if strings.Contains(path, ":") {
				t.Fatalf("no ID of organisation A to put in %s", r.Path)
			}
			call := func(who string, wantStatus int) {
				t.Helper()
				if wantStatus == 0 {
					return
				}
				var got int
				var body string
				if strings.HasPrefix(path, "/api/") {
					k := map[string]string{"anon": "", "otherAdmin": keyB, "admin": keyA}[who]
					resp, b := f.apiRequest(r.Method, path, k, "")
					got, body = resp.StatusCode, b
				} else {
					b := f.browser()
					switch who {
					case "manager":
						b.signIn(f.mgrA)
					case "otherAdmin":
						b.signIn(f.adminB)
					case "admin":
						b.signIn(f.adminA)
					default:
						b.get("/login")
						b.csrf = "" // an anonymous caller from another site has no token
					}
					var resp *http.Response
					if r.Method == http.MethodGet {
						resp, body = b.get(path)
					} else {
						form := url.Values{}
						for k, v := range authzForms[key] {
							form[k] = v
						}
						resp, body = b.post(path, form)
					}
					got = resp.StatusCode
				}
				if got != wantStatus {
					if len(body) > 300 {
						body = body[:300]
					}
					t.Errorf("%s: status %d, want %d\n%s", who, got, wantStatus, body)
				}
			}
			// The wrong organisation goes before A's admin, whose calls
			// may change or delete the data.
			call("anon", want.anon)
			call("manager", want.manager)
			call("otherAdmin", want.otherAdmin)
			// Nothing of A's changed because of B.
			if u, err := f.st.Org(f.orgA.ID).User(ctx, f.mgrA.ID); err != nil || u.Role != f.mgrA.Role {
				t.Errorf("A's manager after B's call: %+v, %v", u, err)
			}
			if ks, _ := f.st.Org(f.orgA.ID).APIKeys(ctx); ks[0].RevokedAt != nil {
				t.Error("B revoked A's key")
			}
			call("admin", want.admin)
		})
	}
}
