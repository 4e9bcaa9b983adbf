package econ

import "testing"

func TestMoveHandWorked(t *testing.T) {
	in := DefaultInputs()
	in.StartAccounts = 30
	cmp, err := Move(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Options) != 3 || cmp.Options[0].Option != KeepSellingHire || cmp.Options[1].Option != MoveToService || cmp.Options[2].Option != KeepBoth {
		t.Fatalf("options %v", cmp.Options)
	}
	// Month 1, 30 accounts needing 60 hours:
	// (a) sells 120 h, one service person serves 60 h: 600,000 + 60,000 =
	//     660,000 → 462,000 − 6,250 − 4,700 = 451,050.
	// (b) serves 60 h: 60,000 → 42,000; the other 60 h earn nothing.
	// (c) serves 60 h and sells 60: 360,000 → 252,000.
	// Books then: (a) 29.7 + 6, (b) 29.7, (c) 29.7 + 3.
	for i, w := range []struct {
		first       MoveMonth
		nextAccount float64
	}{
		{MoveMonth{1, 30, 120, 0, 1, 660000, 10950, 451050, 451050}, 35.7},
		{MoveMonth{1, 30, 0, 60, 0, 60000, 0, 42000, 42000}, 29.7},
		{MoveMonth{1, 30, 60, 60, 0, 360000, 0, 252000, 252000}, 32.7},
	} {
		o := cmp.Options[i]
		got := o.Months[0]
		if got.Month != 1 || got.ServicePeople != w.first.ServicePeople || !near(got.Accounts, w.first.Accounts) ||
			!near(got.SellHours, w.first.SellHours) || !near(got.ServeHours, w.first.ServeHours) ||
			!near(got.Revenue, w.first.Revenue) || !near(got.Cost, w.first.Cost) ||
			!near(got.Contribution, w.first.Contribution) || !near(got.Cumulative, w.first.Cumulative) {
			t.Errorf("%s month 1: got %+v, want %+v", o.Option, got, w.first)
		}
		if !near(o.Months[1].Accounts, w.nextAccount) {
			t.Errorf("%s month 2: %v accounts, want %v", o.Option, o.Months[1].Accounts, w.nextAccount)
		}
		if len(o.Months) != 36 {
			t.Errorf("%s: %d months, want 36", o.Option, len(o.Months))
		}
		// Each horizon's total is the sum of its months.
		for j, h := range MoveHorizons {
			var sum, both float64
			for m := range h {
				sum += o.Months[m].Contribution
				both += cmp.Options[2].Months[m].Contribution
			}
			got := o.Horizons[j]
			if got.Months != h || !near(got.Contribution, sum) || !near(got.VersusKeepBoth, sum-both) {
				t.Errorf("%s over %d months: got %+v, want %v and %v against keeping both", o.Option, h, got, sum, sum-both)
			}
		}
	}
	for j, b := range cmp.Best {
		if b != KeepSellingHire {
			t.Errorf("best over %d months: %s, want %s", MoveHorizons[j], b, KeepSellingHire)
		}
	}
}

// Options (a) and (c) are the capacity model's two policies.
func TestMoveAgreesWithSimulate(t *testing.T) {
	in := DefaultInputs()
	in.StartAccounts, in.Months, in.SellingCap = 12, 48, ptr(90.0)
	cmp, err := Move(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Options[0].Months) != 48 {
		t.Fatalf("%d months, want 48", len(cmp.Options[0].Months))
	}
	for i, m := range out.Months {
		a, c := cmp.Options[0].Months[i], cmp.Options[2].Months[i]
		if a.Cumulative != m.Dedicated.Cumulative || a.ServicePeople != m.Dedicated.ServicePeople || a.Accounts != m.Dedicated.Accounts {
			t.Fatalf("month %d: keep selling %+v, dedicated %+v", i+1, a, m.Dedicated)
		}
		if c.Cumulative != m.SellerServes.Cumulative || c.SellHours != m.SellerServes.SellHours || c.Accounts != m.SellerServes.Accounts {
			t.Fatalf("month %d: keep both %+v, seller serves %+v", i+1, c, m.SellerServes)
		}
	}
}

