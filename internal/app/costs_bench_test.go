package app_test

import (
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/demo"
	"rolefit/internal/store/storetest"
)

// BenchmarkCostsUseCases measures the costs use cases on the demo
// organisation (17 people, a year of performance records, 3 roles with
// plans and hiring records): the Costs page's defaults and exposure,
// the plans and hiring pages' figures, one "move this person", the star's
// split, every seller's split, Home's story and the roles' figures.
func BenchmarkCostsUseCases(b *testing.B) {
	st := storetest.SQLite(b, nil)
	if _, _, err := demo.Seed(ctx, st, testCatalog(b)); err != nil {
		b.Fatal(err)
	}
	u, err := st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		b.Fatal(err)
	}
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(b), BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		b.Fatal(err)
	}
	act := app.UserActor(u)
	ex, err := uc.Exposure(ctx, act)
	if err != nil || len(ex.Sellers) == 0 {
		b.Fatalf("exposure: %v", err)
	}
	star := ex.Sellers[0].ID
	for _, bc := range []struct {
		name string
		run  func() error
	}{
		{"defaults", func() error { _, err := uc.CostDefaults(ctx, act, ""); return err }},
		{"exposure", func() error { _, err := uc.Exposure(ctx, act); return err }},
		{"plans", func() error { _, err := uc.CompPlans(ctx, act, 1); return err }},
		{"hiring", func() error { _, err := uc.HiringCosts(ctx, act); return err }},
		{"move", func() error { _, err := uc.MovePerson(ctx, act, star); return err }},
		{"split", func() error { _, err := uc.PersonSplit(ctx, act, star); return err }},
		{"splits", func() error { _, err := uc.Splits(ctx, act); return err }},
		{"story", func() error { _, err := uc.Story(ctx, act); return err }},
		{"roles", func() error { _, _, err := uc.RoleFigures(ctx, act); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := bc.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
