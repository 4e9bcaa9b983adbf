package server

import (
	"fmt"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/store"
)

// PATCH /api/v1/people/{id} changes name, e-mail address and job title,
// checked as a new person's are; DELETE erases, as the person page does.
func TestAPIChangeAndErasePerson(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana Diaz","kind":"staff","email":"dana@example.com"}`)
	wantStatus(t, "add", resp, http.StatusCreated, body)
	dana := decode[apiPerson](t, body).ID
	resp, body = f.apiRequest("POST", "/api/v1/people", key, `{"name":"Eli Evans","kind":"candidate","email":"eli@example.com"}`)
	wantStatus(t, "add", resp, http.StatusCreated, body)
	eli := decode[apiPerson](t, body).ID

	resp, body = f.apiRequest("PATCH", "/api/v1/people/"+dana, key, `{"name":"Dana Diaz-Lopez","job_title":"Account manager"}`)
	wantStatus(t, "patch", resp, http.StatusOK, body)
	p := decode[apiPerson](t, body)
	if p.Name != "Dana Diaz-Lopez" || p.JobTitle != "Account manager" || p.Email != "dana@example.com" {
		t.Errorf("after the patch: %+v", p)
	}
	for _, c := range []struct {
		name, id, body string
		status         int
		field          string
	}{
		{"an empty name", dana, `{"name":" "}`, http.StatusBadRequest, "name"},
		{"not an address", dana, `{"email":"dana@"}`, http.StatusBadRequest, "email"},
		{"another's address", dana, `{"email":"ELI@example.com"}`, http.StatusConflict, "email"},
		{"a candidate's job title", eli, `{"job_title":"Seller"}`, http.StatusBadRequest, "job_title"},
		{"an unknown field", dana, `{"kind":"candidate"}`, http.StatusBadRequest, "kind"},
	} {
		resp, body := f.apiRequest("PATCH", "/api/v1/people/"+c.id, key, c.body)
		wantStatus(t, c.name, resp, c.status, body)
		wantContains(t, c.name, body, `"`+c.field+`"`)
	}
	got, _ := f.st.Scope(f.orgA.ID).Person(ctx, dana)
	if got.Name != "Dana Diaz-Lopez" || got.Email != "dana@example.com" {
		t.Errorf("a refused patch changed %+v", got)
	}
	// Erasing through the API.
	resp, body = f.apiRequest("DELETE", "/api/v1/people/"+eli, key, "")
	wantStatus(t, "erase", resp, http.StatusNoContent, body)
	resp, body = f.apiRequest("GET", "/api/v1/people/"+eli, key, "")
	wantStatus(t, "erased", resp, http.StatusNotFound, body)
	resp, body = f.apiRequest("DELETE", "/api/v1/people/"+eli, key, "")
	wantStatus(t, "erase again", resp, http.StatusNotFound, body)
	resp, body = f.apiRequest("GET", "/api/v1/audit?person_id="+eli, key, "")
	wantStatus(t, "audit", resp, http.StatusOK, body)
	wantContains(t, "audit", body, `"action":"erase"`)
}

