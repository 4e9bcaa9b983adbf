package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// interviewWorld is the team world with the seller role; it returns the
// world, A's key and the role's ID.
func interviewWorld(t *testing.T) (*teamWorld, string, string) {
	t.Helper()
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	resp, body := tw.f.apiRequest("POST", "/api/v1/roles", key, sellerRole)
	wantStatus(t, "create a role", resp, http.StatusCreated, body)
	return tw, key, decode[apiRole](t, body).ID
}

// Ratings outside 1–5 are a 400 naming each field, and nothing is
// stored; good ones are a 201 with the interview's shape, listed on the
// person's page beside the profile and in the person's export.
func TestAPIInterview(t *testing.T) {
	tw, key, role := interviewWorld(t)
	ann := tw.assessed[0].ID
	for _, c := range []struct{ body, field string }{
		{`{"role_id":"` + role + `","ratings":{"drive":6}}`, "ratings.drive"},
		{`{"role_id":"` + role + `","ratings":{"drive":0}}`, "ratings.drive"},
		{`{"role_id":"` + role + `","ratings":{"drive":2.5}}`, "ratings.drive"},
		{`{"role_id":"` + role + `","ratings":{"charm":3}}`, "ratings.charm"},
		{`{"role_id":"` + role + `","ratings":{}}`, "ratings"},
		{`{"role_id":"NOSUCHROLE","ratings":{"drive":3}}`, "role_id"},
		{`{"ratings":{"drive":3}}`, "role_id"},
	} {
		resp, body := tw.f.apiRequest("POST", "/api/v1/people/"+ann+"/interviews", key, c.body)
		wantStatus(t, c.body, resp, http.StatusBadRequest, body)
		var e apiError
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Fields[c.field] == "" {
			t.Errorf("%s: fields %v, want %s named", c.body, e.Error.Fields, c.field)
		}
	}
	resp, body := tw.f.apiRequest("GET", "/api/v1/people/"+ann+"/export", key, "")
	wantStatus(t, "export", resp, http.StatusOK, body)
	if strings.Contains(body, `"interview-bank"`) {
		t.Fatal("a refused interview was stored")
	}
	resp, body = tw.f.apiRequest("POST", "/api/v1/people/"+ann+"/interviews", key,
		`{"role_id":"`+role+`","ratings":{"drive":4,"influence":2},"notes":"Good examples of follow-up."}`)
	wantStatus(t, "record", resp, http.StatusCreated, body)
	got := decode[apiInterview](t, body)
	if got.Mean != 3 || got.Ratings["drive"] != 4 || got.RoleID != role || got.RoleName != "Account executive" || got.InterviewBank != "interview-bank" {
		t.Errorf("interview %+v", got)
	}
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, page := b.get("/people/" + ann)
	wantStatus(t, "person page", resp, http.StatusOK, page)
	wantContains(t, "person page", page, "Interview for Account executive", "Good examples of follow-up.", "Profile: their own answers",
		`action="/people/`+ann+`/interview"`)
	resp, body = tw.f.apiRequest("GET", "/api/v1/people/"+ann+"/export", key, "")
	wantStatus(t, "export", resp, http.StatusOK, body)
	found := false
	for _, r := range decode[apiPersonData](t, body).Responses {
		found = found || (r.View == "interview" && r.Answers["influence"] == 2)
	}
	if !found {
		t.Errorf("the export lacks the interview ratings:\n%s", body)
	}
}

// The guide page shows the chosen facets' questions and anchors and takes
// the ratings; a rating that is not a whole number brings the page back
// with the facet named and nothing stored.
func TestGuidePage(t *testing.T) {
	tw, _, role := interviewWorld(t)
	ann := tw.assessed[0].ID
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, page := b.get("/people/" + ann + "/interview?role=" + role)
	wantStatus(t, "guide", resp, http.StatusOK, page)
	wantContains(t, "guide", page, "Interview guide: Ann Able for Account executive", "Tell me about", "Rating of", `name="ratings.`)
	_, rest, _ := strings.Cut(page, `name="ratings.`)
	facet, _, _ := strings.Cut(rest, `"`)
	resp, page = b.post("/people/"+ann+"/interviews", url.Values{"role_id": {role}, "ratings." + facet: {"3.5"}})
	wantStatus(t, "bad rating", resp, http.StatusBadRequest, page)
	wantContains(t, "bad rating", page, "must be a whole number", `id="e-ratings.`+facet+`"`)
	resp, page = b.post("/people/"+ann+"/interviews", url.Values{"role_id": {role}, "ratings." + facet: {"4"}, "notes": {"Calm."}})
	wantStatus(t, "good rating", resp, http.StatusSeeOther, page)
	resp, page = b.get("/people/" + ann)
	wantStatus(t, "person page", resp, http.StatusOK, page)
	if n := strings.Count(page, "<h3>Interview for Account executive"); n != 1 {
		t.Errorf("%d interviews listed, want 1 (the refused one is not stored)", n)
	}
	resp, page = b.get("/people/" + ann + "/interview")
	wantStatus(t, "no role", resp, http.StatusBadRequest, page)
}

// A rating that is not a number is a 400 naming its field too.
func TestAPIInterviewRatingNotANumber(t *testing.T) {
	tw, key, role := interviewWorld(t)
	resp, body := tw.f.apiRequest("POST", "/api/v1/people/"+tw.assessed[0].ID+"/interviews", key,
		`{"role_id":"`+role+`","ratings":{"drive":"five"}}`)
	wantStatus(t, "a word for a rating", resp, http.StatusBadRequest, body)
	var e apiError
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Fields["ratings.drive"] == "" {
		t.Errorf("fields %v, want ratings.drive named", e.Error.Fields)
	}
}
