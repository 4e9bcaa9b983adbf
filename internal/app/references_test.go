package app

import (
	"context"
	"math/rand/v2"
	"rolefit"
	"sync"
	"testing"
	"time"

	"rolefit/internal/assess"
)

// Concurrent submissions after a start share one computation of the
// organisation's references, and a refresh after ReferencesTTL happens
// once while the others keep scoring.
func TestReferencesComputedOnceForConcurrentSubmissions(t *testing.T) {
	ctx := context.Background()
	in := newInside(t)
	uc, act, q, clock := in.uc, in.act, in.q, in.clock
	rng := rand.New(rand.NewPCG(7, 8))
	var ids []string
	var answers []map[string]int
	for range 40 {
		p, err := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
		answers = append(answers, assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers)
	}
	for i := range 32 { // earlier responses, so there is something to read
		if _, err := uc.RecordResponse(ctx, act, RecordInput{PersonID: ids[i], Questionnaire: "sales-service", Answers: answers[i]}); err != nil {
			t.Fatal(err)
		}
	}
	// A restart: new use cases on the same database.
	uc = in.restart(t)
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	for i := 32; i < 40; i++ {
		wg.Go(func() {
			_, err := uc.RecordResponse(ctx, act, RecordInput{PersonID: ids[i], Questionnaire: "sales-service", Answers: answers[i]})
			errc <- err
		})
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := uc.refs.computed.Load(); n != 1 {
		t.Errorf("%d computations for 8 concurrent submissions after a start, want 1", n)
	}
	opt, err := uc.refs.options(ctx, in.org, q, "en")
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := opt.Reliability["hunter"]; !ok || r.N != 32 {
		t.Errorf("hunter reliability %+v, want one measured on the 32 earlier responses", r)
	}
	if ref, ok := opt.Norms.Reference("hunter"); !ok || ref.N() != 32 {
		t.Errorf("hunter norms over %v responses, want 32", ref)
	}
	clock.Advance(ReferencesTTL + time.Second)
	opt, _ = uc.refs.options(ctx, in.org, q, "en")
	if ref, _ := opt.Norms.Reference("hunter"); ref.N() != 40 || uc.refs.computed.Load() != 2 {
		t.Errorf("after the TTL: norms over %d, %d computations; want 40 and 2", ref.N(), uc.refs.computed.Load())
	}
}
