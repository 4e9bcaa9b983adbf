package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestTwoProcessesDeliverEachWebhookOnce starts two rolefit processes on
// one PostgreSQL schema, each running the outbound queue's worker, and
// makes events through both: the receiver gets every message, and each
// once, as FOR UPDATE SKIP LOCKED hands each row to one process.
func TestTwoProcessesDeliverEachWebhookOnce(t *testing.T) {
	db := storetest.PostgresURL(t)
	bin := buildRolefit(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada Admin",
		Access: rolefit.Admin, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	_, apiKey, err := st.Scope(org.ID).CreateAPIKey(ctx, "two processes", rolefit.ActorOf(admin))
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	got := map[string]int{} // webhook-id → requests
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		got[r.Header.Get("webhook-id")]++
		mu.Unlock()
	}))
	defer rec.Close()

	a := startServeProcess(t, bin, db, "--allow-private-webhooks")
	b := startServeProcess(t, bin, db, "--allow-private-webhooks")
	auth := map[string]string{"Authorization": "Bearer " + apiKey, "Content-Type": "application/json"}
	resp, body := call(t, "POST", a+"/api/v1/webhooks", strings.NewReader(fmt.Sprintf(`{"url":%q,"events":["invitation.sent"]}`, rec.URL)), auth)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("add the endpoint: %d %s", resp.StatusCode, body)
	}
	const n = 60
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			base := []string{a, b}[i%2]
			resp, body := call(t, "POST", base+"/api/v1/people", strings.NewReader(fmt.Sprintf(`{"name":"Person %d","kind":"candidate"}`, i)), auth)
			var p struct{ ID string }
			if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(body), &p) != nil {
				t.Errorf("add a person: %d %s", resp.StatusCode, body)
				return
			}
			resp, body = call(t, "POST", base+"/api/v1/invitations", strings.NewReader(fmt.Sprintf(`{"person_id":%q,"questionnaire":"sales-service"}`, p.ID)), auth)
			if resp.StatusCode != http.StatusCreated {
				t.Errorf("invite: %d %s", resp.StatusCode, body)
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		k := len(got)
		mu.Unlock()
		if k >= n || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // time for a second delivery of anything, were there one
	mu.Lock()
	defer mu.Unlock()
	if len(got) != n {
		t.Errorf("the receiver got %d messages, want %d", len(got), n)
	}
	for id, k := range got {
		if k != 1 {
			t.Errorf("message %s was delivered %d times", id, k)
		}
	}
}
