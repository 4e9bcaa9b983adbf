package app

import (
	"context"
	"math/rand/v2"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/assess"
)

// Two processes on one database (two App values on one store): what one
// records reaches the other's scoring references within ReferencesTTL, an
// erasure too, and the counts the other shows, read from the database, are
// right at once. The staleness is bounded; no count is ever wrong.
func TestReferencesAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	in := newInside(t)
	a, b := in.uc, in.restart(t)
	rng := rand.New(rand.NewPCG(3, 4))
	record := func(uc *App) string {
		t.Helper()
		p, err := uc.AddPerson(ctx, in.act, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		ans := assess.Simulate(in.q, rng, assess.Simulation{Traits: assess.RandomTraits(in.q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, in.act, RecordInput{PersonID: p.ID, Questionnaire: in.q.ID, Answers: ans}); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	normsN := func(uc *App) int {
		t.Helper()
		opt, err := uc.refs.options(ctx, in.org, in.q, "en")
		if err != nil {
			t.Fatal(err)
		}
		ref, _ := opt.Norms.Reference("hunter")
		return ref.N()
	}
	responses := func(uc *App) int {
		t.Helper()
		r, err := uc.Reliability(ctx, in.act, "")
		if err != nil {
			t.Fatal(err)
		}
		return r.Responses
	}

	var first string
	for i := range 10 {
		id := record(a)
		if i == 0 {
			first = id
		}
	}
	for i, step := range []struct {
		name      string
		do        func()
		advance   time.Duration
		wantNorms int // what b scores against
		wantCount int // what b shows
	}{
		{"b's first look reads everything a recorded", nil, 0, 10, 10},
		{"a records five more: b's references are up to a minute old", func() {
			for range 5 {
				record(a)
			}
		}, 0, 10, 15},
		{"a minute later b has them", nil, ReferencesTTL, 15, 15},
		{"a erases a person: b forgets them within a minute", func() {
			if err := a.ErasePerson(ctx, in.act, first, true); err != nil {
				t.Fatal(err)
			}
		}, 0, 15, 14},
		{"a minute later", nil, ReferencesTTL, 14, 14},
	} {
		if step.do != nil {
			step.do()
		}
		in.clock.Advance(step.advance)
		if got := normsN(b); got != step.wantNorms {
			t.Errorf("step %d (%s): b scores against norms of %d responses, want %d", i, step.name, got, step.wantNorms)
		}
		if got := responses(b); got != step.wantCount {
			t.Errorf("step %d (%s): b counts %d responses, want %d", i, step.name, got, step.wantCount)
		}
	}
}
