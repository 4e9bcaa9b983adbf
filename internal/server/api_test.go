package server

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"rolefit"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/mail/mailtest"
)

// apiKeyA returns a fresh API key of organisation A.
func (f *fixture) apiKeyA(t *testing.T) string {
	t.Helper()
	_, key, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "ats", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

type apiErr struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields"`
	} `json:"error"`
}

func TestAPIPeople(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana Diaz","email":"Dana@Example.com","kind":"staff","job_title":"Account manager"}`)
	wantStatus(t, "create person", resp, http.StatusCreated, body)
	p := decode[apiPerson](t, body)
	if p.ID == "" || p.Email != "dana@example.com" || p.Kind != rolefit.Staff {
		t.Errorf("created %+v", p)
	}
	for _, tc := range []struct {
		name, body string
		status     int
		field      string
	}{
		{"unknown field", `{"name":"X","kind":"staff","nmae":"typo"}`, 400, "nmae"},
		{"wrong type", `{"name":42,"kind":"staff"}`, 400, "name"},
		{"bad values", `{"name":"","kind":"boss","email":"x@"}`, 400, "kind"},
		{"duplicate e-mail", `{"name":"D2","kind":"staff","email":"dana@example.com"}`, 409, "email"},
		{"not JSON", `name=Dana`, 400, ""},
		{"two values", `{"name":"A","kind":"staff"}{}`, 400, ""},
	} {
		resp, body := f.apiRequest("POST", "/api/v1/people", key, tc.body)
		wantStatus(t, tc.name, resp, tc.status, body)
		e := decode[apiErr](t, body)
		if e.Error.Message == "" || (tc.field != "" && e.Error.Fields[tc.field] == "") {
			t.Errorf("%s: error %s lacks field %q", tc.name, body, tc.field)
		}
	}
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 1 {
		t.Errorf("bad requests stored people: %d", n)
	}
	for i := 0; i < 4; i++ {
		f.apiRequest("POST", "/api/v1/people", key, fmt.Sprintf(`{"name":"P%d","kind":"candidate"}`, i))
	}
	var names []string
	cursor := ""
	for page := 0; page < 5; page++ {
		resp, body := f.apiRequest("GET", "/api/v1/people?limit=2&cursor="+url.QueryEscape(cursor), key, "")
		wantStatus(t, "list people", resp, http.StatusOK, body)
		l := decode[listResponse[apiPerson]](t, body)
		for _, p := range l.Items {
			names = append(names, p.Name)
		}
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
	}
	if len(names) != 5 {
		t.Errorf("paged through %v, want 5 people", names)
	}
	resp, body = f.apiRequest("GET", "/api/v1/people?limit=501", key, "")
	wantStatus(t, "limit too big", resp, http.StatusBadRequest, body)
	resp, body = f.apiRequest("GET", "/api/v1/people/"+p.ID, key, "")
	wantStatus(t, "get person", resp, http.StatusOK, body)
	resp, body = f.apiRequest("GET", "/api/v1/people/nope", key, "")
	wantStatus(t, "unknown person", resp, http.StatusNotFound, body)
}

