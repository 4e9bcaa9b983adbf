package econ

// Inputs are the capacity model's inputs (internal/econ/doc.go). The JSON
// names are also the command's flag names, with "-" for "_", and the field
// names of validation errors.
type Inputs struct {
	// Hours is H, a seller's productive hours a month.
	Hours float64 `json:"hours"`
	// NewRate is r_n, revenue per hour of new-business selling.
	NewRate float64 `json:"new_rate"`
	// ServiceRate is r_s, revenue per hour of account service, upsell
	// included, when the seller does it.
	ServiceRate float64 `json:"service_rate"`
	// ServiceHoursPerAccount is s, the service hours each account needs a
	// month.
	ServiceHoursPerAccount float64 `json:"service_hours_per_account"`
	// SellingHoursPerAccount is a, the selling hours it takes to win one
	// new account.
	SellingHoursPerAccount float64 `json:"selling_hours_per_account"`
	// Churn is c, the share of accounts lost each month, in [0, 1).
	Churn float64 `json:"churn"`
	// SellingCap is H_cap, the most selling hours a month the market can
	// absorb; nil means the seller's Hours (no cap below them).
	SellingCap *float64 `json:"selling_cap,omitempty"`
	// Margin is g, gross margin on revenue, in [0, 1].
	Margin float64 `json:"margin"`
	// StartAccounts is n0, the accounts at the start of the first month.
	StartAccounts float64 `json:"start_accounts"`
	// Months is T, the number of months simulated, 1 to MaxMonths.
	Months int `json:"months"`
	// ServicePersonHours is H_v, a service person's productive hours a
	// month.
	ServicePersonHours float64 `json:"service_person_hours"`
	// ServicePersonRate is r_v, revenue per hour of service by a dedicated
	// service person; nil means ServiceRate.
	ServicePersonRate *float64 `json:"service_person_rate,omitempty"`
	// ServicePersonCost is C_v, a service person's loaded monthly cost.
	ServicePersonCost float64 `json:"service_person_cost"`
	// ServicePersonCPH is CPH_v, the cost of hiring one service person,
	// paid once per hire.
	ServicePersonCPH float64 `json:"service_person_cph"`
}

// Founding-case defaults (internal/econ/doc.go).
const (
	DefaultHours                  = 120
	DefaultNewRate                = 5000
	DefaultServiceRate            = 1000
	DefaultServiceHoursPerAccount = 2
	DefaultSellingHoursPerAccount = 20
	DefaultChurn                  = 0.01
	DefaultMargin                 = 0.70
	DefaultMonths                 = 36
	DefaultServicePersonHours     = 120
	// DefaultServicePersonCost is a service person's loaded monthly cost,
	// DefaultServicePlan's: an assumed base of 60,000 a year for an account
	// manager in a small B2B firm × DefaultBenefitsLoad / 12 = 6,250.
	DefaultServicePersonCost = 60000 * DefaultBenefitsLoad / 12
	// DefaultServicePersonCPH is the cost of hiring a service person: the
	// average cost per hire in SHRM's 2022 Talent Acquisition Benchmarking
	// Report, about 4,700 US dollars.
	DefaultServicePersonCPH = 4700
)

// DefaultInputs returns the founding case, each input's Default in
// InputSpecs: a seller with 120 hours a month who earns 5,000 an hour
// winning new business and 1,000 an hour serving, accounts that need 2
// hours a month and take 20 selling hours to win, 1% churn a month, a 70%
// gross margin, no accounts yet, 36 months, and a service person with the
// same hours and service rate.
func DefaultInputs() Inputs {
	var in Inputs
	for _, s := range inputSpecs {
		if !s.Optional() {
			s.Set(&in, s.Default)
		}
	}
	return in
}

// Cap returns the selling cap in force: SellingCap, or Hours when it is
// not set. A cap above Hours changes nothing, since no one sells more
// hours than they have.
func (in Inputs) Cap() float64 {
	if in.SellingCap == nil {
		return in.Hours
	}
	return *in.SellingCap
}

// CapBinds reports whether the selling cap is below the seller's hours,
// so that freed hours may earn nothing.
func (in Inputs) CapBinds() bool { return in.Cap() < in.Hours }

// VRate returns r_v, the service person's revenue per service hour:
// ServicePersonRate, or ServiceRate when it is not set.
func (in Inputs) VRate() float64 {
	if in.ServicePersonRate == nil {
		return in.ServiceRate
	}
	return *in.ServicePersonRate
}

// Validate reports every input out of its range (InputSpecs) as an errs
// invalid error whose fields are the inputs' JSON names. The ranges (744
// hours, the longest month; rates up to 1,000,000 an hour; money up to a
// billion; books up to a billion accounts; at least 0.01 selling hours per
// account and one hour of a service person) keep every output finite.
func (in Inputs) Validate() error {
	c := checker{}
	for _, s := range inputSpecs {
		if v, ok := s.Value(&in); ok {
			c.within(s.Name, v, s.Range)
		}
	}
	return c.err("Please correct the model's inputs.")
}
