package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestSelfIdentificationIsNeverShown stores a self-identification and reads
// every place a person is shown or exported: none holds it.
func TestSelfIdentificationIsNeverShown(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	id := w.cand.ID
	resp, body := f.apiRequest("PUT", "/api/v1/people/"+id+"/self-identification", w.keyA,
		`{"sex":"another","race_ethnicity":"native_hawaiian_or_pacific_islander","age_40_or_over":true}`)
	wantStatus(t, "self-identify", resp, http.StatusNoContent, body)
	if has, err := oA.HasSelfIdentification(ctx, id); err != nil || !has {
		t.Fatalf("stored: %v, %v; want stored", has, err)
	}
	// Words that would give it away: the fields' names and the values.
	tells := []string{"native_hawaiian", "Native Hawaiian", "race_ethnicity", "age_40_or_over", `"sex"`, "another"}
	b := f.browser().signIn(f.adminA)
	for _, read := range []struct {
		what string
		get  func() (*http.Response, string)
	}{
		{"API person", func() (*http.Response, string) { return f.apiRequest("GET", "/api/v1/people/"+id, w.keyA, "") }},
		{"API people", func() (*http.Response, string) { return f.apiRequest("GET", "/api/v1/people", w.keyA, "") }},
		{"API profile", func() (*http.Response, string) {
			return f.apiRequest("GET", "/api/v1/people/"+id+"/profile", w.keyA, "")
		}},
		{"API person export", func() (*http.Response, string) {
			return f.apiRequest("GET", "/api/v1/people/"+id+"/export", w.keyA, "")
		}},
		{"people export CSV", func() (*http.Response, string) {
			return f.apiRequest("GET", "/api/v1/people/export?format=csv", w.keyA, "")
		}},
		{"person page", func() (*http.Response, string) { return b.get("/people/" + id) }},
		{"person export page", func() (*http.Response, string) { return b.get("/people/" + id + "/export") }},
		{"people page", func() (*http.Response, string) { return b.get("/people") }},
	} {
		resp, body := read.get()
		wantStatus(t, read.what, resp, http.StatusOK, body)
		for _, tell := range tells {
			if strings.Contains(body, tell) {
				t.Errorf("%s contains %q", read.what, tell)
			}
		}
	}
}

func TestSelfIdentificationInput(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	for _, tc := range []struct {
		name, id, body string
		field, says    string
	}{
		{"unknown sex", w.cand.ID, `{"sex":"f"}`, "sex", "must be one of female, male, another, declined"},
		{"unknown category", w.cand.ID, `{"race_ethnicity":"martian"}`, "race_ethnicity", "must be one of hispanic_or_latino"},
		{"age as a word", w.cand.ID, `{"age_40_or_over":"yes"}`, "age_40_or_over", `must be true, false or \"declined\"`},
		{"a staff member", w.staff.ID, `{"sex":"female"}`, "person", "self-identification of staff is not enabled"},
	} {
		resp, body := f.apiRequest("PUT", "/api/v1/people/"+tc.id+"/self-identification", w.keyA, tc.body)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		wantContains(t, tc.name, body, `"`+tc.field+`":`, tc.says)
	}
	for _, p := range []string{w.cand.ID, w.staff.ID} {
		if has, err := oA.HasSelfIdentification(ctx, p); err != nil || has {
			t.Errorf("after refused input a self-identification is stored for %s (%v)", p, err)
		}
	}
	resp, body := f.apiRequest("PUT", "/api/v1/people/"+w.cand.ID+"/self-identification", w.keyB, `{"sex":"female"}`)
	wantStatus(t, "another organisation's person", resp, http.StatusNotFound, body)

	// Once the organisation allows it, staff may self-identify; "declined"
	// and fields left out are "prefer not to say".
	resp, body = f.apiRequest("PATCH", "/api/v1/organisation", w.keyA, `{"self_id_for_staff":true}`)
	wantStatus(t, "allow staff", resp, http.StatusOK, body)
	resp, body = f.apiRequest("PUT", "/api/v1/people/"+w.staff.ID+"/self-identification", w.keyA, `{"sex":"declined","age_40_or_over":"declined"}`)
	wantStatus(t, "a staff member declines", resp, http.StatusNoContent, body)
}

// TestErasingAPersonErasesTheirSelfIdentification: the answers go with the
// person, as their scores do.
func TestErasingAPersonErasesTheirSelfIdentification(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	oA := f.st.Scope(f.orgA.ID)
	resp, body := f.apiRequest("PUT", "/api/v1/people/"+w.cand.ID+"/self-identification", w.keyA, `{"sex":"female","race_ethnicity":"asian"}`)
	wantStatus(t, "self-identify", resp, http.StatusNoContent, body)
	if has, _ := oA.HasSelfIdentification(ctx, w.cand.ID); !has {
		t.Fatal("not stored")
	}
	resp, body = f.apiRequest("DELETE", "/api/v1/people/"+w.cand.ID, w.keyA, "")
	wantStatus(t, "erase", resp, http.StatusNoContent, body)
	if has, err := oA.HasSelfIdentification(ctx, w.cand.ID); err != nil || has {
		t.Errorf("after erasing the person their self-identification is still stored (%v)", err)
	}
}
