package demo_test

import (
	"context"
	"math"
	"rolefit"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/placement"
	"rolefit/internal/store"
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

	def, err := uc.CostDefaults(ctx, act, "")
	if err != nil {
		t.Fatal(err)
	}
	in := def.Inputs
	t.Logf("defaults: %+v; sources %v", in, def.Sources)
	if def.Seller == nil || def.Seller.Name != "Dana Diaz" || math.Abs(in.NewRate-5000) > 500 || math.Abs(in.ServiceRate-1000) > 150 ||
		def.Sources["new_rate"] == "" || def.Sources["service_person_cost"] == "" || def.Sources["service_person_cph"] == "" {
		t.Errorf("defaults: star %v, new rate %v, service rate %v, sources %v; want Dana's about 5,000 and 1,000 with their sources",
			def.Seller, in.NewRate, in.ServiceRate, def.Sources)
	}
	out, err := uc.Simulate(ctx, act, in)
	if err != nil {
		t.Fatal(err)
	}
	if out.BreakevenMonth == nil || *out.BreakevenMonth > in.Months {
		t.Errorf("breakeven month = %v, want one within %d months", out.BreakevenMonth, in.Months)
	} else {
		t.Logf("dedicated service pulls ahead in month %d", *out.BreakevenMonth)
	}
	// The model starts from Dana's records: month 1 of "the seller
	// serves" is the month her records show, within 5%.
	recorded := monthlyRecords(t, st, u, def.Seller.ID)
	first := out.Months[0].SellerServes
	if nb := first.SellHours * in.NewRate; math.Abs(nb/recorded.NewBusinessRevenue-1) > 0.05 ||
		math.Abs(first.ServeHours/recorded.ServiceHours-1) > 0.05 {
		t.Errorf("month 1: new business %.0f and %.1f service hours, want her recorded %.0f and %.1f a month within 5%%",
			nb, first.ServeHours, recorded.NewBusinessRevenue, recorded.ServiceHours)
	}
	if def.Split == nil || def.Split.Person.ID != def.Seller.ID || def.Split.CostAMonth <= 0 {
		t.Errorf("the defaults' split: %+v, want Dana's with a cost", def.Split)
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

// monthlyRecords is a person's last twelve recorded months, averaged a
// month, read straight from their records.
func monthlyRecords(t *testing.T, st *store.Store, u *rolefit.User, personID string) rolefit.PerformanceTotals {
	t.Helper()
	ms, err := st.Scope(u.OrgID).PerformanceMonths(context.Background(), personID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) > 12 {
		ms = ms[len(ms)-12:]
	}
	sum := rolefit.TotalOf(ms)
	n := float64(sum.Months)
	return rolefit.PerformanceTotals{NewBusinessRevenue: sum.NewBusinessRevenue / n, NewBusinessHours: sum.NewBusinessHours / n,
		ServiceRevenue: sum.ServiceRevenue / n, ServiceHours: sum.ServiceHours / n}
}
