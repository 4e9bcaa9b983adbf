package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"rolefit/internal/mail"
	"rolefit/internal/mail/mailtest"
)

// ghStatus is test_status's answer as Greenhouse reads it.
type ghStatus struct {
	PartnerInterviewID string          `json:"partner_interview_id"`
	Status             string          `json:"partner_status"`
	ProfileURL         *string         `json:"partner_profile_url"`
	Score              *float64        `json:"partner_score"`
	Metadata           *map[string]any `json:"metadata"`
}

// A fake Greenhouse drives the Assessment Partner contract end to end:
// it lists the tests, sends one with a role to a new candidate (twice,
// as Greenhouse may), reads its status; the candidate answers through the
// e-mailed link; rolefit's queue PATCHes Greenhouse's address, and
// Greenhouse, told, reads the complete status with the fit as the score.
func TestGreenhouseRoundTrip(t *testing.T) {
	smtp := mailtest.StartTestServer(t)
	m, err := mail.ParseURL(smtp.URL("hiring@acme.example"))
	if err != nil {
		t.Fatal(err)
	}
	f, uc := outboundFixture(t, m)
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/roles", key, sellerRole)
	wantStatus(t, "add a role", resp, http.StatusCreated, body)
	roleID := decode[apiRole](t, body).ID

	// Greenhouse: on the PATCH it asks for the status at once, as its
	// documentation says it does.
	var told []ghStatus
	greenhouse := newHookReceiver(t, func(r hookRequest) {
		if r.Method != http.MethodPatch {
			return
		}
		var patched ghStatus
		if err := json.Unmarshal(r.Body, &patched); err != nil {
			t.Errorf("the PATCH's body %s: %v", r.Body, err)
		}
		resp, body := f.basicRequest("GET", "/integrations/greenhouse/test_status?partner_interview_id="+patched.PartnerInterviewID, key, "")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("test_status after the PATCH: %d %s", resp.StatusCode, body)
		}
		told = append(told, decode[ghStatus](t, body))
	})

	resp, body = f.basicRequest("GET", "/integrations/greenhouse/list_tests", key, "")
	wantStatus(t, "list_tests", resp, http.StatusOK, body)
	var tests []struct{ PartnerTestID, PartnerTestName string }
	var raw []map[string]string
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	for _, r := range raw {
		tests = append(tests, struct{ PartnerTestID, PartnerTestName string }{r["partner_test_id"], r["partner_test_name"]})
	}
	withRole := "sales-service/" + roleID
	var ids []string
	for _, ts := range tests {
		ids = append(ids, ts.PartnerTestID)
	}
	if strings.Join(ids, " ") != "sales-service "+withRole {
		t.Fatalf("list_tests: %v, want the questionnaire alone and with the role", ids)
	}

	send := `{"partner_test_id":"` + withRole + `","candidate":{"first_name":"Gia","last_name":"Green","email":"Gia@Example.com",` +
		`"resume_url":"https://example.com/cv.pdf","greenhouse_profile_url":"https://app.greenhouse.io/people/42"},` +
		`"url":"` + greenhouse.URL + `/integrations/take_home_tests/7"}`
	resp, body = f.basicRequest("POST", "/integrations/greenhouse/send_test", key, send)
	wantStatus(t, "send_test", resp, http.StatusOK, body)
	id := decode[map[string]string](t, body)["partner_interview_id"]
	resp, body = f.basicRequest("POST", "/integrations/greenhouse/send_test", key, send)
	wantStatus(t, "send_test again", resp, http.StatusOK, body)
	if again := decode[map[string]string](t, body)["partner_interview_id"]; again != id || id == "" {
		t.Fatalf("the same request twice gave %q and %q", id, again)
	}
	if n, _ := f.st.Scope(f.orgA.ID).CountPeople(ctx); n != 1 {
		t.Errorf("%d people after two send_test, want the one candidate", n)
	}
	msgs := smtp.Messages()
	if len(msgs) != 1 || msgs[0].To != "gia@example.com" {
		t.Fatalf("e-mails %+v, want one to gia@example.com", msgs)
	}

	resp, body = f.basicRequest("GET", "/integrations/greenhouse/test_status?partner_interview_id="+id, key, "")
	wantStatus(t, "test_status before", resp, http.StatusOK, body)
	wantContains(t, "test_status before", body, `"partner_status":"sent"`, `"partner_score":null`, `"partner_profile_url":null`, `"metadata":null`)

	answerThroughPages(t, f, linkIn(t, msgs[0].Body))
	deliverAll(t, uc)
	patches := greenhouse.requests()
	if len(patches) != 1 || patches[0].Method != http.MethodPatch || patches[0].Path != "/integrations/take_home_tests/7" {
		t.Fatalf("Greenhouse got %+v, want one PATCH at its address", patches)
	}
	if len(told) != 1 {
		t.Fatalf("Greenhouse read the status %d times after the PATCH", len(told))
	}
	st := told[0]
	if st.Status != "complete" || st.PartnerInterviewID != id || st.Score == nil || *st.Score < 0 || *st.Score > 100 ||
		st.ProfileURL == nil || !strings.HasPrefix(*st.ProfileURL, testBaseURL+"/people/") || st.Metadata == nil {
		t.Fatalf("status after completion: %+v", st)
	}
	md := *st.Metadata
	for _, k := range []string{"New-business selling (hunter)", "Relationship service (farmer)", "Profile class", "Response quality"} {
		if _, ok := md[k]; !ok {
			t.Errorf("metadata has no %q: %v", k, md)
		}
	}
	for k, v := range md {
		switch v.(type) {
		case string, float64, nil:
		default:
			t.Errorf("metadata %q is %T; it must be flat", k, v)
		}
	}
	// The PATCH's body is what test_status answers.
	var patched ghStatus
	if err := json.Unmarshal(patches[0].Body, &patched); err != nil || patched.Status != "complete" || *patched.Score != *st.Score {
		t.Errorf("PATCH body %s", patches[0].Body)
	}
	// The person's data export says what Greenhouse sent about them.
	resp, body = f.apiRequest("GET", "/api/v1/people/"+strings.TrimPrefix(*st.ProfileURL, testBaseURL+"/people/")+"/export", key, "")
	wantStatus(t, "export", resp, http.StatusOK, body)
	wantContains(t, "export", body, `"greenhouse_profile_url": "https://app.greenhouse.io/people/42"`, `"partner_interview_id": "`+id+`"`)
	// Its public shape, pinned.
	resp, body = f.basicRequest("GET", "/integrations/greenhouse/test_status?partner_interview_id="+id, key, "")
	wantStatus(t, "test_status", resp, http.StatusOK, body)
	got := normaliseIDs([]byte(body), map[string]string{id: "partner-interview"})
	var v any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatal(err)
	}
	pretty, _ := json.MarshalIndent(v, "", "  ")
	compareGolden(t, filepath.Join("testdata", "golden", "greenhouse-test-status.json"), append(pretty, '\n'))
}

