package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"rolefit"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// apiKeyOn makes an organisation with an admin and an API key in the
// SQLite file db, as `rolefit user add` and the settings page would.
func apiKeyOn(t *testing.T, db string) string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	_, key, err := st.Scope(org.ID).CreateAPIKey(ctx, "test", rolefit.ActorOf(admin))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func apiCall(t *testing.T, method, u, key, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// `rolefit serve` runs the outbound queue's worker: an event made through
// the API reaches the receiver on its own, and the server stops cleanly.
// ROLEFIT_ALLOW_PRIVATE_WEBHOOKS lets the receiver be on loopback; without
// it a loopback endpoint is refused.
func TestServeRunsTheDeliveryWorker(t *testing.T) {
	var mu sync.Mutex
	var got []string
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var e struct{ Type string }
		json.Unmarshal(b, &e)
		mu.Lock()
		got = append(got, e.Type)
		mu.Unlock()
	}))
	defer rec.Close()

	db := filepath.Join(t.TempDir(), "rolefit.db")
	key := apiKeyOn(t, db)
	base, _, stderr, stop := startServe(t, map[string]string{"ROLEFIT_DB": db, "ROLEFIT_ALLOW_PRIVATE_WEBHOOKS": "true"})
	waitHealthy(t, base)
	if code, body := apiCall(t, "POST", base+"/api/v1/webhooks", key, fmt.Sprintf(`{"url":%q,"events":["invitation.sent"]}`, rec.URL)); code != http.StatusCreated {
		t.Fatalf("add a loopback endpoint with the variable set: %d %s", code, body)
	}
	code, body := apiCall(t, "POST", base+"/api/v1/people", key, `{"name":"Dana Diaz","kind":"candidate"}`)
	var p struct{ ID string }
	if code != http.StatusCreated || json.Unmarshal([]byte(body), &p) != nil {
		t.Fatalf("add a person: %d %s", code, body)
	}
	if code, body := apiCall(t, "POST", base+"/api/v1/invitations", key, `{"person_id":"`+p.ID+`","questionnaire":"sales-service"}`); code != http.StatusCreated {
		t.Fatalf("invite: %d %s", code, body)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	if strings.Join(got, " ") != "invitation.sent" {
		t.Errorf("the receiver got %v, want one invitation.sent", got)
	}
	mu.Unlock()
	if !strings.Contains(stderr.String(), "allow-private-webhooks") {
		t.Errorf("serve did not warn that private addresses are allowed:\n%s", stderr)
	}
	if code := stop(); code != 0 || !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("serve exited with %d\n%s", code, stderr)
	}

	base, _, _, stop = startServe(t, map[string]string{"ROLEFIT_DB": db})
	waitHealthy(t, base)
	code, body = apiCall(t, "POST", base+"/api/v1/webhooks", key, fmt.Sprintf(`{"url":%q,"events":["invitation.sent"]}`, rec.URL))
	if code != http.StatusBadRequest || !strings.Contains(body, "https://") {
		t.Errorf("a loopback endpoint without the variable: %d %s", code, body)
	}
	stop()
}

func TestEnvBool(t *testing.T) {
	for v, want := range map[string]bool{"true": true, "TRUE": true, "1": true, "yes": true, " true ": true, "": false, "false": false, "0": false, "on?": false} {
		if got := envBool(func(string) string { return v }, "X"); got != want {
			t.Errorf("%q: %v, want %v", v, got, want)
		}
	}
}
