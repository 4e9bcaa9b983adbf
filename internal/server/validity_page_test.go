package server

import (
	"net/http"
	"rolefit"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
)

// "Does it predict here?" shows each composite's verdict that respects n
// (the team world has one rated person: far too few to tell), says the
// interview is not yet recorded, lists every scale against every
// criterion, and is linked from the navigation and from Reliability.
func TestEvidencePage(t *testing.T) {
	tw := newTeamWorld(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, body := b.get("/evidence")
	wantStatus(t, "evidence", resp, http.StatusOK, body)
	wantContains(t, "evidence", body, "Does it predict here?", "1 person: far too few to tell; with 30 the interval would be about ±0.36.",
		"Not yet recorded: nobody has interview ratings yet.", "Influence", "Relationship service", `href="/evidence"`)
	if strings.Contains(body, "made up") {
		t.Error("an organisation that is not the demo is told its data is made up")
	}
	if n := strings.Count(body, `<th scope="row"`); n != 12*4 {
		t.Errorf("%d rows, want every scale against every criterion", n)
	}
	_, rel := b.get("/settings/reliability")
	wantContains(t, "reliability", rel, `<a href="/evidence">Does it predict here?</a>`)
}

// In the demo the page says its data is made up, gives the seven sellers
// the honest "too few" verdict on the new-business rate, and draws the
// composites against both rates.
func TestDemoEvidencePage(t *testing.T) {
	_, b := demoFixture(t)
	resp, body := b.get("/evidence")
	wantStatus(t, "evidence", resp, http.StatusOK, body)
	wantContains(t, "demo evidence", body, "This is the demo: its people, answers and performance are made up.",
		"<strong>New-business revenue an hour:</strong> 7 people: far too few to tell; over 7 people the 95% interval is about ±0.75 around any r, and with 30 it would be about ±0.36.",
		"<strong>Service revenue an hour:</strong> 10 people: r = ", `id="scatter-hunter-new_business_rate-title"`, `id="scatter-farmer-service_rate-title"`)
	if n := strings.Count(body, `<svg class="chart scatter"`); n != 4 {
		t.Errorf("%d charts, want the two composites against the two rates", n)
	}
}

// The evidence page and GET /api/v1/validity show figures worked out from
// people's revenue and ratings: each records the read in the audit log
// once, with how many people's performance it was over.
func TestReadingValidityIsAudited(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	for _, p := range []int{1, 3} { // Bo and Cy, the staff
		for _, m := range []string{"2025-10", "2025-11", "2025-12"} {
			in := rolefit.PerformanceInput{Month: m, NewBusinessHours: 40, NewBusinessRevenue: 40000, ServiceHours: 60, ServiceRevenue: 30000}
			if _, err := tw.uc.RecordPerformance(ctx, usecases.UserActor(tw.f.adminA), tw.assessed[p].ID, in, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	keys, err := tw.f.st.Scope(tw.f.orgA.ID).APIKeys(ctx)
	if err != nil || len(keys) != 1 {
		t.Fatalf("API keys: %v %v", keys, err)
	}
	b := tw.f.browser().signIn(tw.f.mgrA)
	seen := map[string]bool{}
	newAuditEntries(t, tw.f, seen)
	for _, tc := range []struct {
		name  string
		send  func() (*http.Response, string)
		actor string
	}{
		{"the evidence page", func() (*http.Response, string) { return b.get("/evidence") }, tw.f.mgrA.ID},
		{"GET /api/v1/validity", func() (*http.Response, string) { return tw.f.apiRequest("GET", "/api/v1/validity", key, "") }, keys[0].ID},
	} {
		resp, body := tc.send()
		wantStatus(t, tc.name, resp, http.StatusOK, body)
		es := newAuditEntries(t, tw.f, seen)
		// Bo and Cy have records; Cy is also rated.
		if len(es) != 1 || es[0].ActorID != tc.actor || es[0].Action != "list" || es[0].SubjectType != "validity" ||
			es[0].Detail != "scores against performance of 2 people" {
			t.Errorf("%s: audit entries %+v, want one list of validity over 2 people", tc.name, es)
		}
	}
}