// A seller who is far better at service than at selling is best moved to
// serve a book larger than their hours.
func TestMoveBestIsService(t *testing.T) {
	in := DefaultInputs()
	in.NewRate, in.ServiceRate, in.StartAccounts = 100, 3000, 200
	in.ServicePersonRate = ptr(1000.0)
	// Month 1, 400 service hours: (a) 12,000 + 400,000 → 288,400 − 4 people
	// and their hires; (b) 360,000 + 280,000 → 448,000 − 3 people and their
	// hires; (c) serves 120 h, sells none: 360,000 → 252,000.
	cmp, err := Move(in)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{288400 - 4*(6250+4700), 448000 - 3*(6250+4700), 252000} {
		if got := cmp.Options[i].Months[0].Contribution; !near(got, want) {
			t.Errorf("%s month 1: contribution %v, want %v", cmp.Options[i].Option, got, want)
		}
	}
	if p := cmp.Options[1].Months[0].ServicePeople; p != 3 {
		t.Errorf("moved: %d service people for the other 280 hours, want 3", p)
	}
	for j, b := range cmp.Best {
		if b != MoveToService {
			t.Errorf("best over %d months: %s, want %s", MoveHorizons[j], b, MoveToService)
		}
	}
}

func TestPerformanceRates(t *testing.T) {
	p := Performance{NewBusinessRevenue: 600000, NewBusinessHours: 120, ServiceRevenue: 0, ServiceHours: 0}
	if r, ok := p.NewRate(); !ok || r != 5000 {
		t.Errorf("new rate %v %v, want 5000", r, ok)
	}
	if r, ok := p.ServiceRate(); ok {
		t.Errorf("service rate %v from no hours", r)
	}
	if _, ok := (Performance{NewBusinessRevenue: -1, NewBusinessHours: 1}).NewRate(); ok {
		t.Error("a rate from negative revenue")
	}
}

func TestKeyPersonExposure(t *testing.T) {
	got, err := KeyPersonExposure([]SellerRevenue{{"star", 600000}, {"b", 300000}, {"c", 100000}}, 0.7)
	if err != nil {
		t.Fatal(err)
	}
	want := []Exposure{{"star", 600000, 0.6, 420000}, {"b", 300000, 0.3, 210000}, {"c", 100000, 0.1, 70000}}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Revenue != w.Revenue || !near(g.Share, w.Share) || !near(g.GrossProfitAtRisk, w.GrossProfitAtRisk) {
			t.Errorf("seller %d: got %+v, want %+v", i, g, w)
		}
	}
	got, err = KeyPersonExposure([]SellerRevenue{{"a", 0}, {"b", 0}}, 0.5)
	if err != nil || got[0].Share != 0 || got[1].Share != 0 {
		t.Errorf("no revenue: %+v, %v; want shares 0", got, err)
	}
	_, err = KeyPersonExposure([]SellerRevenue{{"a", 1}, {"b", -1}}, 0.5)
	wantInvalid(t, err, "sellers.1.revenue")
	_, err = KeyPersonExposure(nil, 1.5)
	wantInvalid(t, err, "margin")
}

func TestForPerson(t *testing.T) {
	base := DefaultInputs()
	got, observed := base.ForPerson(Performance{NewBusinessRevenue: 90000, NewBusinessHours: 30})
	if got.NewRate != 3000 || got.ServiceRate != DefaultServiceRate || len(observed) != 1 || observed[0] != "new_rate" {
		t.Errorf("new rate %v, service rate %v, observed %v; want 3000, %v, [new_rate]", got.NewRate, got.ServiceRate, observed, DefaultServiceRate)
	}
	got, observed = base.ForPerson(Performance{ServiceRevenue: 30000, ServiceHours: 10})
	if got.ServiceRate != 3000 || got.VRate() != DefaultServiceRate || len(observed) != 1 {
		t.Errorf("service rate %v, hire's rate %v, observed %v; want 3000, %v", got.ServiceRate, got.VRate(), observed, DefaultServiceRate)
	}
	if base.ServicePersonRate != nil {
		t.Error("ForPerson changed its receiver")
	}
}
