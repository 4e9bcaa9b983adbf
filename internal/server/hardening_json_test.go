package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"strings"
	"testing"
)

func TestJSONBodiesAreCheckedBeforeDecoding(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, key, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "k", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Diaz", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	send := func(contentType, body string) (*http.Response, apiErr) {
		t.Helper()
		req := httptest.NewRequest("POST", "/api/v1/responses", strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := f.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := resp.Body.Read(buf)
			b.WriteString(string(buf[:n]))
			if err != nil {
				break
			}
		}
		resp.Body.Close()
		if b.Len() > 20_000 {
			t.Errorf("error of %d bytes, want a short one", b.Len())
		}
		return resp, decode[apiErr](t, b.String())
	}
	const jsonType = "application/json"
	for _, tc := range []struct {
		name, contentType, body string
		field, want             string // a field of the error and part of its message
	}{
		{"media type with a suffix", "application/jsonfoo", `{}`, "Content-Type", "must be application/json"},
		{"another media type", "text/plain", `{}`, "Content-Type", "must be application/json"},
		{"another charset", "application/json; charset=latin1", `{}`, "Content-Type", "utf-8"},
		{"charset utf-8 is fine", "application/json; charset=UTF-8", `{"person_id":""}`, "person_id", "is required"},
		{"parameters are fine", "Application/JSON ; charset=utf-8", `{"person_id":""}`, "person_id", "is required"},
		{"wrong-typed answer", jsonType, `{"person_id":"x","answers":{"drv1":1,"drv2":"high"}}`, "answers.drv2", "must be a number"},
		{"object for an answer", jsonType, `{"person_id":"x","answers":{"drv1":{"a":[1]}}}`, "answers.drv1", "must be a number"},
		{"wrong-typed field", jsonType, `{"person_id":7}`, "person_id", "must be a string"},
		{"array for the body", jsonType, `[1]`, "body", "must be an object"},
		{"deep nesting", jsonType, strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000), "body", "more than 32 levels"},
		{"deep nesting in a value", jsonType, `{"person_id":` + strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat("}", 40) + `}`, "body", "more than 32 levels"},
		{"brackets inside strings do not nest", jsonType, `{"person_id":"` + strings.Repeat("[{", 100) + `\""}`, "answers", "is required"},
		{"invalid UTF-8", jsonType, "{\"person_id\":\"Dana\xff\"}", "body", "not valid UTF-8 at byte 18"},
	} {
		resp, got := send(tc.contentType, tc.body)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, fmt.Sprint(got))
		if msg, ok := got.Error.Fields[tc.field]; !ok || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: fields %v, want %s: …%s…", tc.name, got.Error.Fields, tc.field, tc.want)
		}
	}

	// A body naming 130,000 unknown items gets a short error that says how
	// many it does not list.
	var b strings.Builder
	b.WriteString(`{"person_id":"` + p.ID + `","questionnaire":"sales-service","answers":{`)
	for i := range 130_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"x%d":1`, i)
	}
	b.WriteString("}}")
	resp, got := send(jsonType, b.String())
	wantStatus(t, "130,000 unknown items", resp, http.StatusBadRequest, got.Error.Message)
	if n := len(got.Error.Fields); n != 50 {
		t.Errorf("130,000 unknown items: %d fields listed, want 50", n)
	}
	if !strings.Contains(got.Error.Message, "more problems are not listed") {
		t.Errorf("130,000 unknown items: message %q does not say how many more", got.Error.Message)
	}
}
