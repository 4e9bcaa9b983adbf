package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkRecordResponse measures a complete submission through the
// JSON API: decode, validate, score with every quality check, and commit,
// on a SQLite file, with requests from parallel clients.
func BenchmarkRecordResponse(b *testing.B) { benchRecordResponse(b) }

// BenchmarkRecordResponse32 is the same with 32 clients at once on two
// cores, as the load harness sends them, so that SQLite's group commit
// has company to commit with.
func BenchmarkRecordResponse32(b *testing.B) {
	b.SetParallelism(max(1, 32/runtime.GOMAXPROCS(0)))
	benchRecordResponse(b)
}

func benchRecordResponse(b *testing.B) {
	o := newBenchOrg(b)
	p, err := o.org.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, o.by)
	if err != nil {
		b.Fatal(err)
	}
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
			o.withKey(req)
			resp, err := o.app.Test(req, -1)
			if err != nil || resp.StatusCode != http.StatusCreated {
				b.Errorf("status %v, %v", resp.StatusCode, err)
				return
			}
			resp.Body.Close()
		}
	})
}
