package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"rolefit"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSubmissions records responses the size of a sales-service
// submission (77 answers, 12 score rows, a result of about 7 KB of JSON)
// from 32 goroutines, as the API's submissions reach the store, on SQLite
// with synchronous=FULL. Besides the time a submission, it reports what
// the group committer spent a write: in all (busy, which caps the writes
// a second) and in the writes' own statements (writing; the rest is
// beginning and committing), and the writes a group.
//
//	go test -run '^$' -bench BenchmarkSubmissions -benchtime 4000x ./internal/store/
func BenchmarkSubmissions(b *testing.B) {
	ctx := context.Background()
	st := migratedSQLiteAt(b, filepath.Join(b.TempDir(), "rolefit.db"), Options{})
	org, a, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@example.com", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, false)
	if err != nil {
		b.Fatal(err)
	}
	o, by := st.Scope(org.ID), rolefit.ActorOf(a)
	nps := make([]rolefit.NewPerson, 2000)
	for i := range nps {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: rolefit.Candidate}
	}
	people, err := o.ImportPeople(ctx, nps, nil, by)
	if err != nil {
		b.Fatal(err)
	}
	answers := make(map[string]int, 77)
	for i := range 77 {
		answers["item"+strconv.Itoa(i)] = 1 + i%5
	}
	// A result shaped like scoring's: twelve scales with 17-digit floats.
	type band struct{ Low, High, SEM, Rel, SD float64 }
	type scale struct {
		ID    string
		Score float64
		Band  band
		Norm  band
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var scales []scale
	var rows []ScoreRow
	for i := range 12 {
		s := scale{ID: "scale" + strconv.Itoa(i), Score: 1 + 4*rng.Float64(),
			Band: band{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()},
			Norm: band{100 * rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}}
		scales = append(scales, s, s)
		score, lo, hi, pct := s.Score, s.Band.Low, s.Band.High, s.Norm.Low
		rows = append(rows, ScoreRow{ScaleID: s.ID, Kind: ScaleFacet, Score: &score, BandLow: &lo, BandHigh: &hi, Percentile: &pct})
	}
	result, _ := json.Marshal(scales)
	if os.Getenv("XSMALL") != "" {
		result, _ = json.Marshal(scales[:5])
	}
	var next atomic.Int64
	b.SetParallelism(16)
	cpu0 := processCPU()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			p := people[next.Add(1)%int64(len(people))]
			if _, err := o.RecordResponse(ctx, NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 3,
				QuestionnaireHash: "sha256:x", Answers: answers, PageSeconds: []float64{30, 40, 50}, View: rolefit.ViewSelf,
				Scored: Scored{Result: result, Scores: rows, ScoringVersion: 2}}, by); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(processCPU()-cpu0)/1e3/float64(b.N), "cpu-µs/op")
	g := st.group
	items := float64(g.items.Load())
	b.ReportMetric(float64(g.busy.Load())/1e3/items, "busy-µs/write")
	b.ReportMetric(float64(g.writing.Load())/1e3/items, "writing-µs/write")
	b.ReportMetric(items/float64(g.groups.Load()), "writes/group")
	b.ReportMetric(float64(len(result)), "result-bytes")
}

// processCPU is the CPU time the process has used, user and system: what
// a submission costs whatever else the machine is doing.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
