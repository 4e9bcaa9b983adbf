package econ

import (
	"encoding/json"
	"math"
	"testing"
)

// TestSimulateFoundingCase checks the first three months of the founding
// case against figures worked by hand.
func TestSimulateFoundingCase(t *testing.T) {
	in := DefaultInputs()
	in.Months = 3
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	// Month 1: no accounts; both sell 120 h × 5,000 = 600,000, 70% = 420,000.
	// 120/20 = 6 accounts won.
	// Month 2: seller serves 6 × 2 = 12 h, sells 108: 540,000 + 12,000 =
	// 552,000 → 386,400. Dedicated sells 120 and one service person serves
	// 12 h: 612,000 → 428,400 − 6,250 − 4,700 (the hire) = 417,450.
	// Books: seller 6 × 0.99 + 108/20 = 11.34; dedicated 5.94 + 6 = 11.94.
	// Month 3: seller serves 22.68 h, sells 97.32: 486,600 + 22,680 =
	// 509,280 → 356,496. Dedicated serves 23.88 h, still one person:
	// 623,880 → 436,716 − 6,250 = 430,466.
	want := []struct {
		seller    SellerMonth
		dedicated DedicatedMonth
	}{
		{
			SellerMonth{PolicyMonth{0, 120, 0, 600000, 0, 420000, 420000}, 0},
			DedicatedMonth{PolicyMonth{0, 120, 0, 600000, 0, 420000, 420000}, 0, 0},
		},
		{
			SellerMonth{PolicyMonth{6, 108, 12, 552000, 0, 386400, 806400}, 0.1},
			DedicatedMonth{PolicyMonth{6, 120, 12, 612000, 10950, 417450, 837450}, 1, 1},
		},
		{
			SellerMonth{PolicyMonth{11.34, 97.32, 22.68, 509280, 0, 356496, 1162896}, 0.189},
			DedicatedMonth{PolicyMonth{11.94, 120, 23.88, 623880, 6250, 430466, 1267916}, 1, 0},
		},
	}
	for i, w := range want {
		m := out.Months[i]
		if m.Month != i+1 {
			t.Errorf("month %d numbered %d", i+1, m.Month)
		}
		comparePolicy(t, i+1, "seller serves", m.SellerServes.PolicyMonth, w.seller.PolicyMonth)
		comparePolicy(t, i+1, "dedicated", m.Dedicated.PolicyMonth, w.dedicated.PolicyMonth)
		if !near(m.SellerServes.ServiceShare, w.seller.ServiceShare) {
			t.Errorf("month %d: service share %v, want %v", i+1, m.SellerServes.ServiceShare, w.seller.ServiceShare)
		}
		if m.Dedicated.ServicePeople != w.dedicated.ServicePeople || m.Dedicated.Hires != w.dedicated.Hires {
			t.Errorf("month %d: %d service people, %d hires; want %d, %d", i+1,
				m.Dedicated.ServicePeople, m.Dedicated.Hires, w.dedicated.ServicePeople, w.dedicated.Hires)
		}
		if d := w.dedicated.Contribution - w.seller.Contribution; !near(m.Difference, d) {
			t.Errorf("month %d: difference %v, want %v", i+1, m.Difference, d)
		}
		if d := w.dedicated.Cumulative - w.seller.Cumulative; !near(m.CumulativeDifference, d) {
			t.Errorf("month %d: cumulative difference %v, want %v", i+1, m.CumulativeDifference, d)
		}
	}
	// Month 1 ties; month 2 is the first the dedicated policy is ahead.
	if out.BreakevenMonth == nil || *out.BreakevenMonth != 2 {
		t.Errorf("breakeven month %v, want 2", out.BreakevenMonth)
	}
	if out.SteadyStateAccounts == nil || !near(*out.SteadyStateAccounts, 120/2.2) {
		t.Errorf("steady state %v, want 120/2.2", out.SteadyStateAccounts)
	}
	if len(out.Notes) == 0 {
		t.Error("no note on the selling cap")
	}
}

func comparePolicy(t *testing.T, month int, name string, got, want PolicyMonth) {
	t.Helper()
	for _, f := range []struct {
		field     string
		got, want float64
	}{
		{"accounts", got.Accounts, want.Accounts},
		{"sell hours", got.SellHours, want.SellHours},
		{"serve hours", got.ServeHours, want.ServeHours},
		{"revenue", got.Revenue, want.Revenue},
		{"cost", got.Cost, want.Cost},
		{"contribution", got.Contribution, want.Contribution},
		{"cumulative", got.Cumulative, want.Cumulative},
	} {
		if !near(f.got, f.want) {
			t.Errorf("month %d, %s: %s got %v, want %v", month, name, f.field, f.got, f.want)
		}
	}
}

// TestSimulateSellingCap: with a cap of 100 selling hours the seller loses
// nothing to service until the book needs more than 20 hours, so freed
// hours earn nothing and hiring is behind at first.
func TestSimulateSellingCap(t *testing.T) {
	in := DefaultInputs()
	in.SellingCap = ptr(100.0)
	in.Months = 2
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	// Month 2: 5 accounts; seller serves 10 h and sells min(110, 100):
	// 510,000 → 357,000. Dedicated sells 100, serves 10: 510,000 → 357,000
	// − 10,950.
	m := out.Months[1]
	comparePolicy(t, 2, "seller serves", m.SellerServes.PolicyMonth, PolicyMonth{5, 100, 10, 510000, 0, 357000, 707000})
	comparePolicy(t, 2, "dedicated", m.Dedicated.PolicyMonth, PolicyMonth{5, 100, 10, 510000, 10950, 346050, 696050})
	if out.BreakevenMonth != nil {
		t.Errorf("breakeven month %d, want none within 2 months", *out.BreakevenMonth)
	}
}