func TestAPIInvitationAndResponse(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	q := salesService(t)
	_, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana","kind":"candidate"}`)
	p := decode[apiPerson](t, body)

	resp, body := f.apiRequest("POST", "/api/v1/invitations", key, `{"person_id":"`+p.ID+`","questionnaire":"sales-service","expires_in_days":3}`)
	wantStatus(t, "create invitation", resp, http.StatusCreated, body)
	inv := decode[apiInvitation](t, body)
	if !regexp.MustCompile(`^http://[^/]+/i/[A-Z2-7]{52}$`).MatchString(inv.URL) || inv.Status != "sent" || inv.QuestionnaireVersion != salesService(t).Version {
		t.Errorf("invitation %+v", inv)
	}
	if got := inv.ExpiresAt.Sub(inv.CreatedAt).Hours(); got != 72 {
		t.Errorf("expires after %v hours, want 72", got)
	}
	// The link works.
	link := inv.URL[strings.Index(inv.URL, "/i/"):]
	if resp, _ := f.browser().get(link); resp.StatusCode != http.StatusOK {
		t.Errorf("the API's link answers %d", resp.StatusCode)
	}
	resp, body = f.apiRequest("GET", "/api/v1/invitations/"+inv.ID, key, "")
	wantStatus(t, "get invitation", resp, http.StatusOK, body)
	if got := decode[apiInvitation](t, body); got.URL != "" || got.Status != "sent" {
		t.Errorf("fetched invitation shows the link or a wrong status: %+v", got)
	}
	for _, tc := range []struct{ name, body, field string }{
		{"no person", `{"questionnaire":"sales-service"}`, "person_id"},
		{"unknown person", `{"person_id":"nope","questionnaire":"sales-service"}`, "person_id"},
		{"unknown questionnaire", `{"person_id":"` + p.ID + `","questionnaire":"iq-test"}`, "questionnaire"},
		{"not for candidates", `{"person_id":"` + p.ID + `","questionnaire":"manager-rating"}`, "questionnaire"},
		{"too long", `{"person_id":"` + p.ID + `","questionnaire":"sales-service","expires_in_days":365}`, "expires_in_days"},
	} {
		resp, body := f.apiRequest("POST", "/api/v1/invitations", key, tc.body)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		if decode[apiErr](t, body).Error.Fields[tc.field] == "" {
			t.Errorf("%s: %s does not name %s", tc.name, body, tc.field)
		}
	}

	// A paper form: every answer, scored and flagged in one call.
	answers := map[string]int{}
	for i := range q.Pages {
		for k, v := range pageAnswers(q, i) {
			answers[k] = mustInt(v[0])
		}
	}
	b, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": answers})
	resp, body = f.apiRequest("POST", "/api/v1/responses", key, string(b))
	wantStatus(t, "record response", resp, http.StatusCreated, body)
	rec := decode[struct {
		ID      string         `json:"id"`
		Source  string         `json:"source"`
		Hash    string         `json:"questionnaire_hash"`
		Answers map[string]int `json:"answers"`
		Result  assess.Result  `json:"result"`
	}](t, body)
	if rec.Source != "api" || rec.Hash != q.Hash || len(rec.Answers) != q.NumItems() || len(rec.Result.Composites) != 2 || rec.Result.Profile == nil {
		t.Errorf("recorded response %+v", rec)
	}
	if c, ok := rec.Result.Quality.Check(assess.CheckSpeed); !ok || c.Status != assess.StatusSkipped {
		t.Errorf("speed check of a paper form: %+v (want skipped: no timings)", c)
	}
	// Bad answers name each field and store nothing.
	bad := map[string]int{}
	for k, v := range answers {
		bad[k] = v
	}
	first := q.Pages[0].Items[0].ID
	bad[first] = 7
	delete(bad, q.Pages[1].Items[0].ID)
	bad["zz9"] = 3
	b, _ = json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": bad})
	resp, body = f.apiRequest("POST", "/api/v1/responses", key, string(b))
	wantStatus(t, "bad answers", resp, http.StatusBadRequest, body)
	fields := decode[apiErr](t, body).Error.Fields
	for _, k := range []string{"answers." + first, "answers." + q.Pages[1].Items[0].ID, "answers.zz9"} {
		if fields[k] == "" {
			t.Errorf("bad answers: no message for %s in %v", k, fields)
		}
	}
	if rs, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, p.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 1 {
		t.Errorf("%d responses after a bad request, want 1", len(rs))
	}
	// Organisation B's key cannot use A's person.
	_, keyB, _ := f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))
	b, _ = json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": answers})
	resp, body = f.apiRequest("POST", "/api/v1/responses", keyB, string(b))
	wantStatus(t, "other organisation's person", resp, http.StatusBadRequest, body)
	if rs, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, p.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 1 {
		t.Errorf("B recorded a response for A's person")
	}
}

func TestInvitationByEmailThroughSMTP(t *testing.T) {
	smtp := mailtest.StartTestServer(t)
	mailer, err := mailParse(smtp.URL("Acme Hiring <hiring@acme.example>"))
	if err != nil {
		t.Fatal(err)
	}
	f := mailFixture(t, mailer, "https://rolefit.acme.example")
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Zoë", Email: "zoe@example.com", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	m := f.browser().signIn(f.mgrA)
	_, body := m.get("/people/" + p.ID)
	wantContains(t, "person page with e-mail on", body, "rolefit will also e-mail the link to zoe@example.com")
	resp, body := m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite", resp, http.StatusCreated, body)
	wantContains(t, "invite", body, "It was also e-mailed to zoe@example.com", `value="https://rolefit.acme.example/i/`)
	msgs := smtp.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d e-mails sent, want 1", len(msgs))
	}
	link := regexp.MustCompile(`https://rolefit\.acme\.example(/i/[A-Z2-7]+)`).FindStringSubmatch(msgs[0].Body)
	if msgs[0].To != "zoe@example.com" || link == nil || !strings.Contains(msgs[0].Body, "Hello Zoë") {
		t.Fatalf("e-mail to %s:\n%s", msgs[0].To, msgs[0].Body)
	}
	if !strings.Contains(body, link[0]) {
		t.Error("the e-mailed link differs from the one shown")
	}
	if resp, body := f.browser().get(link[1]); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Hello Zoë") {
		t.Errorf("the e-mailed link answers %d", resp.StatusCode)
	}
	invs, _ := f.st.Scope(f.orgA.ID).PersonInvitations(ctx, p.ID)
	if invs[0].EmailedAt == nil {
		t.Error("the invitation does not record that it was e-mailed")
	}
}

