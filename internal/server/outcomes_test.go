package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"
)

// The test clock stands at 2026-03-02 09:00 UTC; the people of perfWorld
// were added then.

func TestOutcomesAPI(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	hook, err := oA.CreateWebhookEndpoint(ctx, "https://93.184.215.14/hooks", []rolefit.EventType{rolefit.EventOutcomeRecorded},
		"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/people/" + w.cand.ID + "/outcomes"
	stored := func() int {
		os, err := oA.Outcomes(ctx, w.cand.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(os)
	}
	for _, tc := range []struct {
		name, path, key, body string
		status                int
		field, says           string
	}{
		{"unknown stage", path, w.keyA, `{"stage":"interviewed","at":"2026-03-02"}`, http.StatusBadRequest, "stage", "must be one of advanced, offered, hired, rejected, withdrew"},
		{"no stage", path, w.keyA, `{"at":"2026-03-02"}`, http.StatusBadRequest, "stage", "is required"},
		{"before the person was added", path, w.keyA, `{"stage":"advanced","at":"2026-03-01"}`, http.StatusBadRequest, "at", "before the person was added (2026-03-02)"},
		{"in the future", path, w.keyA, `{"stage":"hired","at":"2026-03-03"}`, http.StatusBadRequest, "at", "is in the future"},
		{"a time in the future", path, w.keyA, `{"stage":"hired","at":"2026-03-02T10:00:00Z"}`, http.StatusBadRequest, "at", "is in the future"},
		{"not a date", path, w.keyA, `{"stage":"hired","at":"02/03/2026"}`, http.StatusBadRequest, "at", "YYYY-MM-DD"},
		{"unknown field", path, w.keyA, `{"stage":"hired","at":"2026-03-02","when":1}`, http.StatusBadRequest, "when", ""},
		{"unknown person", "/api/v1/people/NOSUCHPERSON/outcomes", w.keyA, `{"stage":"hired","at":"2026-03-02"}`, http.StatusNotFound, "", ""},
		{"another organisation's person", path, w.keyB, `{"stage":"hired","at":"2026-03-02"}`, http.StatusNotFound, "", ""},
	} {
		resp, body := f.apiRequest("POST", tc.path, tc.key, tc.body)
		wantStatus(t, tc.name, resp, tc.status, body)
		if tc.field != "" {
			wantContains(t, tc.name, body, `"`+tc.field+`":`, tc.says)
		}
	}
	if n := stored(); n != 0 {
		t.Fatalf("after refused input %d outcomes are stored, want none", n)
	}
	deliveries, _, err := oA.EndpointDeliveries(ctx, hook.ID, 10, "")
	if err != nil || len(deliveries) != 0 {
		t.Fatalf("refused outcomes queued %d webhook deliveries (%v), want none", len(deliveries), err)
	}

	resp, body := f.apiRequest("POST", path, w.keyA, `{"stage":"advanced","at":"2026-03-02"}`)
	wantStatus(t, "record an outcome", resp, http.StatusCreated, body)
	wantContains(t, "recorded outcome", body, `"stage":"advanced"`, `"at":"2026-03-02T00:00:00Z"`, `"person_id":"`+w.cand.ID+`"`)
	deliveries, _, err = oA.EndpointDeliveries(ctx, hook.ID, 10, "")
	if err != nil || len(deliveries) != 1 || deliveries[0].EventType != string(rolefit.EventOutcomeRecorded) ||
		!strings.Contains(deliveries[0].Body, `"stage":"advanced"`) || !strings.Contains(deliveries[0].Body, w.cand.ID) {
		t.Fatalf("webhook deliveries after an outcome = %+v (%v), want one outcome.recorded naming the person and stage", deliveries, err)
	}

	resp, body = f.apiRequest("GET", path, w.keyA, "")
	wantStatus(t, "list outcomes", resp, http.StatusOK, body)
	wantContains(t, "outcomes", body, `"stage":"advanced"`)
	resp, body = f.apiRequest("GET", "/api/v1/people/"+w.cand.ID+"/export", w.keyA, "")
	wantStatus(t, "person export", resp, http.StatusOK, body)
	wantContains(t, "person export", body, `"outcomes": [`, `"stage": "advanced"`)

	b := f.browser().signIn(f.adminA)
	resp, body = b.get("/people/" + w.cand.ID)
	wantStatus(t, "person page", resp, http.StatusOK, body)
	wantContains(t, "person page", body, "Hiring outcomes", "<td>advanced</td><td>2026-03-02</td>")
}

func TestOutcomesFormAndFile(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	b := f.browser().signIn(f.adminA)
	page := "/people/" + w.cand.ID

	resp, body := b.post(page+"/outcomes", url.Values{"stage": {"hired"}, "at": {"2026-03-09"}})
	wantStatus(t, "a future date on the form", resp, http.StatusBadRequest, body)
	wantContains(t, "the form's error", body, "is in the future", `value="2026-03-09"`)

	// A file with a bad row records nothing, and names each bad row.
	file := "person,stage,at\n" + w.cand.ID + ",advanced,2026-03-02\nsam@example.com,promoted,2026-03-02\nnobody@example.com,hired,2026-03-02\n"
	resp, body = b.post(page+"/outcomes/import", url.Values{"csv": {file}})
	wantStatus(t, "a file with bad rows", resp, http.StatusBadRequest, body)
	wantContains(t, "the file's errors", body, "row 3", "must be one of advanced", "row 4", "is no one in your organisation")
	for _, p := range []*rolefit.Person{w.cand, w.staff} {
		if os, err := oA.Outcomes(ctx, p.ID); err != nil || len(os) != 0 {
			t.Fatalf("%s has %d outcomes after a refused file (%v), want none", p.Name, len(os), err)
		}
	}

	file = "person,stage,at\n" + w.cand.ID + ",advanced,2026-03-02\nsam@example.com,hired,2026-03-02T09:30:00Z\n"
	f.clock.Advance(time.Hour)
	resp, body = b.post(page+"/outcomes/import", url.Values{"csv": {file}})
	wantStatus(t, "a good file", resp, http.StatusSeeOther, body)
	for _, p := range []*rolefit.Person{w.cand, w.staff} {
		if os, err := oA.Outcomes(ctx, p.ID); err != nil || len(os) != 1 {
			t.Fatalf("%s has %d outcomes after the file (%v), want 1", p.Name, len(os), err)
		}
	}
	resp, body = b.post(page+"/outcomes", url.Values{"stage": {"offered"}, "at": {"2026-03-02"}})
	wantStatus(t, "the form", resp, http.StatusSeeOther, body)
	if os, _ := oA.Outcomes(ctx, w.cand.ID); len(os) != 2 {
		t.Fatalf("after the form the candidate has %d outcomes, want 2", len(os))
	}
}

// From the People list: one stage on one date for the people selected,
// all or none.
func TestOutcomesFromThePeopleList(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	b := f.browser().signIn(f.mgrA)
	_, page := b.get("/people")
	wantContains(t, "people page", page, `formaction="/people/outcomes"`, `<option value="withdrew"`)

	resp, body := b.post("/people/outcomes", url.Values{"person_ids": {w.cand.ID, w.staff.ID}, "stage": {"promoted"}, "at": {"2026-03-02"}})
	wantStatus(t, "an unknown stage", resp, http.StatusBadRequest, body)
	wantContains(t, "an unknown stage", body, "must be one of advanced")
	resp, body = b.post("/people/outcomes", url.Values{"person_ids": {w.cand.ID, "NOSUCHPERSON"}, "stage": {"rejected"}, "at": {"2026-03-02"}})
	wantStatus(t, "someone unknown", resp, http.StatusBadRequest, body)
	wantContains(t, "someone unknown", body, "Person 2 of those selected: person is no one in your organisation")
	resp, body = b.post("/people/outcomes", url.Values{"stage": {"rejected"}, "at": {"2026-03-02"}})
	wantStatus(t, "nobody selected", resp, http.StatusBadRequest, body)
	for _, p := range []*rolefit.Person{w.cand, w.staff} {
		if os, _ := oA.Outcomes(ctx, p.ID); len(os) != 0 {
			t.Fatalf("%s has outcomes after refused input", p.Name)
		}
	}
	resp, body = b.post("/people/outcomes", url.Values{"person_ids": {w.cand.ID, w.staff.ID}, "stage": {"rejected"}, "at": {"2026-03-02"}})
	wantStatus(t, "two people", resp, http.StatusSeeOther, body)
	for _, p := range []*rolefit.Person{w.cand, w.staff} {
		if os, _ := oA.Outcomes(ctx, p.ID); len(os) != 1 || os[0].Stage != rolefit.StageRejected {
			t.Errorf("%s has %v, want one rejection", p.Name, os)
		}
	}
}