// TestSimulateHeadcount: head-count follows the book down as well as up,
// and a hire is paid only when it rises.
func TestSimulateHeadcount(t *testing.T) {
	in := DefaultInputs()
	in.Hours, in.StartAccounts, in.Churn, in.Months = 0, 150, 0.5, 3
	in.ServicePersonCost, in.ServicePersonCPH = 100, 1000
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	// Books 150, 75, 37.5 need 300, 150, 75 hours: 3, 2, 1 people, hired
	// all three in month 1.
	for i, w := range []struct {
		people, hires int
		cost          float64
	}{{3, 3, 3300}, {2, 0, 200}, {1, 0, 100}} {
		d := out.Months[i].Dedicated
		if d.ServicePeople != w.people || d.Hires != w.hires || d.Cost != w.cost {
			t.Errorf("month %d: %d people, %d hires, cost %v; want %d, %d, %v", i+1, d.ServicePeople, d.Hires, d.Cost, w.people, w.hires, w.cost)
		}
	}
	// A book needing exactly two people's hours hires two, not three.
	if k := headcount(0.1*3*800, 120); k != 2 {
		t.Errorf("headcount of 240 h by 120 h (computed with rounding): %d, want 2", k)
	}
}

func TestSteadyState(t *testing.T) {
	base := DefaultInputs()
	for _, tc := range []struct {
		name   string
		change func(*Inputs)
		want   *float64
	}{
		{"founding case, H/(s + a·c)", func(*Inputs) {}, ptr(120 / 2.2)},
		{"binding cap, H_cap/(a·c)", func(in *Inputs) { in.SellingCap, in.Churn = ptr(5.0), 0.05 }, ptr(5.0)},
		{"cap above the steady state's selling", func(in *Inputs) { in.SellingCap = ptr(100.0) }, ptr(120 / 2.2)},
		{"no churn, H/s", func(in *Inputs) { in.Churn = 0 }, ptr(60.0)},
		{"no churn, start above H/s", func(in *Inputs) { in.Churn, in.StartAccounts = 0, 100 }, ptr(100.0)},
		{"no churn, no service", func(in *Inputs) { in.Churn, in.ServiceHoursPerAccount = 0, 0 }, nil},
		// Churn of 5% settles within 600 months to 1e-6 (0.95^600 ≈ 4e-14);
		// with 1% the book would still be 0.2% short.
		{"no service, H/(a·c)", func(in *Inputs) { in.ServiceHoursPerAccount, in.Churn = 0, 0.05 }, ptr(120.0)},
		{"no selling, churn", func(in *Inputs) { in.SellingCap, in.StartAccounts, in.Churn = ptr(0.0), 40, 0.05 }, ptr(0.0)},
		{"no selling, no churn", func(in *Inputs) { in.Hours, in.StartAccounts, in.Churn = 0, 40, 0 }, ptr(40.0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.change(&in)
			got := SteadyState(in)
			if (got == nil) != (tc.want == nil) || (got != nil && !near(*got, *tc.want)) {
				t.Fatalf("got %v, want %v", deref(got), deref(tc.want))
			}
			// A long simulation ends there (or keeps growing).
			in.Months = MaxMonths
			out, err := Simulate(in)
			if err != nil {
				t.Fatal(err)
			}
			last := out.Months[MaxMonths-1].SellerServes.Accounts
			if tc.want == nil {
				if prev := out.Months[MaxMonths-2].SellerServes.Accounts; last <= prev {
					t.Errorf("book %v after %v: not growing", last, prev)
				}
				return
			}
			if math.Abs(last-*tc.want) > 1e-6*max(1, *tc.want) {
				t.Errorf("book after %d months %v, steady state %v", MaxMonths, last, *tc.want)
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSteadyStateOscillates: with service much heavier than winning an
// account the monthly book swings around n*, and a note says so.
func TestSteadyStateOscillates(t *testing.T) {
	in := DefaultInputs()
	in.ServiceHoursPerAccount, in.SellingHoursPerAccount, in.Months = 50, 20, 200
	if !in.oscillates() || DefaultInputs().oscillates() {
		t.Fatalf("oscillates: %v for s = 50, a = 20; %v for the founding case", in.oscillates(), DefaultInputs().oscillates())
	}
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	n := *out.SteadyStateAccounts
	a, b := out.Months[198].SellerServes.Accounts, out.Months[199].SellerServes.Accounts
	if (a-n)*(b-n) >= 0 {
		t.Errorf("books %v, %v do not straddle n* = %v", a, b, n)
	}
	if len(out.Notes) < 2 {
		t.Errorf("notes %q: none on the swing", out.Notes)
	}
}

func TestSimulateNeverBreaksEven(t *testing.T) {
	in := DefaultInputs()
	in.ServicePersonCost = 1e9
	out, err := Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	if out.BreakevenMonth != nil {
		t.Errorf("breakeven month %d with a service person costing 1e9 a month", *out.BreakevenMonth)
	}
	data, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	var shape map[string]json.RawMessage
	if err := json.Unmarshal(data, &shape); err != nil {
		t.Fatal(err)
	}
	if string(shape["breakeven_month"]) != "null" {
		t.Errorf("breakeven_month %s, want null", shape["breakeven_month"])
	}
}

func BenchmarkSimulate600(b *testing.B) {
	in := DefaultInputs()
	in.Months = MaxMonths
	for b.Loop() {
		if _, err := Simulate(in); err != nil {
			b.Fatal(err)
		}
	}
}
