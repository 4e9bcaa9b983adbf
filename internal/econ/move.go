package econ

// MoveOption is one way to use a seller's time in the "move this person"
// comparison.
type MoveOption string

// The options compared for a seller.
const (
	// KeepSellingHire: the person only sells and dedicated service people
	// are hired for their book (the capacity model's dedicated policy).
	KeepSellingHire MoveOption = "keep_selling_hire"
	// MoveToService: the person only serves the book, at their own service
	// rate, and wins no new accounts.
	MoveToService MoveOption = "move_to_service"
	// KeepBoth: the person serves their book and sells with the hours left
	// (the capacity model's seller-serves policy).
	KeepBoth MoveOption = "keep_both"
)

// MoveHorizons are the horizons, in months, the comparison totals over.
var MoveHorizons = []int{12, 24, 36}

// Performance is a person's observed performance over a period: revenue
// and hours on each activity.
type Performance struct {
	NewBusinessRevenue float64 `json:"new_business_revenue"`
	NewBusinessHours   float64 `json:"new_business_hours"`
	ServiceRevenue     float64 `json:"service_revenue"`
	ServiceHours       float64 `json:"service_hours"`
}

// NewRate returns the observed revenue per hour of new-business selling;
// ok is false when no hours were recorded.
func (p Performance) NewRate() (rate float64, ok bool) {
	return perHour(p.NewBusinessRevenue, p.NewBusinessHours)
}

// ServiceRate returns the observed revenue per hour of service; ok is
// false when no hours were recorded.
func (p Performance) ServiceRate() (rate float64, ok bool) {
	return perHour(p.ServiceRevenue, p.ServiceHours)
}

// ForPerson returns in with the person's observed rates in place of
// NewRate and ServiceRate, each where performance has hours for it, and the
// service person's rate fixed at in's (VRate), so that the person's service
// rate does not become the hire's. observed says which rates came from
// performance; the others stay in's, such as a role's baseline.
func (in Inputs) ForPerson(p Performance) (out Inputs, observed []string) {
	out = in
	rv := in.VRate()
	out.ServicePersonRate = &rv
	if r, ok := p.NewRate(); ok {
		out.NewRate = r
		observed = append(observed, "new_rate")
	}
	if r, ok := p.ServiceRate(); ok {
		out.ServiceRate = r
		observed = append(observed, "service_rate")
	}
	return out, observed
}

func perHour(revenue, hours float64) (float64, bool) {
	if !(hours > 0) || revenue < 0 || revenue > maxPeriodMoney || hours > maxPeriodMoney {
		return 0, false
	}
	return revenue / hours, true
}

// MoveMonth is one month of one option.
type MoveMonth struct {
	Month int `json:"month"`
	// Accounts is the book at the start of the month.
	Accounts float64 `json:"accounts"`
	// SellHours and ServeHours are the person's own hours.
	SellHours  float64 `json:"sell_hours"`
	ServeHours float64 `json:"serve_hours"`
	// ServicePeople are the service people employed for the book (for
	// the part of it the person does not serve).
	ServicePeople int     `json:"service_people"`
	Revenue       float64 `json:"revenue"`
	// Cost is the service people's cost and their cost of hire.
	Cost         float64 `json:"cost"`
	Contribution float64 `json:"contribution"`
	Cumulative   float64 `json:"cumulative"`
}

// HorizonTotal is an option's contribution summed over its first Months
// months.
type HorizonTotal struct {
	Months       int     `json:"months"`
	Contribution float64 `json:"contribution"`
	// VersusKeepBoth is Contribution minus KeepBoth's over the same months:
	// what the option gains (or, negative, costs) against today's split.
	VersusKeepBoth float64 `json:"versus_keep_both"`
}

// MoveResult is one option month by month and over each horizon.
type MoveResult struct {
	Option   MoveOption     `json:"option"`
	Months   []MoveMonth    `json:"months"`
	Horizons []HorizonTotal `json:"horizons"`
}

