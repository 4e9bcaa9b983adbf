package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

// Invitation links are built from the configured base URL, whatever Host
// or X-Forwarded-Host a request carries.
func TestInvitationLinkIgnoresTheRequestsHost(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	req := httptest.NewRequest(http.MethodPost, "/api/v1/invitations", strings.NewReader(`{"person_id":"`+p.ID+`","questionnaire":"sales-service"}`))
	req.Host = "evil.example"
	req.Header.Set("X-Forwarded-Host", "evil.example")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := f.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	var inv struct {
		URL string `json:"url"`
	}
	json.NewDecoder(resp.Body).Decode(&inv)
	if resp.StatusCode != http.StatusCreated || !strings.HasPrefix(inv.URL, testBaseURL+"/i/") {
		t.Errorf("API invitation with Host evil.example: %d, link %q", resp.StatusCode, inv.URL)
	}

	b := f.browser().signIn(f.mgrA)
	form := url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}, "_csrf": {b.csrf}}
	req = httptest.NewRequest(http.MethodPost, "/people/"+p.ID+"/invitations", strings.NewReader(form.Encode()))
	req.Host = "evil.example"
	req.Header.Set("X-Forwarded-Host", "evil.example")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := b.do(req)
	wantStatus(t, "page invitation with Host evil.example", resp, http.StatusCreated, body)
	if strings.Contains(body, "evil.example/i/") || !strings.Contains(body, testBaseURL+"/i/") {
		t.Error("the page's link is not built from the base URL")
	}
}

// A manager's rating recorded after a self-report does not change the
// person's profile in the API or on their page; it is shown beside it.
func TestRatingIsShownBesideTheProfile(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Kind: rolefit.Staff, JobTitle: "Account executive"}, rolefit.ActorOf(f.mgrA))
	answers := func(id string, v int) string {
		b, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": id, "answers": sameAnswers(t, id, v)})
		return string(b)
	}
	resp, body := f.apiRequest("POST", "/api/v1/responses", key, answers("sales-service", 4))
	wantStatus(t, "self-report", resp, http.StatusCreated, body)
	_, before := f.apiRequest("GET", "/api/v1/people/"+p.ID, key, "")
	f.clock.Advance(60e9)
	resp, body = f.apiRequest("POST", "/api/v1/responses", key, answers("manager-rating", 1))
	wantStatus(t, "rating", resp, http.StatusCreated, body)
	wantContains(t, "rating", body, `"view":"manager"`, `"rated_by":"API key`)
	_, after := f.apiRequest("GET", "/api/v1/people/"+p.ID, key, "")
	type person struct {
		JobTitle string `json:"job_title"`
		Profile  struct {
			Questionnaire string              `json:"questionnaire"`
			Composites    map[string]*float64 `json:"composites"`
		} `json:"profile"`
	}
	b, a := decode[person](t, before), decode[person](t, after)
	if a.Profile.Questionnaire != "sales-service" || a.JobTitle != "Account executive" ||
		a.Profile.Composites["hunter"] == nil || *a.Profile.Composites["hunter"] != *b.Profile.Composites["hunter"] {
		t.Errorf("profile after a rating: %+v, before: %+v", a, b)
	}
	_, page := f.browser().signIn(f.mgrA).get("/people/" + p.ID)
	wantContains(t, "person page", page, "Profile: their own answers", "Manager&#39;s rating", "Rated by API key")
}

// GET /api/v1/questionnaires/{id} lists every item with its allowed
// answers and no scoring key.
func TestQuestionnairesAPI(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("GET", "/api/v1/questionnaires", key, "")
	wantStatus(t, "list", resp, http.StatusOK, body)
	wantContains(t, "list", body, `"id":"sales-service"`, `"id":"manager-rating"`, `"next_cursor":""`)
	resp, body = f.apiRequest("GET", "/api/v1/questionnaires/sales-service:1", key, "")
	wantStatus(t, "one", resp, http.StatusOK, body)
	wantContains(t, "one", body, `"id":"inf1"`, `"answers":[{"value":1,"label":"Strongly disagree"}`)
	for _, secret := range []string{`"key"`, `"check"`, `"scale":"influence"`} {
		if strings.Contains(body, secret) {
			t.Errorf("the description reveals %s", secret)
		}
	}
	resp, body = f.apiRequest("GET", "/api/v1/questionnaires/nope", key, "")
	wantStatus(t, "unknown", resp, http.StatusNotFound, body)
}

// Extending by a huge number of days is refused with a message and
// changes nothing (it used to overflow into a 33-hour extension).
func TestExtendByHugeNumberOfDays(t *testing.T) {
	f := sqliteFixture(t, Config{})
	org := f.st.Scope(f.orgA.ID)
	p, _ := org.CreatePerson(ctx, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	q, _ := testCatalog(t).Latest("sales-service")
	inv, _, err := org.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	b := f.browser().signIn(f.mgrA)
	resp, body := b.post("/people/"+p.ID+"/invitations/"+inv.ID+"/extend", url.Values{"days": {"213503982336"}})
	wantStatus(t, "extend by 213503982336 days", resp, http.StatusBadRequest, body)
	after, _ := org.Invitation(ctx, inv.ID)
	if !after.ExpiresAt.Equal(inv.ExpiresAt) {
		t.Errorf("expiry moved from %v to %v", inv.ExpiresAt, after.ExpiresAt)
	}
}

// A straight-lined response is stored and scored, and its quality flags'
// severity shows in the people list, on the person's page and in the API.
func TestQualitySeverityIsShown(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Stan Straight", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	b, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": sameAnswers(t, "sales-service", 3)})
	resp, body := f.apiRequest("POST", "/api/v1/responses", key, string(b))
	wantStatus(t, "straight-lined response", resp, http.StatusCreated, body)
	wantContains(t, "straight-lined response", body, `"severity":"likely"`, `"false_flag_rate"`)
	_, body = f.apiRequest("GET", "/api/v1/people/"+p.ID, key, "")
	wantContains(t, "person in the API", body, `"severity":"likely"`)
	m := f.browser().signIn(f.mgrA)
	_, body = m.get("/people")
	wantContains(t, "people list", body, "likely careless")
	_, body = m.get("/people/" + p.ID)
	wantContains(t, "person page", body, "Response quality: likely careless", "Likely careless (longstring)")
}