// GET /api/v1/invitations filters by state now and by person, pages
// with a cursor, and refuses a state it does not know.
func TestAPIListInvitations(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	var people []string
	for i := range 5 {
		resp, body := f.apiRequest("POST", "/api/v1/people", key, fmt.Sprintf(`{"name":"P %d","kind":"candidate"}`, i))
		wantStatus(t, "add", resp, http.StatusCreated, body)
		people = append(people, decode[apiPerson](t, body).ID)
	}
	resp, body := f.apiRequest("POST", "/api/v1/invitations", key, `{"person_ids":["`+strings.Join(people, `","`)+`"],"questionnaire":"sales-service","expires_in_days":2}`)
	wantStatus(t, "invite five", resp, http.StatusCreated, body)
	invs := decode[listResponse[apiInvitation]](t, body).Items
	if len(invs) != 5 || invs[0].URL == "" || invs[0].PersonID != people[0] {
		t.Fatalf("bulk answer: %s", body)
	}
	f.clock.Advance(time.Hour)
	resp, body = f.apiRequest("POST", "/api/v1/invitations", key, `{"person_id":"`+people[0]+`","questionnaire":"sales-service","expires_in_days":30}`)
	wantStatus(t, "invite one again", resp, http.StatusCreated, body)
	withdraw := invs[1]
	if err := f.st.Scope(f.orgA.ID).WithdrawInvitation(ctx, withdraw.ID, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(3 * rolefit.Day) // the five of two days have expired
	count := func(q string) int {
		t.Helper()
		resp, body := f.apiRequest("GET", "/api/v1/invitations?"+q, key, "")
		wantStatus(t, q, resp, http.StatusOK, body)
		return len(decode[listResponse[apiInvitation]](t, body).Items)
	}
	for q, want := range map[string]int{"": 6, "state=expired": 4, "state=withdrawn": 1, "state=sent": 1, "state=submitted": 0,
		"person_id=" + people[0]: 2, "person_id=" + people[0] + "&state=expired": 1} {
		if got := count(q); got != want {
			t.Errorf("%q: %d invitations, want %d", q, got, want)
		}
	}
	// Paging: three pages of two, newest first, each once.
	seen := map[string]bool{}
	next := ""
	for page := 0; ; page++ {
		resp, body := f.apiRequest("GET", "/api/v1/invitations?limit=2&cursor="+url.QueryEscape(next), key, "")
		wantStatus(t, "page", resp, http.StatusOK, body)
		l := decode[listResponse[apiInvitation]](t, body)
		for _, inv := range l.Items {
			if seen[inv.ID] {
				t.Errorf("invitation %s on two pages", inv.ID)
			}
			seen[inv.ID] = true
		}
		if l.NextCursor == "" || page > 5 {
			break
		}
		next = l.NextCursor
	}
	if len(seen) != 6 {
		t.Errorf("paging saw %d invitations, want 6", len(seen))
	}
	for _, q := range []string{"state=lost", "limit=0", "limit=501", "cursor=nonsense"} {
		resp, body := f.apiRequest("GET", "/api/v1/invitations?"+q, key, "")
		wantStatus(t, q, resp, http.StatusBadRequest, body)
	}
	// A bulk invitation with a problem invites nobody and names it.
	resp, body = f.apiRequest("POST", "/api/v1/invitations", key, `{"person_ids":["`+people[2]+`","nobody"],"questionnaire":"sales-service"}`)
	wantStatus(t, "bulk with a stranger", resp, http.StatusBadRequest, body)
	wantContains(t, "bulk with a stranger", body, `"person_ids.1":"is not a person of your organisation"`)
	resp, body = f.apiRequest("POST", "/api/v1/invitations", key, `{"person_id":"`+people[2]+`","person_ids":["`+people[3]+`"],"questionnaire":"sales-service"}`)
	wantStatus(t, "both", resp, http.StatusBadRequest, body)
	if got := count(""); got != 6 {
		t.Errorf("%d invitations after refused bulk invitations, want 6", got)
	}
}

// The audit log's API is an admin's: a manager's key gets 403.
func TestAPIAuditIsAnAdmins(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, mgrKey, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "m", rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := f.apiRequest("GET", "/api/v1/audit", mgrKey, "")
	wantStatus(t, "a manager's key", resp, http.StatusForbidden, body)
	resp, body = f.apiRequest("GET", "/api/v1/audit?limit=1", f.apiKeyA(t), "")
	wantStatus(t, "an admin's key", resp, http.StatusOK, body)
	wantContains(t, "an admin's key", body, `"next_cursor":"`)
}

// A manager ticks people on the People page and invites them at once; a
// problem brings the page back with the same people ticked and the
// problem named, and nobody invited.
func TestInviteSelectedPeopleFromThePeoplePage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	var ids []string
	for i := range 30 {
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Person %02d", i), Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/people")
	wantStatus(t, "people", resp, http.StatusOK, body)
	wantContains(t, "people", body, `form="invite-many"`, `id="invite-many"`, "Invite the selected people")
	// One already invited: refused, nobody invited, the ticks kept.
	if _, _, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: ids[7], QuestionnaireID: "sales-service", QuestionnaireVersion: salesService(t).Version,
		QuestionnaireHash: salesService(t).Hash}, rolefit.ActorOf(f.mgrA)); err != nil {
		t.Fatal(err)
	}
	form := url.Values{"person_ids": ids, "questionnaire": {"sales-service"}, "expires_in_days": {"10"}}
	resp, body = b.post("/people/invitations", form)
	wantStatus(t, "with someone invited", resp, http.StatusBadRequest, body)
	wantContains(t, "with someone invited", body, "Nobody was invited", "Person 07 already has an open invitation", `value="`+ids[3]+`" form="invite-many" id="pick-`+ids[3]+`" aria-label="Select Person 03" checked`)
	invs, _, _ := o.InvitationsPage(ctx, storeInvitationQuery())
	if len(invs) != 1 {
		t.Fatalf("%d invitations after a refused bulk invitation, want the 1 made before", len(invs))
	}
	form.Set("person_ids", ids[0])
	for _, id := range ids[1:] {
		if id != ids[7] {
			form.Add("person_ids", id)
		}
	}
	resp, body = b.post("/people/invitations", form)
	wantStatus(t, "invite 29", resp, http.StatusCreated, body)
	wantContains(t, "invite 29", body, "29 people invited", "These links are shown only now", "Person 29")
	if n := strings.Count(body, testBaseURL+"/i/"); n != 29 {
		t.Errorf("%d links on the page, want 29", n)
	}
	invs, _, _ = o.InvitationsPage(ctx, storeInvitationQuery())
	if len(invs) != 30 {
		t.Errorf("%d invitations, want 30", len(invs))
	}
}

// storeInvitationQuery asks the store for every invitation.
func storeInvitationQuery() store.InvitationQuery { return store.InvitationQuery{Limit: 500} }