// Greenhouse's calls with a wrong key get 401 with a Basic challenge, an
// unknown assessment 404, a bad send_test 400 naming the field, and an
// error report is kept for the admins.
func TestGreenhouseErrors(t *testing.T) {
	f, _ := outboundFixture(t, nil)
	key := f.apiKeyA(t)
	for _, c := range []struct{ name, key string }{{"no key", ""}, {"a wrong key", "rf_not-a-key"}} {
		resp, body := f.basicRequest("GET", "/integrations/greenhouse/list_tests", c.key, "")
		wantStatus(t, c.name, resp, http.StatusUnauthorized, body)
		if !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic") || !strings.Contains(body, `"code":"unauthorized"`) {
			t.Errorf("%s: WWW-Authenticate %q, body %s", c.name, resp.Header.Get("WWW-Authenticate"), body)
		}
	}
	// A bearer key is not how Greenhouse calls.
	req := httptest.NewRequest("GET", "/integrations/greenhouse/list_tests", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	if resp, err := f.app.Test(req, -1); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("with a bearer key: %v %v", resp.StatusCode, err)
	}
	resp, body := f.basicRequest("GET", "/integrations/greenhouse/test_status?partner_interview_id=NOPE", key, "")
	wantStatus(t, "unknown assessment", resp, http.StatusNotFound, body)
	wantContains(t, "unknown assessment", body, `"code":"not_found"`)
	for _, c := range []struct{ body, field string }{
		{`{"partner_test_id":"shoe-size","candidate":{"first_name":"A","email":"a@example.com"}}`, "partner_test_id"},
		{`{"partner_test_id":"sales-service","candidate":{"first_name":"A","email":"not an address"}}`, "candidate.email"},
		{`{"partner_test_id":"sales-service","candidate":{"email":"a@example.com"}}`, "candidate.first_name"},
		{`{"partner_test_id":"sales-service","candidate":{"first_name":"A","email":"a@example.com"},"url":"ftp://x"}`, "url"},
	} {
		resp, body := f.basicRequest("POST", "/integrations/greenhouse/send_test", key, c.body)
		wantStatus(t, c.field, resp, http.StatusBadRequest, body)
		wantContains(t, c.field, body, `"`+c.field+`"`)
	}
	if n, _ := f.st.Scope(f.orgA.ID).CountPeople(ctx); n != 0 {
		t.Errorf("bad send_test requests added %d people", n)
	}
	resp, body = f.basicRequest("POST", "/integrations/greenhouse/request_errors", key, `{"partner_interview_id":"x","errors":[{"message":"partner_score is not a number"}]}`)
	wantStatus(t, "request_errors", resp, http.StatusNoContent, body)
	resp, body = f.browser().signIn(f.adminA).get("/settings/greenhouse")
	wantStatus(t, "Greenhouse settings", resp, http.StatusOK, body)
	wantContains(t, "Greenhouse settings", body, testBaseURL+"/integrations/greenhouse/send_test", "partner_score is not a number")
}
