package app

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// BenchmarkReferenceParts times each part of computing an organisation's
// references over 2,000 earlier responses.
func BenchmarkReferenceParts(b *testing.B) {
	ctx := context.Background()
	clock := storetest.NewClock(storetest.Start)
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "r.db"), storetest.Options(clock))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	st.Migrate(ctx)
	cat, _ := assess.LoadCatalog(questionnaires.FS)
	q, _ := cat.Latest("sales-service")
	uc, _ := New(Config{Store: st, Catalog: cat, BaseURL: "http://x.test", Now: clock.Now})
	o, u, _ := st.CreateOrganisation(ctx, "A", store.NewUser{Email: "a@a.example", Name: "A", Role: store.RoleManager, Password: "correct horse battery"}, false)
	act := UserActor(u)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p, _ := uc.AddPerson(ctx, act, store.NewPerson{Name: "P", Kind: store.Candidate})
		a := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, act, RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: a}); err != nil {
			b.Fatal(err)
		}
	}
	org := st.Org(o.ID)
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
			assess.OptionsFromSample(q, recent, distribution(counts))
		}
	})
}