func TestInvitationWhenMailFails(t *testing.T) {
	mailer, _ := mailParse("smtp://127.0.0.1:1?from=hiring@acme.example")
	f := mailFixture(t, mailer, "")
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Zoë", Email: "zoe@example.com", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	m := f.browser().signIn(f.mgrA)
	resp, body := m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite with mail down", resp, http.StatusCreated, body)
	wantContains(t, "invite with mail down", body, "could not be sent", `id="new-link"`)
	invs, _ := f.st.Scope(f.orgA.ID).PersonInvitations(ctx, p.ID)
	if len(invs) != 1 || invs[0].EmailError == "" {
		t.Errorf("invitation after a failed e-mail: %+v", invs)
	}
}

func TestManagerInvitationActions(t *testing.T) {
	f := sqliteFixture(t, Config{})
	p, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	m := f.browser().signIn(f.mgrA)
	resp, body := m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"0"}})
	wantStatus(t, "invite for 0 days", resp, http.StatusBadRequest, body)
	wantContains(t, "invite for 0 days", body, `id="e-expires_in_days"`)
	resp, body = m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"manager-rating:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite to a questionnaire not for staff", resp, http.StatusBadRequest, body)
	resp, body = m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite", resp, http.StatusCreated, body)
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Error("the page showing a link may be cached")
	}
	oldLink := regexp.MustCompile(`value="http://[^"]+(/i/[A-Z2-7]+)"`).FindStringSubmatch(body)
	if oldLink == nil {
		t.Fatalf("no link shown:\n%s", body)
	}
	invs, _ := f.st.Scope(f.orgA.ID).PersonInvitations(ctx, p.ID)
	base := "/people/" + p.ID + "/invitations/" + invs[0].ID
	resp, body = m.post(base+"/extend", url.Values{"days": {"7"}})
	wantStatus(t, "extend", resp, http.StatusSeeOther, body)
	if got, err := f.st.Scope(f.orgA.ID).Invitation(ctx, invs[0].ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if !got.ExpiresAt.Equal(invs[0].ExpiresAt.AddDate(0, 0, 7)) {
		t.Errorf("extended to %v, want %v", got.ExpiresAt, invs[0].ExpiresAt.AddDate(0, 0, 7))
	}
	resp, body = m.post(base+"/renew", nil)
	wantStatus(t, "new link", resp, http.StatusOK, body)
	newLink := regexp.MustCompile(`value="http://[^"]+(/i/[A-Z2-7]+)"`).FindStringSubmatch(body)
	if newLink == nil || newLink[1] == oldLink[1] {
		t.Fatalf("renewal shows %v", newLink)
	}
	if resp, _ := f.browser().get(oldLink[1]); resp.StatusCode != http.StatusNotFound {
		t.Errorf("old link after renewal: %d", resp.StatusCode)
	}
	// The invitation must belong to the person in the address.
	other, _ := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Other", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	resp, body = m.post("/people/"+other.ID+"/invitations/"+invs[0].ID+"/withdraw", nil)
	wantStatus(t, "withdraw through another person", resp, http.StatusNotFound, body)
	resp, body = m.post(base+"/withdraw", nil)
	wantStatus(t, "withdraw", resp, http.StatusSeeOther, body)
	resp, body = m.post(base+"/withdraw", nil)
	wantStatus(t, "withdraw twice", resp, http.StatusConflict, body)
	resp, body = f.browser().get(newLink[1])
	wantStatus(t, "withdrawn link", resp, http.StatusGone, body)
	_, body = m.get("/people/" + p.ID)
	wantContains(t, "person page", body, "status-withdrawn")
}

// Once the organisation has enough responses, new ones are scored against
// them: bands from the measured reliability and norms from the scores. The
// figures are cached for a few minutes, then measured again.
func TestScoringUsesTheOrganisationsResponses(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	q := salesService(t)
	rng := rand.New(rand.NewPCG(3, 4))
	record := func() assess.Result {
		t.Helper()
		p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
		if err != nil {
			t.Fatal(err)
		}
		r := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
		b, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": r.Answers})
		resp, body := f.apiRequest("POST", "/api/v1/responses", key, string(b))
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("record: %d %s", resp.StatusCode, body)
		}
		return decode[struct {
			Result assess.Result `json:"result"`
		}](t, body).Result
	}
	first := record()
	if c := first.Composites[0]; c.Band != nil || c.Norm != nil || c.BandNote == "" {
		t.Fatalf("first response: band %v, norm %v, note %q", c.Band, c.Norm, c.BandNote)
	}
	for i := 0; i < assess.MinReferenceN; i++ {
		record()
	}
	if c := record().Composites[0]; c.Band != nil {
		t.Errorf("within the cache time the band appeared early: %+v", c.Band)
	}
	f.clock.Advance(usecases.ReferencesTTL + time.Second)
	got := record()
	for _, c := range got.Composites {
		if c.Band == nil || c.Band.N < assess.MinReferenceN || c.Norm == nil || !c.Norm.Provisional {
			t.Errorf("%s after %d responses: band %+v, norm %+v", c.ID, assess.MinReferenceN+2, c.Band, c.Norm)
		}
	}
}
