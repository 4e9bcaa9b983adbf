package app

import (
	"context"
	"math/rand/v2"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/assess"
)

// A reliability page is computed once while the number of responses stays
// the same, again when a response arrives, and again after the TTL.
func TestReliabilityPageIsReused(t *testing.T) {
	ctx := context.Background()
	in := newInside(t)
	uc, act, q, clock := in.uc, in.act, in.q, in.clock
	rng := rand.New(rand.NewPCG(9, 9))
	record := func() {
		t.Helper()
		p, err := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		a := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, act, RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: a}); err != nil {
			t.Fatal(err)
		}
	}
	for range assess.MinReferenceN + 1 {
		record()
	}
	page := func() *Reliability {
		t.Helper()
		r, err := uc.Reliability(ctx, act, Ref(q))
		if err != nil || !r.Enough || len(r.Scales) == 0 {
			t.Fatalf("reliability: %+v %v", r, err)
		}
		return r
	}
	first := page()
	second := page()
	if n := uc.reliabilities.computed.Load(); n != 1 {
		t.Errorf("%d computations for two views, want 1", n)
	}
	if second.Scales[0].Alpha != first.Scales[0].Alpha || len(second.Choices) == 0 {
		t.Errorf("the reused page differs: %+v", second.Scales[0])
	}
	record()
	if r := page(); r.Responses != first.Responses+1 || uc.reliabilities.computed.Load() != 2 {
		t.Errorf("after a new response: %d responses, %d computations", r.Responses, uc.reliabilities.computed.Load())
	}
	clock.Advance(reliabilityTTL + time.Second)
	page()
	if n := uc.reliabilities.computed.Load(); n != 3 {
		t.Errorf("%d computations after the TTL, want 3", n)
	}
}
