package server

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkCosts measures the Costs page (model, table, two charts,
// template) and POST /api/v1/simulate (model and JSON) for a 36-month and
// a 600-month horizon, signed in, on a SQLite file.
func BenchmarkCosts(b *testing.B) {
	clock := storetest.NewClock(testStart)
	st := storetest.SQLite(b, clock)
	app := newAppTB(b, st, clock)
	org, admin, err := st.CreateOrganisation(ctx, "Acme", store.NewUser{Email: "a@acme.example", Name: "A", Role: store.RoleAdmin, Password: testPassword}, false)
	if err != nil {
		b.Fatal(err)
	}
	_, key, _ := st.Org(org.ID).CreateAPIKey(ctx, "bench", store.ActorOf(admin))
	session, _, err := st.CreateSession(ctx, admin)
	if err != nil {
		b.Fatal(err)
	}
	for _, months := range []int{36, 600} {
		b.Run("page/months="+strconv.Itoa(months), func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/costs?selling_cap=90&months="+strconv.Itoa(months), nil)
				req.AddCookie(&http.Cookie{Name: sessionCookie, Value: session})
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("status %v, %v", resp.StatusCode, err)
				}
				resp.Body.Close()
			}
		})
		b.Run("api/months="+strconv.Itoa(months), func(b *testing.B) {
			body := `{"selling_cap":90,"months":` + strconv.Itoa(months) + `}`
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/api/v1/simulate", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+key)
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("status %v, %v", resp.StatusCode, err)
				}
				resp.Body.Close()
			}
		})
	}
}
