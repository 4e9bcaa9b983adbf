package econ

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"rolefit/internal/quantity"
)

// The edges of the inputs' ranges (InputSpecs).
var (
	maxMonthHours      = quantity.MonthHours.Max
	maxRate            = quantity.RevenueRate.Max
	maxMoney           = quantity.MonthlyMoney.Max
	maxAccounts        = quantity.Accounts.Max
	minHoursPerAccount = quantity.HoursPerAccount.Min
)

func TestInputsInvalid(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Inputs)
		field  string
	}{
		{"negative hours", func(in *Inputs) { in.Hours = -1 }, "hours"},
		{"hours beyond a month", func(in *Inputs) { in.Hours = 745 }, "hours"},
		{"negative new-business rate", func(in *Inputs) { in.NewRate = -5 }, "new_rate"},
		{"negative service rate", func(in *Inputs) { in.ServiceRate = -5 }, "service_rate"},
		{"NaN service rate", func(in *Inputs) { in.ServiceRate = math.NaN() }, "service_rate"},
		{"infinite new-business rate", func(in *Inputs) { in.NewRate = math.Inf(1) }, "new_rate"},
		{"negative service hours", func(in *Inputs) { in.ServiceHoursPerAccount = -2 }, "service_hours_per_account"},
		{"no selling hours per account", func(in *Inputs) { in.SellingHoursPerAccount = 0 }, "selling_hours_per_account"},
		{"negative churn", func(in *Inputs) { in.Churn = -0.01 }, "churn"},
		{"churn of 1", func(in *Inputs) { in.Churn = 1 }, "churn"},
		{"negative cap", func(in *Inputs) { in.SellingCap = ptr(-1.0) }, "selling_cap"},
		{"margin above 1", func(in *Inputs) { in.Margin = 1.2 }, "margin"},
		{"negative margin", func(in *Inputs) { in.Margin = -0.1 }, "margin"},
		{"negative start", func(in *Inputs) { in.StartAccounts = -1 }, "start_accounts"},
		{"no months", func(in *Inputs) { in.Months = 0 }, "months"},
		{"601 months", func(in *Inputs) { in.Months = 601 }, "months"},
		{"service person without hours", func(in *Inputs) { in.ServicePersonHours = 0 }, "service_person_hours"},
		{"negative service person rate", func(in *Inputs) { in.ServicePersonRate = ptr(-1.0) }, "service_person_rate"},
		{"negative service person cost", func(in *Inputs) { in.ServicePersonCost = -1 }, "service_person_cost"},
		{"negative cost per hire", func(in *Inputs) { in.ServicePersonCPH = -1 }, "service_person_cph"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := DefaultInputs()
			tc.change(&in)
			_, err := Simulate(in)
			wantInvalid(t, err, tc.field)
			_, err = Move(in)
			wantInvalid(t, err, tc.field)
		})
	}
	if err := DefaultInputs().Validate(); err != nil {
		t.Errorf("the defaults are refused: %v", err)
	}
}

