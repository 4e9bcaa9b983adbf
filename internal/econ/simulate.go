package econ

import "math"

// PolicyMonth is one month of one policy of the capacity model.
type PolicyMonth struct {
	// Accounts is the book at the start of the month.
	Accounts float64 `json:"accounts"`
	// SellHours are the seller's hours on new business.
	SellHours float64 `json:"sell_hours"`
	// ServeHours are the hours spent serving accounts: the seller's under
	// the seller-serves policy, the service people's under the dedicated one.
	ServeHours float64 `json:"serve_hours"`
	// Revenue is new-business plus service revenue.
	Revenue float64 `json:"revenue"`
	// Cost is what the policy pays beyond the seller: service people's
	// loaded cost and the cost of the month's hires.
	Cost float64 `json:"cost"`
	// Contribution is Margin × Revenue − Cost.
	Contribution float64 `json:"contribution"`
	// Cumulative is the contribution summed over this and earlier months.
	Cumulative float64 `json:"cumulative"`
}

// SellerMonth is a month of the policy where the seller serves their own
// accounts.
type SellerMonth struct {
	PolicyMonth
	// ServiceShare is the share of the seller's hours spent on service,
	// 0 to 1 (0 when the seller has no hours).
	ServiceShare float64 `json:"service_share"`
}

// DedicatedMonth is a month of the policy where dedicated service people
// serve the accounts and the seller only sells.
type DedicatedMonth struct {
	PolicyMonth
	// ServicePeople is the service head-count, ceil(s·n / H_v).
	ServicePeople int `json:"service_people"`
	// Hires is how many of them were hired this month; their cost per hire
	// is in Cost.
	Hires int `json:"hires"`
}

// Month is one month of both policies.
type Month struct {
	// Month numbers the months from 1.
	Month        int            `json:"month"`
	SellerServes SellerMonth    `json:"seller_serves"`
	Dedicated    DedicatedMonth `json:"dedicated"`
	// Difference is the dedicated policy's contribution minus the
	// seller-serves policy's, this month.
	Difference float64 `json:"difference"`
	// CumulativeDifference is the same for the cumulative contributions:
	// positive when hiring is ahead.
	CumulativeDifference float64 `json:"cumulative_difference"`
}

// Outputs are the capacity model's results. The JSON is what
// `rolefit simulate --format json` prints and the API returns.
type Outputs struct {
	Months []Month `json:"months"`
	// BreakevenMonth is the first month whose cumulative contribution is
	// higher under the dedicated policy than under the seller-serves one,
	// or nil if that never happens within the months simulated.
	BreakevenMonth *int `json:"breakeven_month"`
	// SteadyStateAccounts is the book the seller-serves policy settles at
	// (SteadyState); nil when it grows without bound.
	SteadyStateAccounts *float64 `json:"steady_state_accounts"`
	// Notes say in words what the figures rest on: the selling cap, and the
	// steady state when it is a special case.
	Notes []string `json:"notes"`
}

// Simulate runs both policies of the capacity model (internal/econ/doc.go)
// month by month from the same start:
//
// Seller serves own accounts: serve = min(H, s·n); sell = min(H − serve,
// H_cap); revenue = r_n·sell + r_s·serve; cost = 0.
//
// Dedicated service: sell = min(H, H_cap); k = ceil(s·n / H_v) service
// people; serve = s·n; revenue = r_n·sell + r_v·serve; cost = k·C_v plus
// CPH_v for each person hired this month.
//
// Both: contribution = g·revenue − cost, and n ← n·(1 − c) + sell/a.
func Simulate(in Inputs) (Outputs, error) {
	if err := in.Validate(); err != nil {
		return Outputs{}, err
	}
	out := Outputs{Months: make([]Month, in.Months)}
	seller, dedicated := in.StartAccounts, in.StartAccounts
	var sellerCum, dedicatedCum float64
	staff := 0
	for t := range in.Months {
		m := &out.Months[t]
		m.Month = t + 1

		s := in.sellerServes(seller)
		sellerCum += s.Contribution
		s.Cumulative = sellerCum
		m.SellerServes = s
		seller = in.nextBook(seller, s.SellHours)

		d := in.dedicatedService(dedicated, staff)
		dedicatedCum += d.Contribution
		d.Cumulative = dedicatedCum
		m.Dedicated = d
		staff = d.ServicePeople
		dedicated = in.nextBook(dedicated, d.SellHours)

		m.Difference = d.Contribution - s.Contribution
		m.CumulativeDifference = dedicatedCum - sellerCum
		if out.BreakevenMonth == nil && dedicatedCum > sellerCum {
			month := m.Month
			out.BreakevenMonth = &month
		}
	}
	out.SteadyStateAccounts = SteadyState(in)
	out.Notes = Notes(in)
	return out, nil
}

// sellerServes is one month of the seller-serves policy from a book of n.
func (in *Inputs) sellerServes(n float64) SellerMonth {
	serve := min(in.Hours, in.ServiceHoursPerAccount*n)
	sell := min(in.Hours-serve, in.Cap())
	revenue := in.NewRate*sell + in.ServiceRate*serve
	m := SellerMonth{PolicyMonth: PolicyMonth{
		Accounts:     n,
		SellHours:    sell,
		ServeHours:   serve,
		Revenue:      revenue,
		Contribution: in.Margin * revenue,
	}}
	if in.Hours > 0 {
		m.ServiceShare = serve / in.Hours
	}
	return m
}

// dedicatedService is one month of the dedicated-service policy from a
// book of n with staff service people employed last month.
func (in *Inputs) dedicatedService(n float64, staff int) DedicatedMonth {
	sell := min(in.Hours, in.Cap())
	serve := in.ServiceHoursPerAccount * n
	k := headcount(serve, in.ServicePersonHours)
	hires := max(0, k-staff)
	revenue := in.NewRate*sell + in.VRate()*serve
	cost := float64(k)*in.ServicePersonCost + float64(hires)*in.ServicePersonCPH
	return DedicatedMonth{
		PolicyMonth: PolicyMonth{
			Accounts:     n,
			SellHours:    sell,
			ServeHours:   serve,
			Revenue:      revenue,
			Cost:         cost,
			Contribution: in.Margin*revenue - cost,
		},
		ServicePeople: k,
		Hires:         hires,
	}
}

// nextBook is n·(1 − c) + sell/a: the accounts kept plus those won.
func (in *Inputs) nextBook(n, sell float64) float64 {
	return n*(1-in.Churn) + sell/in.SellingHoursPerAccount
}

// headcount is ceil(hours/perPerson), the people needed to give hours of
// service. A quotient within 1e-9 of a whole number is taken as that
// number, so rounding in the book (2 people's work computed as
// 2.0000000000001) does not hire a third.
func headcount(hours, perPerson float64) int {
	q := hours / perPerson
	return int(math.Ceil(q - 1e-9))
}
