package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A job questionnaire on the role's page: an answer outside 1–5 or
// missing comes back marked with nothing stored; two answerers' answers
// show a proposal that, accepted, becomes the role's target, which the
// API then says came from the job questionnaire.
func TestRoleJobQuestionnairePages(t *testing.T) {
	tw, key, role := interviewWorld(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, page := b.get("/settings/roles/" + role)
	wantStatus(t, "role page", resp, http.StatusOK, page)
	wantContains(t, "role page", page, "What the job involves", `name="answers.j01"`, "Target profile entered by a manager")
	form := func(answerer string, over map[string]string) url.Values {
		v := url.Values{"answerer": {answerer}}
		for i := 1; i <= 12; i++ {
			id := "j" + string(rune('0'+i/10)) + string(rune('0'+i%10))
			v.Set("answers."+id, "3")
		}
		for k, x := range over {
			if x == "" {
				v.Del(k)
			} else {
				v.Set(k, x)
			}
		}
		return v
	}
	resp, page = b.post("/settings/roles/"+role+"/job-answers", form("Sales director", map[string]string{"answers.j01": "6", "answers.j02": ""}))
	wantStatus(t, "bad answers", resp, http.StatusBadRequest, page)
	wantContains(t, "bad answers", page, `id="e-answers.j01"`, `id="e-answers.j02"`, "must be a whole number between 1 and 5")
	if strings.Contains(page, "The proposal from") {
		t.Error("refused answers were stored")
	}
	for name, over := range map[string]map[string]string{"Sales director": {"answers.j01": "5", "answers.j05": "5"}, "Top seller": {"answers.j01": "4"}} {
		resp, page = b.post("/settings/roles/"+role+"/job-answers", form(name, over))
		wantStatus(t, "answers of "+name, resp, http.StatusSeeOther, page)
	}
	resp, page = b.get("/settings/roles/" + role)
	wantStatus(t, "role page", resp, http.StatusOK, page)
	wantContains(t, "role page", page, "The proposal from 2 answerers", `name="target.social_boldness"`)
	_, rest, _ := strings.Cut(page, `name="target.social_boldness" inputmode="decimal" size="6" value="`)
	proposed, _, _ := strings.Cut(rest, `"`)
	if proposed == "" || proposed == "0.000" {
		t.Fatalf("no proposed weight for social boldness: %q", proposed)
	}
	resp, page = b.post("/settings/roles/"+role+"/job-target", url.Values{"target.social_boldness": {"x"}})
	wantStatus(t, "bad weight", resp, http.StatusBadRequest, page)
	wantContains(t, "bad weight", page, `id="e-target.social_boldness"`)
	resp, page = b.post("/settings/roles/"+role+"/job-target", url.Values{"target.social_boldness": {proposed}, "target.drive": {"0.4"}})
	wantStatus(t, "accept", resp, http.StatusSeeOther, page)
	resp, body := tw.f.apiRequest("GET", "/api/v1/roles/"+role, key, "")
	wantStatus(t, "role", resp, http.StatusOK, body)
	got := decode[apiRole](t, body)
	if got.TargetSource != "job_questionnaire" || got.Profile["drive"] != 0.4 || len(got.Profile) != 2 {
		t.Errorf("role after accepting: source %q, profile %v", got.TargetSource, got.Profile)
	}
	resp, page = b.post("/settings/roles/"+role+"/job-answers/delete", url.Values{})
	wantStatus(t, "discard", resp, http.StatusSeeOther, page)
	_, page = b.get("/settings/roles/" + role)
	if strings.Contains(page, "The proposal from") || !strings.Contains(page, "from the job questionnaire") {
		t.Error("after discarding: the proposal is still shown, or the role forgot where its target came from")
	}
}