// MoveComparison compares the three options for one person.
type MoveComparison struct {
	// Options are KeepSellingHire, MoveToService and KeepBoth, in that
	// order.
	Options []MoveResult `json:"options"`
	// Best is the option with the highest contribution over each of
	// MoveHorizons, in that order; ties go to the earlier option.
	Best []MoveOption `json:"best"`
}

// Move compares, for one person, keeping them selling and hiring service
// people (a), moving them to service (b), and keeping both jobs (c). in
// holds the person's own hours and observed rates (NewRate, ServiceRate;
// see Performance), and StartAccounts the book in question; the service
// person's figures are in's: set ServicePersonRate to a service person's
// rate, since left nil it is this person's own service rate. It runs
// max(in.Months, 36) months so every horizon is covered; the cost of each
// hire is in the month it is made.
//
// (a) and (c) are the capacity model's dedicated and seller-serves
// policies. (b), moving to service: the person sells nothing and serves
// min(H, s·n) hours at their own service rate; service people are hired
// for the rest of the book, s·n − H, as in (a); n ← n·(1 − c). So (b) can
// only beat (c) on a book that needs more than the person's hours: give
// the book they would serve in service, the company's, as StartAccounts.
func Move(in Inputs) (MoveComparison, error) {
	if err := in.Validate(); err != nil {
		return MoveComparison{}, err
	}
	months := max(in.Months, MoveHorizons[len(MoveHorizons)-1])
	opts := []MoveOption{KeepSellingHire, MoveToService, KeepBoth}
	results := make([]MoveResult, len(opts))
	for i, opt := range opts {
		results[i] = MoveResult{Option: opt, Months: in.moveMonths(opt, months)}
	}
	both := results[2]
	var out MoveComparison
	for _, h := range MoveHorizons {
		best, bestValue := KeepSellingHire, 0.0
		for i := range results {
			v := results[i].Months[h-1].Cumulative
			results[i].Horizons = append(results[i].Horizons, HorizonTotal{
				Months:         h,
				Contribution:   v,
				VersusKeepBoth: v - both.Months[h-1].Cumulative,
			})
			if i == 0 || v > bestValue {
				best, bestValue = results[i].Option, v
			}
		}
		out.Best = append(out.Best, best)
	}
	out.Options = results
	return out, nil
}

// moveMonths runs one option for months months.
func (in *Inputs) moveMonths(opt MoveOption, months int) []MoveMonth {
	out := make([]MoveMonth, months)
	n, staff, cum := in.StartAccounts, 0, 0.0
	for t := range out {
		var m PolicyMonth
		var people int
		switch opt {
		case KeepSellingHire:
			d := in.dedicatedService(n, staff)
			m, people, staff = d.PolicyMonth, d.ServicePeople, d.ServicePeople
			// The person's own hours: the service hours are the hires'.
			m.ServeHours = 0
		case MoveToService:
			need := in.ServiceHoursPerAccount * n
			serve := min(in.Hours, need)
			rest := need - serve
			k := headcount(rest, in.ServicePersonHours)
			hires := max(0, k-staff)
			people, staff = k, k
			revenue := in.ServiceRate*serve + in.VRate()*rest
			cost := float64(k)*in.ServicePersonCost + float64(hires)*in.ServicePersonCPH
			m = PolicyMonth{Accounts: n, ServeHours: serve, Revenue: revenue, Cost: cost, Contribution: in.Margin*revenue - cost}
		case KeepBoth:
			m = in.sellerServes(n).PolicyMonth
		}
		cum += m.Contribution
		out[t] = MoveMonth{
			Month: t + 1, Accounts: n, SellHours: m.SellHours, ServeHours: m.ServeHours,
			ServicePeople: people, Revenue: m.Revenue, Cost: m.Cost,
			Contribution: m.Contribution, Cumulative: cum,
		}
		n = in.nextBook(n, m.SellHours)
	}
	return out
}
