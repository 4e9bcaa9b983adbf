package server

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkCosts measures the Costs page (model, table, two charts,
// template) and POST /api/v1/simulate (model and JSON) for a 36-month and
// a 600-month horizon, signed in, on a SQLite file.
func BenchmarkCosts(b *testing.B) {
	o := newBenchOrg(b)
	for _, months := range []int{36, 600} {
		b.Run("page/months="+strconv.Itoa(months), func(b *testing.B) {
			o.get(b, "/costs?selling_cap=90&months="+strconv.Itoa(months), o.withSession)
		})
		b.Run("api/months="+strconv.Itoa(months), func(b *testing.B) {
			body := `{"selling_cap":90,"months":` + strconv.Itoa(months) + `}`
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/api/v1/simulate", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				o.withKey(req)
				resp, err := o.app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("status %v, %v", resp.StatusCode, err)
				}
				resp.Body.Close()
			}
		})
	}
}
