package demo_test

import (
	"context"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/demo"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// On first run the adverse-impact report's first view (advanced, by sex,
// the last twelve months) flags the demo's women, with an exact test and a
// shortfall, and every figure comes from made-up people.
func TestDemoAdverseImpact(t *testing.T) {
	ctx := context.Background()
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.SQLite(t, nil)
	if _, _, err := demo.Seed(ctx, st, cat); err != nil {
		t.Fatal(err)
	}
	u, err := st.Authenticate(ctx, demo.Admin.Email, demo.Admin.Password)
	if err != nil {
		t.Fatal(err)
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		t.Fatal(err)
	}
	r, err := uc.AdverseImpact(ctx, app.UserActor(u), app.AdverseImpactQuery{Decision: "advanced", By: "sex"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Reference != "male" {
		t.Errorf("reference = %q, want male", r.Reference)
	}
	flagged := false
	for _, g := range r.Groups {
		if g.Group == "female" {
			flagged = g.BelowFourFifths && g.P != nil && g.Shortfall > 0 && g.Ratio != nil && *g.Ratio > 0.6 && *g.Ratio < 0.8
			t.Logf("female: %d of %d, ratio %v, p %v, shortfall %d", g.Selected, g.Assessed, *g.Ratio, *g.P, g.Shortfall)
		}
	}
	if !flagged {
		t.Errorf("the demo's report does not flag the women mildly: %+v", r.Groups)
	}
	if r.Assessed < 100 || r.Unknown == 0 {
		t.Errorf("assessed %d, unknown %d: want the last year's earlier applicants, some of whom declined", r.Assessed, r.Unknown)
	}
}
