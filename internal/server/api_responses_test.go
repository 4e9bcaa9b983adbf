package server

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// submissionBody is a complete sales-service submission as an
// integration sends it: every item answered, keys in json.Marshal's order.
func submissionBody(t testing.TB) []byte {
	t.Helper()
	q := salesService(t)
	answers := map[string]int{}
	for i := range q.Pages {
		for k, v := range pageAnswers(q, i) {
			answers[k] = mustInt(v[0])
		}
	}
	b, err := json.Marshal(map[string]any{"person_id": "0b1d6c1e-5f7a-4c59-9a43-2f6f1b0c8e21",
		"questionnaire": "sales-service", "version": q.Version, "answers": answers})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestResponseBodyIsReadStrictly records a submission through the API,
// the same submission with a key written with an escape, and refuses it
// with a key in capitals: the body is read by decodeJSON's decoder alone,
// which matches field names exactly.
func TestResponseBodyIsReadStrictly(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	_, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana","kind":"candidate"}`)
	p := decode[apiPerson](t, body)
	plain := strings.Replace(string(submissionBody(t)), "0b1d6c1e-5f7a-4c59-9a43-2f6f1b0c8e21", p.ID, 1)
	escaped := strings.Replace(plain, `"person_id"`, `"person\u005fid"`, 1)
	type recorded struct {
		PersonID string         `json:"person_id"`
		Version  int            `json:"questionnaire_version"`
		Source   string         `json:"source"`
		Answers  map[string]int `json:"answers"`
	}
	var got []recorded
	for _, b := range []string{plain, escaped} {
		resp, body := f.apiRequest("POST", "/api/v1/responses", key, b)
		wantStatus(t, "record response", resp, http.StatusCreated, body)
		got = append(got, decode[recorded](t, body))
	}
	if got[0].PersonID != p.ID || len(got[0].Answers) == 0 || !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("got %+v plain and %+v with an escaped key, want both for %s with every answer", got[0], got[1], p.ID)
	}
	capitals := strings.Replace(plain, `"person_id"`, `"PERSON_ID"`, 1)
	resp, body := f.apiRequest("POST", "/api/v1/responses", key, capitals)
	wantStatus(t, "a key in capitals", resp, http.StatusBadRequest, body)
	if e := decode[apiErr](t, body); e.Error.Fields["PERSON_ID"] != "is not a known field" {
		t.Errorf("a key in capitals: fields %v, want PERSON_ID: is not a known field", e.Error.Fields)
	}
}
