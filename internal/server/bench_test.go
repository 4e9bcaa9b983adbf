package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkRecordResponse measures a complete submission through the
// JSON API: decode, validate, score with every quality check, and commit,
// on a SQLite file, with requests from parallel clients.
func BenchmarkRecordResponse(b *testing.B) {
	clock := storetest.NewClock(testStart)
	st := storetest.SQLite(b, clock)
	app := newAppTB(b, st, clock)
	org, admin, err := st.CreateOrganisation(ctx, "Acme", store.NewUser{Email: "a@acme.example", Name: "A", Role: store.RoleAdmin, Password: testPassword}, false)
	if err != nil {
		b.Fatal(err)
	}
	_, key, _ := st.Org(org.ID).CreateAPIKey(ctx, "bench", store.ActorOf(admin))
	p, _ := st.Org(org.ID).CreatePerson(ctx, store.NewPerson{Name: "Dana", Kind: store.Candidate}, store.ActorOf(admin))
	q := salesService(b)
	answers := map[string]int{}
	for i := range q.Pages {
		for k, v := range pageAnswers(q, i) {
			answers[k] = mustInt(v[0])
		}
	}
	body, _ := json.Marshal(map[string]any{"person_id": p.ID, "questionnaire": "sales-service", "answers": answers})
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/responses", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+key)
			resp, err := app.Test(req, -1)
			if err != nil || resp.StatusCode != http.StatusCreated {
				b.Errorf("status %v, %v", resp.StatusCode, err)
				return
			}
			resp.Body.Close()
		}
	})
}
