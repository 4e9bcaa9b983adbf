package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/store"
)

// access is the status each kind of caller gets from a route: nobody
// signed in, an admin of organisation B (the wrong organisation), a
// manager of organisation A, and an admin of A, called in that order.
// Routes with an ID are called with an ID of A's data; B must get "not
// found", exactly as for an ID that does not exist. API routes use no key,
// B's key (otherAdmin) and A's key (admin); manager is unused for them.
// Respondent routes (/i/…) are called with A's link by everyone: the link
// is the credential, so all callers get the same answer.
type access struct {
	anon, otherAdmin, manager, admin int
}

const (
	ok         = http.StatusOK
	created    = http.StatusCreated
	redirect   = http.StatusSeeOther
	bad        = http.StatusBadRequest
	unauth     = http.StatusUnauthorized
	denied     = http.StatusForbidden
	notFound   = http.StatusNotFound
	conflict   = http.StatusConflict
	unanswered = http.StatusUnprocessableEntity
)

// authzMatrix lists every route of the router. A test fails when a route
// is missing, so a new route cannot skip this table.
var authzMatrix = map[string]access{
	"GET /healthz":                               {ok, ok, ok, ok},
	"GET /readyz":                                {ok, ok, ok, ok},
	"GET /api/v1/openapi.json":                   {ok, ok, ok, ok},
	"GET /api/v1/me":                             {unauth, ok, 0, ok},
	"GET /api/v1/organisation":                   {unauth, ok, 0, ok},
	"PATCH /api/v1/organisation":                 {unauth, ok, 0, ok}, // B changes its own settings
	"GET /api/v1/questionnaires":                 {unauth, ok, 0, ok},
	"GET /api/v1/questionnaires/:id":             {unauth, ok, 0, ok},
	"POST /api/v1/people":                        {unauth, bad, 0, bad}, // empty body
	"GET /api/v1/people":                         {unauth, ok, 0, ok},
	"GET /api/v1/people/:id":                     {unauth, notFound, 0, ok},
	"GET /api/v1/people/:id/profile":             {unauth, notFound, 0, ok},
	"GET /api/v1/people/export":                  {unauth, ok, 0, ok}, // B exports only its own (empty) list
	"GET /api/v1/people/:id/export":              {unauth, notFound, 0, ok},
	"GET /api/v1/team":                           {unauth, ok, 0, ok},       // B sees only its own (empty) team
	"POST /api/v1/invitations":                   {unauth, bad, 0, created}, // B: A's person_id is "no such person"
	"GET /api/v1/invitations/:id":                {unauth, notFound, 0, ok},
	"POST /api/v1/responses":                     {unauth, bad, 0, bad}, // B: no such person; A: answers missing
	"POST /api/v1/simulate":                      {unauth, ok, 0, ok},   // reads no organisation data
	"GET /api/v1/roles":                          {unauth, ok, 0, ok},
	"POST /api/v1/roles":                         {unauth, created, 0, created}, // B adds a role of its own
	"GET /api/v1/roles/:id":                      {unauth, notFound, 0, ok},
	"PATCH /api/v1/roles/:id":                    {unauth, notFound, 0, ok},
	"DELETE /api/v1/roles/:id":                   {unauth, notFound, 0, http.StatusNoContent},
	"GET /api/v1/placement":                      {unauth, ok, 0, ok},
	"GET /api/v1/people/:id/fit":                 {unauth, notFound, 0, ok},
	"GET /api/v1/people/:id/performance":         {unauth, notFound, 0, ok},
	"POST /api/v1/people/:id/performance":        {unauth, notFound, 0, bad}, // A's person is a candidate: performance is for staff
	"GET /api/v1/comp-plans":                     {unauth, ok, 0, ok},
	"POST /api/v1/comp-plans":                    {unauth, bad, 0, ok}, // B: A's role_id is "no such role"
	"GET /api/v1/hiring-costs":                   {unauth, ok, 0, ok},
	"POST /api/v1/hiring-costs":                  {unauth, bad, 0, created}, // B: A's role_id is "no such role"
	"GET /api/v1/exposure":                       {unauth, ok, 0, ok},
	"GET /api/v1/people/:id/split":               {unauth, notFound, 0, bad}, // A's person is a candidate: no split
	"GET /api/v1/people/:id/move":                {unauth, notFound, 0, bad}, // likewise: no records to move
	"GET /api/v1/simulate/inputs":                {unauth, ok, 0, ok},        // no sellers: the founding case
	"GET /api/v1/invitations":                    {unauth, ok, 0, ok},        // B lists only its own (none)
	"PATCH /api/v1/people/:id":                   {unauth, notFound, 0, ok},
	"DELETE /api/v1/people/:id":                  {unauth, notFound, 0, http.StatusNoContent},
	"GET /api/v1/audit":                          {unauth, ok, 0, ok}, // B reads only its own log
	"GET /api/v1/webhooks":                       {unauth, ok, 0, ok},
	"POST /api/v1/webhooks":                      {unauth, created, 0, created}, // B adds an endpoint of its own
	"DELETE /api/v1/webhooks/:id":                {unauth, notFound, 0, http.StatusNoContent},
	"GET /api/v1/webhooks/:id/deliveries":        {unauth, notFound, 0, ok},
	"GET /api/v1/people/:id/outcomes":            {unauth, notFound, 0, ok},
	"POST /api/v1/people/:id/outcomes":           {unauth, notFound, 0, created},
	"PUT /api/v1/people/:id/self-identification": {unauth, notFound, 0, http.StatusNoContent},
	"GET /api/v1/adverse-impact":                 {unauth, ok, 0, ok}, // B reads only its own (no) people
	"GET /api/v1/validity":                       {unauth, ok, 0, ok}, // B sees only its own (no) evidence
	"POST /api/v1/people/:id/interviews":         {unauth, notFound, 0, created},

	// Greenhouse's calls, with an API key as the Basic user name.
	"GET /integrations/greenhouse/list_tests":      {unauth, ok, 0, ok},
	"POST /integrations/greenhouse/send_test":      {unauth, ok, 0, ok},       // B invites a candidate of its own
	"GET /integrations/greenhouse/test_status":     {unauth, notFound, 0, ok}, // A's assessment
	"POST /integrations/greenhouse/request_errors": {unauth, http.StatusNoContent, 0, http.StatusNoContent},

	"GET /login":        {ok, redirect, redirect, redirect},
	"POST /login":       {denied, unauth, unauth, unauth}, // anonymous: no CSRF token; others: empty form
	"POST /logout":      {denied, redirect, redirect, redirect},
	"GET /setup":        {notFound, notFound, notFound, notFound}, // no valid token
	"GET /sso/callback": {unauth, unauth, unauth, unauth},         // no sign-in was begun
	"GET /sso/:org":     {notFound, notFound, notFound, notFound}, // A has not turned single sign-on on
	"POST /setup":       {denied, notFound, notFound, notFound},

	"GET /":                   {redirect, ok, ok, ok},
	"GET /team":               {redirect, ok, ok, ok},
	"GET /placement":          {redirect, ok, ok, ok},
	"GET /evidence":           {redirect, ok, ok, ok}, // B sees only its own (no) evidence
	"GET /costs":              {redirect, ok, ok, ok},
	"GET /costs/plans":        {redirect, ok, ok, ok},
	"POST /costs/plans":       {denied, bad, redirect, redirect}, // B: A's role is "no such role"
	"GET /costs/hiring":       {redirect, ok, ok, ok},
	"POST /costs/hiring":      {denied, bad, redirect, redirect},
	"POST /costs/hiring/role": {denied, bad, redirect, redirect},
	"GET /costs/move":         {redirect, ok, ok, ok}, // the picker; a person of another organisation is tested in costs_pages_test.go

	"GET /people":                                {redirect, ok, ok, ok},
	"POST /people":                               {denied, bad, bad, bad}, // empty form
	"POST /people/import":                        {denied, bad, bad, bad},
	"POST /people/invitations":                   {denied, bad, bad, bad},           // B: not its person; A: Dana is invited already
	"POST /people/outcomes":                      {denied, bad, redirect, redirect}, // B: not its person
	"GET /people/:id":                            {redirect, notFound, ok, ok},
	"GET /people/export":                         {redirect, ok, ok, ok}, // B exports only its own people
	"GET /people/:id/export":                     {redirect, notFound, ok, ok},
	"POST /people/:id/invitations":               {denied, notFound, created, created},
	"POST /people/:id/invitations/:inv/extend":   {denied, notFound, redirect, redirect},
	"POST /people/:id/invitations/:inv/renew":    {denied, notFound, ok, ok},
	"POST /people/:id/invitations/:inv/withdraw": {denied, notFound, redirect, conflict}, // A's admin finds it withdrawn
	"POST /people/:id/erase":                     {denied, notFound, redirect, notFound}, // A's admin finds it erased
	"POST /people/:id/looked-at":                 {denied, notFound, bad, bad},           // A's person has no flagged answers
	"POST /people/:id/current-role":              {denied, notFound, redirect, redirect},
	"POST /people/:id/performance":               {denied, notFound, bad, bad}, // a candidate
	"POST /people/:id/performance/import":        {denied, notFound, bad, bad}, // an empty file
	"POST /people/:id/outcomes":                  {denied, notFound, redirect, redirect},
	"POST /people/:id/outcomes/import":           {denied, notFound, bad, bad},             // an empty file
	"GET /people/:id/rating":                     {redirect, notFound, conflict, conflict}, // A's person is a candidate
	"POST /people/:id/rating":                    {denied, notFound, conflict, conflict},
	"GET /people/:id/interview":                  {redirect, notFound, ok, ok}, // ?role= one of A's roles
	"POST /people/:id/interviews":                {denied, notFound, redirect, redirect},

	"GET /i/:token":            {ok, ok, ok, ok},
	"POST /i/:token/consent":   {bad, bad, bad, bad},                     // box not ticked
	"POST /i/:token/language":  {bad, bad, bad, bad},                     // no language
	"GET /i/:token/page/:n":    {redirect, redirect, redirect, redirect}, // no consent yet
	"POST /i/:token/page/:n":   {redirect, redirect, redirect, redirect},
	"POST /i/:token/answer":    {bad, bad, bad, bad}, // no item
	"GET /i/:token/review":     {redirect, redirect, redirect, redirect},
	"POST /i/:token/submit":    {redirect, redirect, redirect, redirect},
	"GET /i/:token/done":       {redirect, redirect, redirect, redirect},
	"GET /i/:token/about-you":  {redirect, redirect, redirect, redirect}, // not submitted yet
	"POST /i/:token/about-you": {redirect, redirect, redirect, redirect},
	"GET /i/:token/summary":    {notFound, notFound, notFound, notFound}, // off by default, and not submitted

	"GET /settings":                                              {redirect, ok, ok, ok},
	"GET /settings/roles":                                        {redirect, ok, ok, ok},
	"POST /settings/roles":                                       {denied, bad, bad, bad}, // empty form
	"GET /settings/roles/:id":                                    {redirect, notFound, ok, ok},
	"POST /settings/roles/:id":                                   {denied, notFound, redirect, redirect},
	"POST /settings/roles/:id/delete":                            {denied, notFound, redirect, notFound}, // A's admin finds it deleted
	"POST /settings/roles/:id/job-answers":                       {denied, notFound, bad, bad},           // no answerer, no answers
	"POST /settings/roles/:id/job-answers/delete":                {denied, notFound, redirect, redirect},
	"POST /settings/roles/:id/job-target":                        {denied, notFound, bad, bad}, // no weights
	"GET /settings/reliability":                                  {redirect, ok, ok, ok},       // B sees only its own (no) responses
	"POST /settings/password":                                    {denied, bad, bad, bad},
	"GET /settings/users":                                        {redirect, ok, denied, ok},
	"POST /settings/users":                                       {denied, bad, denied, bad},
	"POST /settings/users/:id/access":                            {denied, notFound, denied, redirect},
	"POST /settings/users/:id/delete":                            {denied, notFound, denied, redirect},
	"GET /settings/api-keys":                                     {redirect, ok, denied, ok},
	"POST /settings/api-keys":                                    {denied, bad, denied, bad},
	"POST /settings/api-keys/:id/revoke":                         {denied, notFound, denied, redirect},
	"GET /settings/audit":                                        {redirect, ok, denied, ok}, // B sees only its own entries
	"GET /settings/technical-report":                             {redirect, ok, denied, ok}, // B's report is of its own (no) data
	"GET /settings/retention":                                    {redirect, ok, denied, ok},
	"POST /settings/retention":                                   {denied, redirect, denied, redirect}, // B sets its own period
	"GET /settings/organisation":                                 {redirect, ok, denied, ok},
	"GET /settings/fairness":                                     {redirect, ok, denied, ok}, // B reads only its own (no) people
	"GET /settings/fairness/summary":                             {redirect, ok, denied, ok},
	"GET /settings/fairness/export":                              {redirect, ok, denied, ok},
	"POST /settings/organisation":                                {denied, redirect, denied, redirect}, // B sets its own
	"GET /settings/greenhouse":                                   {redirect, ok, denied, ok},
	"GET /settings/sso":                                          {redirect, ok, denied, ok},
	"POST /settings/sso":                                         {denied, redirect, denied, redirect}, // B saves its own
	"GET /settings/webhooks":                                     {redirect, ok, denied, ok},
	"POST /settings/webhooks":                                    {denied, created, denied, created}, // B adds its own
	"GET /settings/webhooks/:id":                                 {redirect, notFound, denied, ok},
	"POST /settings/webhooks/:id/delete":                         {denied, notFound, denied, redirect},
	"POST /settings/webhooks/:id/enable":                         {denied, notFound, denied, redirect},
	"POST /settings/webhooks/:id/deliveries/:delivery/redeliver": {denied, notFound, denied, conflict}, // A's is still pending
}

