package app_test

import (
	"math"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/demo"
	"rolefit/internal/store/storetest"
)

// demoActor seeds the demo organisation in a fresh SQLite store and
// returns the use cases and its manager.
func demoActor(t testing.TB) (*app.App, app.Actor) {
	t.Helper()
	st := storetest.SQLite(t, nil)
	if _, _, err := demo.Seed(ctx, st, testCatalog(t)); err != nil {
		t.Fatal(err)
	}
	u, err := st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(t), BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		t.Fatal(err)
	}
	return uc, app.UserActor(u)
}

// The demo's roles agree with its records: where a role's baseline comes
// from its staff's records, the rate entered for it is within a fifth of
// the observed one, and every role's entered cost a month is its plan's
// loaded cost, so no page shows two figures for one role.
func TestDemoRolesAgreeWithRecords(t *testing.T) {
	uc, act := demoActor(t)
	fs, ps, err := uc.RoleFigures(ctx, act)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) > 0 {
		t.Errorf("stored problems: %+v", ps)
	}
	fromRecords := 0
	for _, f := range fs {
		r := f.Role
		t.Logf("%s: entered %.0f, ruler %.2f (%s; nb %+v sv %+v), cost %.2f plan=%v entered %.0f", r.Name, r.BaselineRate, f.Rate, f.Source,
			f.Rates.NewBusiness, f.Rates.Service, f.Cost.MonthlyCost, f.Cost.FromPlan, r.MonthlyCost)
		if !f.Cost.FromPlan || math.Abs(f.Cost.MonthlyCost-r.MonthlyCost) > 0.005 {
			t.Errorf("%s: entered cost a month %.2f, its plan's loaded cost %.2f (from a plan: %v)", r.Name, r.MonthlyCost, f.Cost.MonthlyCost, f.Cost.FromPlan)
		}
		if f.Source != app.RateFromRecords {
			continue
		}
		fromRecords++
		if f.Observed == nil || *f.Observed != f.Rate {
			t.Errorf("%s: observed rate %v, ruler %.2f", r.Name, f.Observed, f.Rate)
		}
		if d := math.Abs(r.BaselineRate-f.Rate) / f.Rate; d > 0.2 {
			t.Errorf("%s: entered baseline %.0f is %.0f%% from the records' %.2f", r.Name, r.BaselineRate, 100*d, f.Rate)
		}
	}
	if fromRecords == 0 {
		t.Error("no demo role takes its baseline from records")
	}
}
