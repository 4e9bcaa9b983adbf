package econ

import (
	"math/rand/v2"
	"testing"
)

// randomInputs draws a plausible model with service no heavier than
// (1 − c)·a per account for any churn c up to 0.5. Under that condition the seller-serves book is a
// nondecreasing function of last month's book (slope 1 − c − s/a ≥ 0),
// which the monotonicity laws below need: with heavier service a smaller
// book frees more selling hours and can overtake a larger one the next
// month, so more churn can then briefly mean more accounts.
func randomInputs(r *rand.Rand) Inputs {
	in := DefaultInputs()
	in.Hours = 20 + 200*r.Float64()
	in.NewRate = 100 + 9900*r.Float64()
	in.ServiceRate = 50 + 2000*r.Float64()
	in.SellingHoursPerAccount = 1 + 60*r.Float64()
	in.Churn = 0.2 * r.Float64()
	in.ServiceHoursPerAccount = (1 - 0.5) * in.SellingHoursPerAccount * r.Float64() // ≤ (1 − c_max)·a
	in.Margin = r.Float64()
	in.StartAccounts = 100 * r.Float64() * float64(r.IntN(2))
	in.Months = 1 + r.IntN(120)
	in.ServicePersonHours = 40 + 140*r.Float64()
	in.ServicePersonCost = 1000 + 10000*r.Float64()
	in.ServicePersonCPH = 10000 * r.Float64()
	if r.IntN(2) == 0 {
		in.SellingCap = ptr(in.Hours * r.Float64())
	}
	return in
}

func mustSimulate(t *testing.T, in Inputs) Outputs {
	t.Helper()
	out, err := Simulate(in)
	if err != nil {
		t.Fatalf("%+v: %v", in, err)
	}
	return out
}

// tolerance allows for rounding in sums of figures of this size.
func below(a, b float64) bool { return a < b-1e-9*max(1, b) }

// More churn never leaves more accounts, in either policy, in any month.
func TestMoreChurnNeverRaisesAccounts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		in := randomInputs(r)
		more := in
		more.Churn = in.Churn + (0.5-in.Churn)*r.Float64()
		lo, hi := mustSimulate(t, in), mustSimulate(t, more)
		for i := range lo.Months {
			a, b := lo.Months[i], hi.Months[i]
			if below(a.SellerServes.Accounts, b.SellerServes.Accounts) || below(a.Dedicated.Accounts, b.Dedicated.Accounts) {
				t.Fatalf("churn %v → %v raised accounts in month %d: seller %v → %v, dedicated %v → %v (%+v)",
					in.Churn, more.Churn, i+1, a.SellerServes.Accounts, b.SellerServes.Accounts,
					a.Dedicated.Accounts, b.Dedicated.Accounts, in)
			}
		}
		if a, b := SteadyState(in), SteadyState(more); a != nil && b != nil && below(*a, *b) {
			t.Fatalf("churn %v → %v raised the steady state %v → %v", in.Churn, more.Churn, *a, *b)
		}
	}
}

// A higher selling cap never lowers revenue: the dedicated policy's in
// every month, and the seller-serves policy's summed to every month. The
// seller's monthly revenue can fall: a bigger book takes selling hours
// for service, worth less an hour. Summed, revenue is
// r_n·a·(n_T − n_0) + Σ (r_n·a·c·n_t + r_s·min(H, s·n_t)), rising in every
// n_t, and every n_t rises with the cap.
func TestHigherCapNeverLowersRevenue(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		in := randomInputs(r)
		in.SellingCap = ptr(in.Hours * r.Float64())
		higher := in
		higher.SellingCap = ptr(*in.SellingCap + in.Hours*r.Float64())
		lo, hi := mustSimulate(t, in), mustSimulate(t, higher)
		var sumLo, sumHi float64
		for i := range lo.Months {
			a, b := lo.Months[i], hi.Months[i]
			sumLo += a.SellerServes.Revenue
			sumHi += b.SellerServes.Revenue
			if below(sumHi, sumLo) {
				t.Fatalf("cap %v → %v lowered the seller's revenue to month %d: %v → %v", *in.SellingCap, *higher.SellingCap, i+1, sumLo, sumHi)
			}
			if below(b.Dedicated.Revenue, a.Dedicated.Revenue) {
				t.Fatalf("cap %v → %v lowered the dedicated revenue in month %d: %v → %v", *in.SellingCap, *higher.SellingCap, i+1, a.Dedicated.Revenue, b.Dedicated.Revenue)
			}
		}
	}
}

// With no service load the two policies sell, earn and keep accounts
// alike, and differ only by the service people's cost, which is then
// nothing: no one is needed.
func TestNoServiceLoadPoliciesDifferOnlyByCost(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		in := randomInputs(r)
		in.ServiceHoursPerAccount = 0
		out := mustSimulate(t, in)
		for _, m := range out.Months {
			s, d := m.SellerServes, m.Dedicated
			if s.Accounts != d.Accounts || s.SellHours != d.SellHours || s.Revenue != d.Revenue || s.ServeHours != d.ServeHours {
				t.Fatalf("month %d: seller %+v, dedicated %+v", m.Month, s, d)
			}
			if d.ServicePeople != 0 || d.Cost != 0 || !near(m.Difference, -d.Cost) || !near(m.CumulativeDifference, d.Cumulative-s.Cumulative) {
				t.Fatalf("month %d: %d service people, cost %v, difference %v", m.Month, d.ServicePeople, d.Cost, m.Difference)
			}
		}
		if out.BreakevenMonth != nil {
			t.Fatalf("breakeven in month %d with nothing to gain", *out.BreakevenMonth)
		}
	}
}

// The dedicated policy's book is never the smaller: its seller sells
// min(H, H_cap) hours, never fewer than min(H − serve, H_cap).
func TestDedicatedBookNeverSmaller(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 300 {
		in := randomInputs(r)
		for _, m := range mustSimulate(t, in).Months {
			if below(m.Dedicated.Accounts, m.SellerServes.Accounts) {
				t.Fatalf("month %d: dedicated book %v below the seller's %v", m.Month, m.Dedicated.Accounts, m.SellerServes.Accounts)
			}
		}
	}
}

// The law above is about summed revenue on purpose: in the founding case a
// cap of 120 hours has the seller win more accounts than a cap of 60, and
// by month 21 serving them leaves less selling time, so that month's
// revenue is lower (206,064 against 228,514).
func TestHigherCapCanLowerOneMonthsRevenue(t *testing.T) {
	in := DefaultInputs()
	in.SellingCap = ptr(60.0)
	higher := in
	higher.SellingCap = ptr(120.0)
	lo, hi := mustSimulate(t, in).Months[20], mustSimulate(t, higher).Months[20]
	if !(hi.SellerServes.Accounts > lo.SellerServes.Accounts && hi.SellerServes.Revenue < lo.SellerServes.Revenue) {
		t.Errorf("month 21: cap 60 has %v accounts and revenue %v, cap 120 %v and %v; want more accounts and less revenue",
			lo.SellerServes.Accounts, lo.SellerServes.Revenue, hi.SellerServes.Accounts, hi.SellerServes.Revenue)
	}
}
