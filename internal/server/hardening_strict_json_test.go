package server

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// The API reads a field only under its exact name, once, and only text
// that is Unicode: a name in other capitals is an unknown field, a name
// given twice is refused rather than the last one kept, and a lone UTF-16
// surrogate escape is refused rather than stored as U+FFFD. Each error
// names the field, and nothing is stored.
func TestJSONBodiesAreReadStrictly(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana","kind":"candidate"}`)
	wantStatus(t, "a person", resp, http.StatusCreated, body)
	person := decode[apiPerson](t, body)
	role := `{"name":"Closer","activity":"new_business","seats_max":1,"hours_per_month":140,"baseline_rate":100,"monthly_cost":5000,"profile":{"hunter":1}}`
	resp, body = f.apiRequest("POST", "/api/v1/roles", key, role)
	wantStatus(t, "a role", resp, http.StatusCreated, body)

	for _, tc := range []struct {
		name, method, path, body string
		field, want              string
	}{
		{"a name in capitals", "POST", "/api/v1/people", `{"NAME":"Eve","kind":"staff"}`, "NAME", "is not a known field"},
		{"a name in mixed case", "POST", "/api/v1/people", `{"name":"Eve","Kind":"staff"}`, "Kind", "is not a known field"},
		{"a field twice", "POST", "/api/v1/people", `{"name":"Eve","kind":"staff","name":"Mallory"}`, "name", "appears more than once"},
		{"a lone high surrogate", "POST", "/api/v1/people", `{"name":"Eve \ud800","kind":"staff"}`, "body", `has \ud800 at byte 13: half of a UTF-16 surrogate pair`},
		{"a lone low surrogate", "POST", "/api/v1/people", `{"name":"Eve \udc00\u0041","kind":"staff"}`, "body", `has \udc00 at byte 13`},
		{"a high surrogate before a letter", "POST", "/api/v1/people", `{"name":"\uD83D\u0041","kind":"staff"}`, "body", `has \uD83D at byte 9`},
		{"an answer twice", "POST", "/api/v1/responses",
			`{"person_id":"` + person.ID + `","questionnaire":"sales-service","answers":{"drv1":1,"drv2":3,"drv1":5}}`, "answers.drv1", "appears more than once"},
		{"an answer's key in capitals", "POST", "/api/v1/responses",
			`{"Person_Id":"` + person.ID + `","questionnaire":"sales-service","answers":{"drv1":1}}`, "Person_Id", "is not a known field"},
		{"a surrogate in an answer's key", "POST", "/api/v1/responses",
			`{"person_id":"` + person.ID + `","answers":{"\udc00":1}}`, "body", `has \udc00`},
		{"a nested field in capitals", "POST", "/api/v1/hiring-costs",
			`{"from_month":"2026-01","to_month":"2026-01","hires":1,"items":[{"category":"advertising","Amount":5}]}`, "items.0.Amount", "is not a known field"},
		{"a setting in capitals", "PATCH", "/api/v1/organisation", `{"Currency":"EUR"}`, "Currency", "is not a known field"},
		{"a setting twice", "PATCH", "/api/v1/organisation", `{"currency":"EUR","currency":"GBP"}`, "currency", "appears more than once"},
		{"a profile weight twice", "POST", "/api/v1/roles", strings.Replace(role, `"hunter":1`, `"hunter":1,"hunter":2`, 1), "profile.hunter", "appears more than once"},
		{"a model input in capitals", "POST", "/api/v1/simulate", `{"Hours":100}`, "Hours", "is not a known field"},
	} {
		resp, body := f.apiRequest(tc.method, tc.path, key, tc.body)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		e := decode[apiErr](t, body)
		if got := e.Error.Fields[tc.field]; !strings.Contains(got, tc.want) {
			t.Errorf("%s: fields %v, want %s: …%s…", tc.name, e.Error.Fields, tc.field, tc.want)
		}
	}
	o := f.st.Scope(f.orgA.ID)
	if n, _ := o.CountPeople(ctx); n != 1 {
		t.Errorf("refused bodies stored people: %d, want 1", n)
	}
	if org, _ := o.Get(ctx); org.Currency != "USD" {
		t.Errorf("refused bodies changed the currency to %q", org.Currency)
	}
	if rs, _ := o.Roles(ctx); len(rs) != 1 {
		t.Errorf("refused bodies stored roles: %d, want 1", len(rs))
	}

	// A surrogate pair written as escapes is one character, and welcome.
	resp, body = f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana \ud83d\ude00","kind":"candidate"}`)
	wantStatus(t, "an escaped surrogate pair", resp, http.StatusCreated, body)
	if got := decode[apiPerson](t, body).Name; got != "Dana 😀" {
		t.Errorf("name %q, want %q", got, "Dana 😀")
	}
}

// Headers too large to read get the API's JSON error shape, whatever the
// address: the server gives up before it knows the path. A real listener,
// since the test client of Fiber hands back the read error instead.
func TestOverLargeHeadersAnswerJSON(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.app.Listener(ln) }()
	t.Cleanup(func() { _ = f.app.Shutdown() })
	for _, path := range []string{"/api/v1/me", "/api/v1/people", "/people"} {
		req, err := http.NewRequest("GET", "http://"+ln.Addr().String()+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("X-Padding", strings.Repeat("x", 8<<10))
		// The server answers and closes before it has read the whole
		// request, so the client may still be writing it and see a broken
		// pipe or a reset instead of the answer: such a send is tried
		// again, a few times.
		var resp *http.Response
		for try := 0; ; try++ {
			resp, err = http.DefaultClient.Do(req)
			if err == nil || try == 4 {
				break
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		wantStatus(t, path, resp, http.StatusRequestHeaderFieldsTooLarge, string(body))
		var e apiErr
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || json.Unmarshal(body, &e) != nil ||
			e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, "headers are larger than rolefit accepts") {
			t.Errorf("%s: %s %.200s, want the JSON error shape", path, ct, body)
		}
	}
	// A request of ordinary size on the same server is served.
	req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	wantStatus(t, "an ordinary request", resp, http.StatusOK, "")
}

func TestLoneSurrogateAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		at   int
	}{
		{`{"a":"plain"}`, -1},
		{`{"a":"\ud83d\ude00"}`, -1},              // a pair: one character
		{`{"a":"\\ud800"}`, -1},                   // an escaped backslash, then letters
		{`{"a":"\u00e9\n\"\\"}`, -1},              // other escapes
		{`{"a":"x\ud800"}`, 7},                    // high, then the string ends
		{`{"a":"\udc00\ud800"}`, 6},               // low first
		{`{"a":"\ud800\ud800"}`, 6},               // two highs
		{`{"a":"\ud800\u0041"}`, 6},               // high, then a letter
		{`{"\ud800":1}`, 2},                       // in a key
		{`{"a":"\ud83d\ude00","b":"\udfff"}`, 25}, // after a good pair
		{`{"a":"\ud800`, 6},                       // the text ends
		{`\ud800`, -1},                            // not in a string: the decoder's to report
	} {
		if got, _ := loneSurrogateAt([]byte(tc.text)); got != tc.at {
			t.Errorf("%s: got %d, want %d", tc.text, got, tc.at)
		}
	}
}
