package placement

// Activity is the kind of work a role does (internal/placement/doc.go).
type Activity string

// The activities of a role.
const (
	NewBusiness    Activity = "new_business"
	AccountService Activity = "account_service"
	Mix            Activity = "mix"
)

// Kind says whether a person is a candidate or a member of staff.
type Kind string

// The kinds of people.
const (
	Candidate Kind = "candidate"
	Staff     Kind = "staff"
)

// Weight is one part of a role's target profile: how much the standing on
// a scale (a composite or a facet) counts towards fit. Only the ratios of
// the weights matter.
type Weight struct {
	Scale  string  `json:"scale"`
	Weight float64 `json:"weight"`
}

// Role is a job a person can be placed in.
type Role struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Activity Activity `json:"activity"`
	// NewBusinessShare is, for a Mix role, the share of its hours spent on
	// new business (0 to 1); the rest is account service.
	NewBusinessShare float64 `json:"new_business_share"`
	// Profile is the target profile: weights over scale IDs, at least one
	// positive and none negative.
	Profile []Weight `json:"profile"`
	Seats   Seats    `json:"seats"`
	// HoursPerMonth is the productive hours a person in the role works a
	// month.
	HoursPerMonth float64 `json:"hours_per_month"`
	// BaselineRate is the revenue per hour of a person of middling fit (the
	// fit multiplier is 1 halfway along its range).
	BaselineRate float64 `json:"baseline_rate"`
	// Baselines are the role's baseline rates for each of its activities
	// where they differ from BaselineRate: the median observed rate of
	// its staff with enough records (DESIGN.md §9, one ruler for
	// candidates and staff). An activity missing from it uses
	// BaselineRate.
	Baselines map[Activity]float64 `json:"baselines,omitempty"`
	// MonthlyCost is the loaded monthly cost of a person in the role.
	MonthlyCost float64 `json:"monthly_cost"`
	// CostOfHire is what hiring a candidate into this role costs (its
	// total cost of a hire); nil means Assumptions.CostOfHire.
	CostOfHire *float64 `json:"cost_of_hire,omitempty"`
}

// Standing is a person's result on one scale. The standing used for fit is
// Percentile when it is given (norms exist), else Score mapped linearly
// from [Min, Max] onto 0–100; when Min and Max are both 0, Score is taken
// to be on 0–100 already.
type Standing struct {
	Score      float64  `json:"score"`
	Min        float64  `json:"min"`
	Max        float64  `json:"max"`
	Percentile *float64 `json:"percentile,omitempty"`
}

// Person is a candidate or a member of staff to place.
type Person struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind Kind   `json:"kind"`
	// Scales holds the person's standing per scale ID.
	Scales map[string]Standing `json:"scales"`
	// NewBusinessRate and ServiceRate are the person's observed revenue
	// per hour on each activity, when a manager has entered performance.
	// They replace the fit-based estimate for that activity.
	NewBusinessRate *float64 `json:"new_business_rate,omitempty"`
	ServiceRate     *float64 `json:"service_rate,omitempty"`
	// CurrentRole is the ID of a staff member's role today ("" for none).
	CurrentRole string `json:"current_role,omitempty"`
}

// Assumptions are the organisation's settings behind every value. Each is
// shown beside the figures it makes.
type Assumptions struct {
	// FitMultiplierLow and FitMultiplierHigh scale a role's baseline rate:
	// Low at fit 0, High at fit 100, linear between.
	FitMultiplierLow  float64 `json:"fit_multiplier_low"`
	FitMultiplierHigh float64 `json:"fit_multiplier_high"`
	// GrossMargin is the share of revenue that is gross profit.
	GrossMargin float64 `json:"gross_margin"`
	// CostOfHire is what hiring one candidate costs, spread over
	// PaybackMonths when deciding whether hiring them adds value.
	CostOfHire    float64 `json:"cost_of_hire"`
	PaybackMonths float64 `json:"payback_months"`
}

// DefaultAssumptions are the product's defaults (internal/placement/doc.go): a fit multiplier
// from 0.6 to 1.4 and a gross margin of 70%. Cost of hire is 0 until the
// organisation records it; the payback period is 12 months, a common
// planning horizon for a hire.
func DefaultAssumptions() Assumptions {
	return Assumptions{FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.70, PaybackMonths: 12}
}

// Baseline is the role's baseline rate for an activity: its own for the
// activity where it has one (Baselines), else BaselineRate.
func (r Role) Baseline(act Activity) float64 {
	if b, ok := r.Baselines[act]; ok {
		return b
	}
	return r.BaselineRate
}

// ActivityHours splits the role's hours a month between new business and
// account service: all to its activity, a mix by its new-business share.
func (r Role) ActivityHours() (newBusiness, service float64) {
	share := 0.0
	switch r.Activity {
	case NewBusiness:
		share = 1
	case Mix:
		share = r.NewBusinessShare
	}
	return share * r.HoursPerMonth, (1 - share) * r.HoursPerMonth
}
