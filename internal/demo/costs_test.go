package demo_test

import (
	"context"
	"math"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/placement"
)

// TestDemoCosts checks that the demo tells the founding case in its own
// figures: the Costs page's defaults are the star seller's observed rates,
// dedicated service pulls ahead within the horizon, the star brings about
// 60% of the new business, and Placement recommends hiring a candidate for
// customer success and says when the hire pays back.
func TestDemoCosts(t *testing.T) {
	ctx := context.Background()
	st, cat, u := seeded(t, nil)
	uc, err := app.New(app.Config{Store: st, Catalog: cat, BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		t.Fatal(err)
	}
	act := app.UserActor(u)

	def, err := uc.CostDefaults(ctx, act)
	if err != nil {
		t.Fatal(err)
	}
	in := def.Inputs
	t.Logf("defaults: %+v; sources %v", in, def.Sources)
	if def.Star == nil || def.Star.Name != "Dana Diaz" || math.Abs(in.NewRate-5000) > 500 || math.Abs(in.ServiceRate-1000) > 150 ||
		def.Sources["new_rate"] == "" || def.Sources["service_person_cost"] == "" || def.Sources["service_person_cph"] == "" {
		t.Errorf("defaults: star %v, new rate %v, service rate %v, sources %v; want Dana's about 5,000 and 1,000 with their sources",
			def.Star, in.NewRate, in.ServiceRate, def.Sources)
	}
	out, err := uc.Simulate(ctx, act, in)
	if err != nil {
		t.Fatal(err)
	}
	if out.BreakevenMonth == nil || *out.BreakevenMonth < 2 || *out.BreakevenMonth > in.Months {
		t.Errorf("breakeven month = %v, want one within %d months", out.BreakevenMonth, in.Months)
	} else {
		t.Logf("dedicated service pulls ahead in month %d", *out.BreakevenMonth)
	}

	ex, err := uc.Exposure(ctx, act)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Sellers) == 0 || ex.Sellers[0].Name != "Dana Diaz" || ex.Sellers[0].Share < 0.5 || ex.Sellers[0].Share > 0.7 {
		t.Errorf("exposure = %+v, want Dana first with about 60%%", ex.Sellers)
	} else {
		t.Logf("Dana's share %.3f, at risk %.0f a month", ex.Sellers[0].Share, ex.Sellers[0].GrossProfitAtRisk)
	}

	tp, err := uc.Placement(ctx, act, nil)
	if err != nil || tp.Plan == nil {
		t.Fatalf("placement: %v", err)
	}
	hired := 0
	for _, pl := range tp.Plan.People {
		if pl.Kind == placement.Candidate && tp.RoleName(pl.RoleID) == "Customer success" {
			hired++
			rc := tp.Costs[pl.RoleID]
			if pl.Payback <= 0 || rc.CostOfHire == nil || pl.CostOfHire != *rc.CostOfHire || !rc.FromPlan {
				t.Errorf("%s hired for customer success: cost of hire %v, payback %v, role costs %+v", pl.Name, pl.CostOfHire, pl.Payback, rc)
			}
			t.Logf("%s: hire for customer success, cost %.0f, pays back in %.1f months", pl.Name, pl.CostOfHire, pl.Payback)
		}
	}
	if hired == 0 {
		t.Error("the demo placement hires no candidate for customer success")
	}
}