// authzForms are the form values or JSON bodies a route is called with,
// so the call gets past input checks to the organisation and role checks.
// {person} and {token} are replaced by A's.
var authzForms = map[string]string{
	"POST /settings/users/:id/access":              "access=admin",
	"POST /people/:id/invitations":                 "questionnaire=sales-service:1&expires_in_days=14",
	"POST /people/:id/invitations/:inv/extend":     "days=7",
	"POST /people/:id/erase":                       "confirm=yes",
	"POST /settings/retention":                     "retention_days=30",
	"POST /settings/organisation":                  "currency=EUR&time_zone=Europe/Berlin&profile_cut=3&fit_multiplier_low=0.5&fit_multiplier_high=1.5&gross_margin=0.6&cost_of_hire=100&payback_months=6",
	"PATCH /api/v1/organisation":                   `{"currency":"EUR","time_zone":"Europe/Berlin","profile_cut":3}`,
	"POST /api/v1/webhooks":                        `{"url":"https://93.184.215.14/hooks","events":["person.erased"]}`,
	"PATCH /api/v1/people/:id":                     `{"name":"Dana Diaz"}`,
	"POST /integrations/greenhouse/send_test":      `{"partner_test_id":"sales-service","candidate":{"first_name":"Gia","last_name":"Green","email":"gia@example.com"},"url":"https://93.184.215.14/gh/1"}`,
	"POST /integrations/greenhouse/request_errors": `{"partner_interview_id":"x","errors":[{"message":"bad"}]}`,
	"POST /people/invitations":                     "person_ids={person}&questionnaire=sales-service",
	"POST /settings/sso":                           "issuer=&client_id=&new_user_access=manager&password_sign_in=on",
	"POST /settings/webhooks":                      "url=https://93.184.215.14/hooks&events=person.erased",
	"POST /api/v1/invitations":                     `{"person_id":"{person}","questionnaire":"sales-service"}`,
	"POST /api/v1/responses":                       `{"person_id":"{person}","questionnaire":"sales-service","answers":{}}`,
	"POST /api/v1/simulate":                        `{"churn":0.02}`,
	"POST /api/v1/roles":                           `{"name":"Seller","activity":"new_business","profile":{"hunter":1},"seats_max":2,"hours_per_month":140,"baseline_rate":100,"monthly_cost":5000}`,
	"PATCH /api/v1/roles/:id":                      `{"seats_max":3}`,
	"POST /api/v1/people/:id/performance":          `{"month":"2026-01","new_business_hours":10,"new_business_revenue":1000}`,
	"POST /api/v1/people/:id/interviews":           `{"role_id":"{role}","ratings":{"drive":3}}`,
	"POST /people/:id/interviews":                  "role_id={role}&ratings.service=3&ratings.patience=4&ratings.dependability=3&ratings.organisation=2&ratings.relationships=5",
	"POST /people/:id/performance":                 "month=2026-01&new_business_hours=10&new_business_revenue=1000",
	"POST /api/v1/people/:id/outcomes":             `{"stage":"advanced","at":"2026-03-02"}`,
	"PUT /api/v1/people/:id/self-identification":   `{"sex":"female","race_ethnicity":"asian","age_40_or_over":false}`,
	"POST /people/:id/outcomes":                    "stage=advanced&at=2026-03-02",
	"POST /people/outcomes":                        "person_ids={person}&stage=advanced&at=2026-03-02",
	"POST /api/v1/comp-plans":                      `{"role_id":"{role}","base":60000}`,
	"POST /api/v1/hiring-costs":                    `{"role_id":"{role}","from_month":"2026-01","to_month":"2026-01","hires":1,"items":[{"category":"advertising","amount":100}]}`,
	"POST /costs/plans":                            "role_id={role}&base=60000",
	"POST /costs/hiring":                           "role_id={role}&from_month=2026-01&to_month=2026-01&hires=1&cost.advertising=100",
	"POST /costs/hiring/role":                      "hire_role_id={role}&days_to_fill=30&ramp=0.5",
	"POST /settings/roles/:id":                     "name=Seller&activity=new_business&seats_min=0&seats_max=2&hours_per_month=140&baseline_rate=100&monthly_cost=5000&profile.hunter=1",
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
			oA := f.st.Scope(f.orgA.ID)
			_, keyA, _ := oA.CreateAPIKey(ctx, "a", rolefit.ActorOf(f.adminA))
			kA, _ := oA.APIKeys(ctx)
			_, keyB, _ := f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))
			hook, err := oA.CreateWebhookEndpoint(ctx, "https://93.184.215.14/hooks", []rolefit.EventType{rolefit.EventInvitationSent},
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", rolefit.ActorOf(f.adminA))
			if err != nil {
				t.Fatal(err)
			}
			person, err := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Email: "dana@acme.example", Kind: rolefit.Candidate}, rolefit.ActorOf(f.adminA))
			if err != nil {
				t.Fatal(err)
			}
			q, _ := testCatalog(t).Latest("sales-service")
			inv, token, err := oA.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: person.ID, QuestionnaireID: q.ID,
				QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash}, rolefit.ActorOf(f.adminA))
			if err != nil {
				t.Fatal(err)
			}
			role, err := oA.CreateRole(ctx, rolefit.RoleInput{Name: "Account manager", Activity: rolefit.ActivityAccountService, SeatsMax: 2,
				HoursPerMonth: 140, BaselineRate: 120, MonthlyCost: 6000, Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}}, rolefit.ActorOf(f.adminA))
			if err != nil {
				t.Fatal(err)
			}
			q0, _ := testCatalog(t).Latest("sales-service")
			gh, err := oA.SendGreenhouseTest(ctx, store.GreenhouseSend{RequestKey: "authz", TestID: "sales-service",
				Person:     rolefit.NewPerson{Name: "Dana", Email: "dana@acme.example", Kind: rolefit.Candidate},
				Invitation: rolefit.NewInvitation{QuestionnaireID: q0.ID, QuestionnaireVersion: q0.Version, QuestionnaireHash: q0.Hash},
				Audience:   func(rolefit.PersonKind) bool { return true }}, rolefit.ActorOf(f.adminA))
			if err != nil {
				t.Fatal(err)
			}
			hookDeliveries, _, err := oA.EndpointDeliveries(ctx, hook.ID, 1, "")
			if err != nil || len(hookDeliveries) != 1 {
				t.Fatalf("the invitation's event: %v, %v", hookDeliveries, err)
			}
			path := r.Path
			for _, sub := range []struct{ prefix, param, id string }{
				{"/settings/webhooks/", ":id", hook.ID},
				{"/settings/webhooks/", ":delivery", hookDeliveries[0].ID},
				{"/api/v1/webhooks/", ":id", hook.ID},
				{"/sso/", ":org", f.orgA.ID},
				{"/settings/users/", ":id", f.mgrA.ID},
				{"/settings/api-keys/", ":id", kA[0].ID},
				{"/people/", ":id", person.ID},
				{"/people/", ":inv", inv.ID},
				{"/api/v1/people/", ":id", person.ID},
				{"/api/v1/questionnaires/", ":id", "sales-service"},
				{"/api/v1/invitations/", ":id", inv.ID},
				{"/api/v1/roles/", ":id", role.ID},
				{"/settings/roles/", ":id", role.ID},
				{"/i/", ":token", token},
				{"/i/", ":n", "1"},
			} {
				if strings.HasPrefix(path, sub.prefix) {
					path = strings.Replace(path, sub.param, sub.id, 1)
				}
			}
			if r.Path == "/people/:id/interview" {
				path += "?role=" + role.ID
			}
			if r.Path == "/api/v1/adverse-impact" {
				path += "?decision=hired&by=sex"
			}
			if r.Path == "/integrations/greenhouse/test_status" {
				path += "?partner_interview_id=" + gh.Assessment.ID
			}
			if strings.Contains(strings.SplitN(path, "?", 2)[0], ":") {
				t.Fatalf("no ID of organisation A to put in %s", r.Path)
			}
			body := strings.NewReplacer("{person}", person.ID, "{token}", token, "{role}", role.ID).Replace(authzForms[key])
			call := func(who string, wantStatus int) {
				t.Helper()
				if wantStatus == 0 {
					return
				}
				var got int
				var respBody string
				if strings.HasPrefix(path, "/api/") {
					k := map[string]string{"anon": "", "otherAdmin": keyB, "admin": keyA}[who]
					resp, b := f.apiRequest(r.Method, path, k, body)
					got, respBody = resp.StatusCode, b
				} else if strings.HasPrefix(path, "/integrations/") {
					k := map[string]string{"anon": "", "otherAdmin": keyB, "admin": keyA}[who]
					resp, b := f.basicRequest(r.Method, path, k, body)
					got, respBody = resp.StatusCode, b
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
						resp, respBody = b.get(path)
					} else {
						form, err := url.ParseQuery(body)
						if err != nil {
							t.Fatal(err)
						}
						resp, respBody = b.post(path, form)
					}
					got = resp.StatusCode
				}
				if got != wantStatus {
					if len(respBody) > 400 {
						respBody = respBody[:400]
					}
					t.Errorf("%s: status %d, want %d\n%s", who, got, wantStatus, respBody)
				}
			}
			call("anon", want.anon)
			call("otherAdmin", want.otherAdmin)
			// Nothing of A's changed because of B.
			if u, err := oA.User(ctx, f.mgrA.ID); err != nil || u.Access != f.mgrA.Access {
				t.Errorf("A's manager after B's call: %+v, %v", u, err)
			}
			if ks, err := oA.APIKeys(ctx); err != nil {
				t.Fatalf("read: %v", err)
			} else if ks[0].RevokedAt != nil {
				t.Error("B revoked A's key")
			}
			if got, err := oA.Invitation(ctx, inv.ID); err != nil || got.Status != rolefit.InvitationSent || !got.ExpiresAt.Equal(inv.ExpiresAt) {
				t.Errorf("B changed A's invitation: %+v, %v", got, err)
			}
			if o, err := oA.Get(ctx); err != nil || o.Settings != rolefit.DefaultSettings() || o.Currency != "USD" {
				t.Errorf("B changed A's settings: %+v, %v", o, err)
			}
			if n, err := oA.CountPeople(ctx); err != nil {
				t.Fatalf("read: %v", err)
			} else if n != 1 {
				t.Errorf("after B's call A has %d people", n)
			}
			if got, err := oA.Role(ctx, role.ID); err != nil || got.SeatsMax != 2 || got.Name != role.Name {
				t.Errorf("B changed A's role: %+v, %v", got, err)
			}
			if got, err := oA.WebhookEndpoint(ctx, hook.ID); err != nil || !got.Enabled() {
				t.Errorf("B changed A's webhook endpoint: %+v, %v", got, err)
			}
			if ps, err := oA.CompPlans(ctx); err != nil {
				t.Fatalf("read: %v", err)
			} else if len(ps) != 0 {
				t.Errorf("B set a plan of A's: %+v", ps)
			}
			if hs, err := oA.RoleHirings(ctx); err != nil {
				t.Fatalf("read: %v", err)
			} else if len(hs) != 0 {
				t.Errorf("B set A's hiring figures: %+v", hs)
			}
			if ps, err := oA.HiringPeriods(ctx); err != nil {
				t.Fatalf("read: %v", err)
			} else if len(ps) != 0 {
				t.Errorf("B recorded hiring costs for A: %+v", ps)
			}
			call("manager", want.manager)
			call("admin", want.admin)
		})
	}
}
