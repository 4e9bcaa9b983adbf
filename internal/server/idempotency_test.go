package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/store/storetest"
)

// keyedRequest sends a JSON API request with an Idempotency-Key.
func (f *fixture) keyedRequest(method, path, key, idem, body string) (*http.Response, string) {
	f.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	if idem != "" {
		req.Header.Set("Idempotency-Key", idem)
	}
	resp, err := f.app.Test(req, -1)
	if err != nil {
		f.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// The same Idempotency-Key and body within 24 hours gets the first answer
// and does nothing twice; the same key with another body is a 422; a key
// is an API key's own; an answer that held a link is not readable in the
// database; after 24 hours a key starts afresh.
func TestIdempotencyKey(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	o := f.st.Scope(f.orgA.ID)
	people := func() int64 {
		n, err := o.CountPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	const dana = `{"name":"Dana Diaz","kind":"candidate","email":"dana@example.com"}`
	resp, first := f.keyedRequest("POST", "/api/v1/people", key, "add-dana-1", dana)
	wantStatus(t, "first", resp, http.StatusCreated, first)
	resp, again := f.keyedRequest("POST", "/api/v1/people", key, "add-dana-1", dana)
	wantStatus(t, "again", resp, http.StatusCreated, again)
	if again != first || resp.Header.Get("Idempotent-Replayed") != "true" || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("the repeat answered %s (replayed %q, %s), want the first answer %s", again, resp.Header.Get("Idempotent-Replayed"), resp.Header.Get("Content-Type"), first)
	}
	if n := people(); n != 1 {
		t.Fatalf("%d people after the same request twice, want 1", n)
	}
	resp, body := f.keyedRequest("POST", "/api/v1/people", key, "add-dana-1", `{"name":"Eli Evans","kind":"candidate"}`)
	wantStatus(t, "the key with another body", resp, http.StatusUnprocessableEntity, body)
	wantContains(t, "the key with another body", body, `"Idempotency-Key"`, `"code":"invalid"`)
	if n := people(); n != 1 {
		t.Errorf("%d people after a reused key, want 1", n)
	}
	// An answer that is an error is the first answer too.
	resp, bad := f.keyedRequest("POST", "/api/v1/people", key, "bad-1", `{"name":"","kind":"candidate"}`)
	wantStatus(t, "bad", resp, http.StatusBadRequest, bad)
	resp, body = f.keyedRequest("POST", "/api/v1/people", key, "bad-1", `{"name":"","kind":"candidate"}`)
	if resp.StatusCode != http.StatusBadRequest || body != bad || resp.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("a refused request again: %d %s", resp.StatusCode, body)
	}
	// Without the header every request is its own.
	for range 2 {
		resp, body := f.keyedRequest("POST", "/api/v1/people", key, "", `{"name":"Fay Frost","kind":"candidate"}`)
		wantStatus(t, "no key", resp, http.StatusCreated, body)
	}
	if n := people(); n != 3 {
		t.Errorf("%d people, want 3", n)
	}
	// Another API key's same Idempotency-Key is its own.
	other := f.apiKeyA(t)
	resp, body = f.keyedRequest("POST", "/api/v1/people", other, "add-dana-1", `{"name":"Gil Grant","kind":"candidate"}`)
	wantStatus(t, "another API key", resp, http.StatusCreated, body)
	// An invitation's link is in its answer, and stored nowhere readable.
	person := decode[apiPerson](t, first).ID
	resp, inv := f.keyedRequest("POST", "/api/v1/invitations", key, "invite-dana", `{"person_id":"`+person+`","questionnaire":"sales-service"}`)
	wantStatus(t, "invite", resp, http.StatusCreated, inv)
	link := decode[apiInvitation](t, inv).URL
	resp, body = f.keyedRequest("POST", "/api/v1/invitations", key, "invite-dana", `{"person_id":"`+person+`","questionnaire":"sales-service"}`)
	if body != inv || !strings.Contains(body, link) || resp.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("the invitation again: %s, want the first answer with its link", body)
	}
	token := link[strings.LastIndex(link, "/")+1:]
	if n := storetest.QueryString(t, f.st, "SELECT CAST(COUNT(*) AS TEXT) FROM idempotency_keys"); n != "4" {
		t.Errorf("%s keys kept, want 4", n)
	}
	for _, col := range []string{"answer", "key_hash", "request_hash"} {
		if n := storetest.QueryString(t, f.st, "SELECT CAST(COUNT(*) AS TEXT) FROM idempotency_keys WHERE CAST("+col+" AS TEXT) LIKE '%"+token+"%'"); n != "0" {
			t.Errorf("the link's token can be read in idempotency_keys.%s", col)
		}
	}
	if n := storetest.QueryString(t, f.st, "SELECT CAST(COUNT(*) AS TEXT) FROM idempotency_keys WHERE CAST(answer AS TEXT) LIKE '%Dana%'"); n != "0" {
		t.Error("a kept answer is readable in the database")
	}
	// After 24 hours the key is new again.
	f.clock.Advance(usecases.IdempotencyWindow + time.Minute)
	resp, body = f.keyedRequest("POST", "/api/v1/people", key, "add-dana-1", `{"name":"Hal Hart","kind":"candidate"}`)
	wantStatus(t, "a day later", resp, http.StatusCreated, body)
	if resp.Header.Get("Idempotent-Replayed") != "" {
		t.Error("a key older than a day was replayed")
	}
	// A key too long is refused.
	resp, body = f.keyedRequest("POST", "/api/v1/people", key, strings.Repeat("k", 256), dana)
	wantStatus(t, "a long key", resp, http.StatusBadRequest, body)
}

// A second request with a key whose first request still runs is told so
// (409) and does nothing.
func TestIdempotencyKeyWhileTheFirstRuns(t *testing.T) {
	clock := newClock()
	st := openSQLite(t, clock)
	uc := useCases(t, st, clock, nil, "")
	f := newFixture(t, st, clock, Config{})
	key := f.apiKeyA(t)
	k, err := uc.APIKey(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"name":"Dana Diaz","kind":"candidate"}`
	_, claim, err := uc.BeginIdempotent(ctx, usecases.KeyActor(k), usecases.IdempotentRequest{Key: "slow-1", Secret: key, KeyID: k.ID,
		Method: "POST", Path: "/api/v1/people", Body: []byte(body)})
	if err != nil || claim == nil {
		t.Fatalf("claim: %v", err)
	}
	resp, got := f.keyedRequest("POST", "/api/v1/people", key, "slow-1", body)
	wantStatus(t, "while the first runs", resp, http.StatusConflict, got)
	if n, _ := st.Scope(f.orgA.ID).CountPeople(ctx); n != 0 {
		t.Errorf("%d people added", n)
	}
	// Once the first request gave up (rolefit's failure), the key is free.
	if err := claim.Abandon(ctx); err != nil {
		t.Fatal(err)
	}
	resp, got = f.keyedRequest("POST", "/api/v1/people", key, "slow-1", body)
	wantStatus(t, "after the first gave up", resp, http.StatusCreated, got)
}
