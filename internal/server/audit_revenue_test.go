package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"testing"
)

// newAuditEntries returns the entries of organisation A written since
// seen, and adds them to seen.
func newAuditEntries(t *testing.T, f *fixture, seen map[string]bool) []rolefit.AuditEntry {
	t.Helper()
	log, err := f.st.Scope(f.orgA.ID).AuditLog(ctx, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	var out []rolefit.AuditEntry
	for _, e := range log {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return out
}

// Every page and API route that shows a person's revenue, or figures
// worked out from it, records the read in the audit log once, as other
// views of person data are.
func TestReadingRevenueIsAudited(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, seller, _ := costsWorld(t, f)
	key := f.apiKeyA(t)
	b := f.browser().signIn(f.mgrA)
	keys, err := f.st.Scope(f.orgA.ID).APIKeys(ctx)
	if err != nil || len(keys) != 1 {
		t.Fatalf("API keys: %v %v", keys, err)
	}
	seen := map[string]bool{}
	newAuditEntries(t, f, seen)

	page := "/people/" + seller.ID
	for _, tc := range []struct {
		name       string
		send       func() (*http.Response, string)
		status     int
		actor      string
		action     string
		subject    string
		subjectID  string
		wantDetail string
	}{
		{"the Costs page", func() (*http.Response, string) { return b.get("/costs") }, http.StatusOK,
			f.mgrA.ID, "list", "exposure", "", "new-business revenue of 2 sellers"},
		{"GET /api/v1/exposure", func() (*http.Response, string) { return f.apiRequest("GET", "/api/v1/exposure", key, "") }, http.StatusOK,
			keys[0].ID, "list", "exposure", "", "new-business revenue of 2 sellers"},
		{"the Move page", func() (*http.Response, string) { return b.get("/costs/move?person=" + seller.ID) }, http.StatusOK,
			f.mgrA.ID, "view", "person", seller.ID, "move this person"},
		{"the person's page with their performance", func() (*http.Response, string) { return b.get(page) }, http.StatusOK,
			f.mgrA.ID, "view", "person", seller.ID, ""},
		{"GET /api/v1/people/{id}/performance", func() (*http.Response, string) {
			return f.apiRequest("GET", "/api/v1/people/"+seller.ID+"/performance", key, "")
		}, http.StatusOK, keys[0].ID, "view", "person", seller.ID, "performance"},
		{"a refused month, shown on the person's page", func() (*http.Response, string) {
			return b.post(page+"/performance", url.Values{"month": {"2025-01"}, "new_business_hours": {"ten"}})
		}, http.StatusBadRequest, f.mgrA.ID, "view", "person", seller.ID, ""},
		{"a refused import, shown on the person's page", func() (*http.Response, string) {
			return b.post(page+"/performance/import", url.Values{"csv": {"person,month\nnobody,2025-13\n"}})
		}, http.StatusBadRequest, f.mgrA.ID, "view", "person", seller.ID, ""},
	} {
		resp, body := tc.send()
		wantStatus(t, tc.name, resp, tc.status, body)
		es := newAuditEntries(t, f, seen)
		if len(es) != 1 {
			t.Errorf("%s: %d audit entries, want 1: %+v", tc.name, len(es), es)
			continue
		}
		e := es[0]
		if e.ActorID != tc.actor || e.Action != tc.action || e.SubjectType != tc.subject || e.SubjectID != tc.subjectID || e.Detail != tc.wantDetail {
			t.Errorf("%s: audit entry %s %s %s %q by %s, want %s %s %s %q by %s", tc.name, e.Action, e.SubjectType, e.SubjectID, e.Detail, e.ActorID,
				tc.action, tc.subject, tc.subjectID, tc.wantDetail, tc.actor)
		}
	}

	// An import that works records the months; the page it goes back to
	// records its own view.
	resp, body := b.post(page+"/performance/import", url.Values{"csv": {"person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
		seller.ID + ",2025-03,60,300000,60,60000\n"}})
	wantStatus(t, "an import", resp, http.StatusSeeOther, body)
	for _, e := range newAuditEntries(t, f, seen) {
		if e.Action == "view" || e.Action == "list" {
			t.Errorf("an import that shows nothing recorded a read: %+v", e)
		}
	}
}

// Placement values people on their observed revenue per hour; its page,
// its API and a person's fit record one entry each too.
func TestPlacementReadsAreAuditedOnce(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, people := placementTeam(t, f)
	if _, err := f.st.Scope(f.orgA.ID).RecordPerformance(ctx, []rolefit.PerformanceInput{{Person: people[0].ID, Month: "2025-01",
		NewBusinessHours: 60, NewBusinessRevenue: 300000}}, nil, false, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	key := f.apiKeyA(t)
	b := f.browser().signIn(f.mgrA)
	seen := map[string]bool{}
	newAuditEntries(t, f, seen)
	for _, tc := range []struct {
		name            string
		send            func() (*http.Response, string)
		subject, detail string
	}{
		{"the Placement page", func() (*http.Response, string) { return b.get("/placement") }, "placement", "8 people, 3 roles"},
		{"GET /api/v1/placement", func() (*http.Response, string) { return f.apiRequest("GET", "/api/v1/placement", key, "") }, "placement", "8 people, 3 roles"},
		{"GET /api/v1/people/{id}/fit", func() (*http.Response, string) {
			return f.apiRequest("GET", "/api/v1/people/"+people[0].ID+"/fit", key, "")
		}, "person", "fit for every role"},
	} {
		resp, body := tc.send()
		wantStatus(t, tc.name, resp, http.StatusOK, body)
		es := newAuditEntries(t, f, seen)
		if len(es) != 1 || es[0].Action != "view" || es[0].SubjectType != tc.subject || es[0].Detail != tc.detail {
			t.Errorf("%s: audit entries %+v, want one view of %s, %q", tc.name, es, tc.subject, tc.detail)
		}
	}
}
