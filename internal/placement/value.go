package placement

// RatePart is the revenue rate of one activity of a role for one person.
type RatePart struct {
	Activity Activity `json:"activity"`
	// Hours is the role's hours a month on this activity.
	Hours float64 `json:"hours"`
	// Rate is the revenue per hour used, and Source where it comes from:
	// "observed" (the person's entered performance) or "fit" (the role's
	// baseline rate × the fit multiplier).
	Rate   float64 `json:"rate"`
	Source string  `json:"source"`
	// Baseline is the role's baseline rate for the activity, which a
	// rate from fit multiplies.
	Baseline float64 `json:"baseline"`
}

// Valuation is the expected monthly value of a person in a role with every
// figure and assumption that made it (internal/placement/doc.go):
//
//	Value = Hours × Rate × GrossMargin − MonthlyCost
//
// For a Mix role the hours are split by the role's new-business share and
// each part earns its own rate, so Rate is the hours-weighted mean of the
// parts' rates: share·rate(new business) + (1−share)·rate(service). Each
// part's rate is the person's observed rate for that activity when there is
// one, else BaselineRate × Multiplier. For a candidate, Net also charges the
// cost of hire spread over the payback period.
type Valuation struct {
	Fit FitResult `json:"fit"`
	// BaselineRate is the role's baseline, the hours-weighted mean of its
	// activities' baselines (Role.Baseline); Multiplier is the fit
	// multiplier Low + (High − Low)·fit/100 (1 when the fit is not known,
	// which then is used by no part).
	BaselineRate float64    `json:"baseline_rate"`
	Multiplier   float64    `json:"multiplier"`
	Parts        []RatePart `json:"parts"`
	Hours        float64    `json:"hours"`
	Rate         float64    `json:"rate"`
	Revenue      float64    `json:"revenue"`
	GrossMargin  float64    `json:"gross_margin"`
	GrossProfit  float64    `json:"gross_profit"`
	MonthlyCost  float64    `json:"monthly_cost"`
	// Value is GrossProfit − MonthlyCost.
	Value float64 `json:"value"`
	// CostOfHire is, for a candidate, what hiring them into the role
	// costs: the role's own cost of hire, else the assumptions'.
	CostOfHire float64 `json:"cost_of_hire"`
	// HireCostPerMonth is, for a candidate, CostOfHire / PaybackMonths.
	HireCostPerMonth float64 `json:"hire_cost_per_month"`
	// Payback is, for a candidate with a cost of hire and a positive
	// Value, the months of Value that earn the cost of hire back:
	// CostOfHire / Value. 0 otherwise.
	Payback float64 `json:"payback"`
	// Net is Value − HireCostPerMonth: what the team placement maximises.
	Net float64 `json:"net"`
	// Allowed is false when the person cannot be placed in the role by
	// the rules, Reason says why: no basis for a rate (no fit and no
	// observed rate), or a candidate whose hire does not pay back (Net ≤ 0).
	Allowed bool   `json:"allowed"`
	Reason  string `json:"reason,omitempty"`
}

// The reasons a cell is not allowed.
const (
	reasonNoBasis   = "no standing on the role's profile and no observed rate"
	reasonNoPayback = "hiring would not pay back: value less cost of hire per month is not positive"
)

// Value is the expected monthly value of person p in role r under the
// assumptions a. The role and assumptions must be valid (Team).
func Value(p Person, r Role, a Assumptions) Valuation { return value(p, r, a, true) }

// value is Value, with the parts of the fit and of the rate listed only
// when detail is set (fit).
func value(p Person, r Role, a Assumptions, detail bool) Valuation {
	v := Valuation{
		Fit:          fit(p, r, detail),
		BaselineRate: r.BaselineRate,
		Multiplier:   1,
		Hours:        r.HoursPerMonth,
		GrossMargin:  a.GrossMargin,
		MonthlyCost:  r.MonthlyCost,
		Allowed:      true,
	}
	if v.Fit.Known {
		v.Multiplier = a.FitMultiplierLow + (a.FitMultiplierHigh-a.FitMultiplierLow)*v.Fit.Fit/100
	}
	baselines := 0.0
	add := func(act Activity, hours float64, observed *float64) {
		if hours == 0 {
			return
		}
		part := RatePart{Activity: act, Hours: hours, Source: "observed", Baseline: r.Baseline(act)}
		baselines += hours * part.Baseline
		if observed != nil {
			part.Rate = *observed
		} else {
			part.Rate, part.Source = part.Baseline*v.Multiplier, "fit"
			if !v.Fit.Known {
				v.Allowed, v.Reason = false, reasonNoBasis
			}
		}
		if detail {
			v.Parts = append(v.Parts, part)
		}
		v.Revenue += part.Hours * part.Rate
	}
	nb, sv := r.ActivityHours()
	add(NewBusiness, nb, p.NewBusinessRate)
	add(AccountService, sv, p.ServiceRate)
	if v.Hours > 0 {
		v.Rate = v.Revenue / v.Hours
		v.BaselineRate = baselines / v.Hours
	}
	v.GrossProfit = v.Revenue * a.GrossMargin
	v.Value = v.GrossProfit - v.MonthlyCost
	if p.Kind == Candidate {
		v.CostOfHire = a.CostOfHire
		if r.CostOfHire != nil {
			v.CostOfHire = *r.CostOfHire
		}
		if a.PaybackMonths > 0 {
			v.HireCostPerMonth = v.CostOfHire / a.PaybackMonths
		}
		if v.CostOfHire > 0 && v.Value > 0 {
			v.Payback = v.CostOfHire / v.Value
		}
	}
	v.Net = v.Value - v.HireCostPerMonth
	if v.Allowed && p.Kind == Candidate && v.Net <= 0 {
		v.Allowed, v.Reason = false, reasonNoPayback
	}
	return v
}
