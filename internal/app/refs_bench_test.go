package app

import (
	"context"
	"math/rand/v2"
	"rolefit"
	"testing"

	"rolefit/internal/assess"
)

// BenchmarkReferenceParts times each part of computing an organisation's
// references over 2,000 earlier responses.
func BenchmarkReferenceParts(b *testing.B) {
	ctx := context.Background()
	in := newInside(b)
	uc, act, q := in.uc, in.act, in.q
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p, _ := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate})
		a := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, act, RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: a}); err != nil {
			b.Fatal(err)
		}
	}
	org := in.org
	b.Run("recent-answers", func(b *testing.B) {
		for b.Loop() {
			org.RecentAnswers(ctx, q.ID, q.Version, ReferencesSample)
		}
	})
	b.Run("score-distribution", func(b *testing.B) {
		for b.Loop() {
			org.ScoreDistribution(ctx, q.ID, q.Version)
		}
	})
	recent, _ := org.RecentAnswers(ctx, q.ID, q.Version, ReferencesSample)
	counts, _ := org.ScoreDistribution(ctx, q.ID, q.Version)
	b.Run("options", func(b *testing.B) {
		for b.Loop() {
			assess.OptionsFromSample(q, recent, distribution(counts, assess.NormGroup{Language: "en"}))
		}
	})
}