// TestSimulateFiniteAtTheLimits runs the model at the edges of every
// input's range and requires every figure to be a finite number (which is
// also what encoding/json needs to print it).
func TestSimulateFiniteAtTheLimits(t *testing.T) {
	huge := func(in *Inputs) {
		in.Hours, in.NewRate, in.ServiceRate = maxMonthHours, maxRate, maxRate
		in.ServiceHoursPerAccount, in.SellingHoursPerAccount = maxMonthHours, minHoursPerAccount
		in.Margin, in.StartAccounts, in.Months = 1, maxAccounts, MaxMonths
		in.ServicePersonHours, in.ServicePersonRate = 1, ptr(maxRate)
		in.ServicePersonCost, in.ServicePersonCPH = maxMoney, maxMoney
	}
	for _, tc := range []struct {
		name   string
		change func(*Inputs)
	}{
		{"everything at its maximum", huge},
		{"maximum, no churn", func(in *Inputs) { huge(in); in.Churn = 0 }},
		{"maximum, highest churn", func(in *Inputs) { huge(in); in.Churn = 0.999999 }},
		{"maximum, no service", func(in *Inputs) { huge(in); in.Churn, in.ServiceHoursPerAccount = 0, 0 }},
		{"least churn, no service", func(in *Inputs) { huge(in); in.Churn, in.ServiceHoursPerAccount = 5e-324, 0 }},
		{"maximum, huge cap", func(in *Inputs) { huge(in); in.SellingCap = ptr(maxMonthHours) }},
		{"fastest selling, no service", func(in *Inputs) {
			huge(in)
			in.ServiceHoursPerAccount, in.Churn, in.StartAccounts = 0, 0, 0
		}},
		{"all zero", func(in *Inputs) {
			*in = Inputs{SellingHoursPerAccount: minHoursPerAccount, Months: MaxMonths, ServicePersonHours: 1, SellingCap: ptr(0.0)}
		}},
		{"tiny figures", func(in *Inputs) {
			*in = Inputs{Hours: 1e-300, NewRate: 1e-300, ServiceRate: 1e-300, ServiceHoursPerAccount: 1e-300,
				SellingHoursPerAccount: minHoursPerAccount, Churn: 1e-300, Margin: 1e-300, StartAccounts: 1e-300,
				Months: MaxMonths, ServicePersonHours: 1, ServicePersonCost: 1e-300, ServicePersonCPH: 1e-300}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := DefaultInputs()
			tc.change(&in)
			out, err := Simulate(in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(out); err != nil {
				t.Fatalf("output does not print as JSON: %v", err)
			}
			for _, m := range out.Months {
				for _, v := range []float64{m.Difference, m.CumulativeDifference, m.SellerServes.ServiceShare} {
					finite(t, m.Month, v)
				}
				for _, p := range []PolicyMonth{m.SellerServes.PolicyMonth, m.Dedicated.PolicyMonth} {
					for _, v := range []float64{p.Accounts, p.SellHours, p.ServeHours, p.Revenue, p.Cost, p.Contribution, p.Cumulative} {
						finite(t, m.Month, v)
					}
				}
				if m.Dedicated.ServicePeople < 0 || m.Dedicated.Hires < 0 {
					t.Fatalf("month %d: %d service people, %d hires", m.Month, m.Dedicated.ServicePeople, m.Dedicated.Hires)
				}
			}
			if out.SteadyStateAccounts != nil {
				finite(t, 0, *out.SteadyStateAccounts)
			}
			cmp, err := Move(in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(cmp); err != nil {
				t.Fatalf("move comparison does not print as JSON: %v", err)
			}
		})
	}
}

func finite(t *testing.T, month int, v float64) {
	t.Helper()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		t.Fatalf("month %d: %v", month, v)
	}
}

// TestSimulateFiniteAnywhere draws inputs across their whole valid range,
// on a log scale, and requires finite figures everywhere.
func TestSimulateFiniteAnywhere(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	// logUniform draws from [0, hi] with every order of magnitude down to
	// 1e-12 as likely, and exactly 0 one time in eight.
	logUniform := func(hi float64) float64 {
		if r.IntN(8) == 0 {
			return 0
		}
		return hi * math.Pow(10, -12*r.Float64())
	}
	for range 300 {
		in := Inputs{
			Hours: logUniform(maxMonthHours), NewRate: logUniform(maxRate), ServiceRate: logUniform(maxRate),
			ServiceHoursPerAccount: logUniform(maxMonthHours),
			SellingHoursPerAccount: minHoursPerAccount + logUniform(quantity.HoursPerAccount.Max-minHoursPerAccount),
			Churn:                  logUniform(0.999999), Margin: logUniform(1), StartAccounts: logUniform(maxAccounts),
			Months: 1 + r.IntN(MaxMonths), ServicePersonHours: 1 + logUniform(maxMonthHours-1),
			ServicePersonCost: logUniform(maxMoney), ServicePersonCPH: logUniform(maxMoney),
		}
		if r.IntN(2) == 0 {
			in.SellingCap = ptr(logUniform(maxMonthHours))
		}
		if r.IntN(2) == 0 {
			in.ServicePersonRate = ptr(logUniform(maxRate))
		}
		out, err := Simulate(in)
		if err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
		if _, err := json.Marshal(out); err != nil {
			t.Fatalf("%+v: output does not print as JSON: %v", in, err)
		}
		cmp, err := Move(in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(cmp); err != nil {
			t.Fatalf("%+v: move comparison does not print as JSON: %v", in, err)
		}
	}
}
