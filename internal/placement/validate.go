package placement

import (
	"fmt"
	"math"
	"slices"

	"rolefit/internal/errs"
)

// validate checks a team's roles, people, assumptions, pins and forbidden
// cells, and reports every problem at once, each under its field.
func (t *Team) validate() error {
	f := map[string]string{}
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }
	roles := map[string]bool{}
	for k, r := range t.Roles {
		key := fmt.Sprintf("roles[%d]", k)
		if r.ID != "" {
			key = "roles." + r.ID
		}
		switch {
		case r.ID == "":
			f[key+".id"] = "is required"
		case roles[r.ID]:
			f[key+".id"] = "is a duplicate"
		}
		roles[r.ID] = true
		switch r.Activity {
		case NewBusiness, AccountService:
		case Mix:
			if bad(r.NewBusinessShare) || r.NewBusinessShare < 0 || r.NewBusinessShare > 1 {
				f[key+".new_business_share"] = "must be between 0 and 1"
			}
		default:
			f[key+".activity"] = fmt.Sprintf("%q is not new_business, account_service or mix", r.Activity)
		}
		positive := false
		for _, w := range r.Profile {
			switch {
			case bad(w.Weight) || w.Weight < 0:
				f[key+".profile."+w.Scale] = "weight must be a number of at least 0"
			case t.Scales != nil && !slices.Contains(t.Scales, w.Scale):
				f[key+".profile."+w.Scale] = "unknown scale"
			case w.Weight > 0:
				positive = true
			}
		}
		if !positive {
			f[key+".profile"] = "needs at least one positive weight"
		}
		switch {
		case r.Seats.Min < 0 || r.Seats.Max < 0:
			f[key+".seats"] = "must not be negative"
		case r.Seats.Min > r.Seats.Max:
			f[key+".seats"] = fmt.Sprintf("minimum %d is above maximum %d", r.Seats.Min, r.Seats.Max)
		}
		if bad(r.HoursPerMonth) || r.HoursPerMonth < 0 || r.HoursPerMonth > 744 {
			f[key+".hours_per_month"] = "must be between 0 and 744 (the hours of a month)"
		}
		if bad(r.BaselineRate) || r.BaselineRate < 0 {
			f[key+".baseline_rate"] = "must be a number of at least 0"
		}
		if bad(r.MonthlyCost) || math.Abs(r.MonthlyCost) > MaxValue {
			f[key+".monthly_cost"] = fmt.Sprintf("must be a number of at most %g in size", float64(MaxValue))
		}
		if c := r.CostOfHire; c != nil && (bad(*c) || *c < 0 || *c > MaxValue) {
			f[key+".cost_of_hire"] = fmt.Sprintf("must be a number from 0 to %g", float64(MaxValue))
		}
	}
	people := map[string]bool{}
	for k, p := range t.People {
		key := fmt.Sprintf("people[%d]", k)
		if p.ID != "" {
			key = "people." + p.ID
		}
		switch {
		case p.ID == "":
			f[key+".id"] = "is required"
		case people[p.ID]:
			f[key+".id"] = "is a duplicate"
		}
		people[p.ID] = true
		if p.Kind != Candidate && p.Kind != Staff {
			f[key+".kind"] = fmt.Sprintf("%q is not candidate or staff", p.Kind)
		}
		for id, s := range p.Scales {
			switch {
			case s.Percentile != nil && (bad(*s.Percentile) || *s.Percentile < 0 || *s.Percentile > 100):
				f[key+".scales."+id] = "percentile must be between 0 and 100"
			case bad(s.Score) || bad(s.Min) || bad(s.Max):
				f[key+".scales."+id] = "score, min and max must be numbers"
			case s.Percentile == nil && (s.Min != 0 || s.Max != 0) && s.Min >= s.Max:
				f[key+".scales."+id] = "min must be below max"
			}
		}
		for name, r := range map[string]*float64{"new_business_rate": p.NewBusinessRate, "service_rate": p.ServiceRate} {
			if r != nil && (bad(*r) || *r < 0) {
				f[key+"."+name] = "must be a number of at least 0"
			}
		}
		if p.CurrentRole != "" && !roles[p.CurrentRole] {
			f[key+".current_role"] = fmt.Sprintf("unknown role %q", p.CurrentRole)
		}
	}
	a := t.Assumptions
	if bad(a.FitMultiplierLow) || bad(a.FitMultiplierHigh) || a.FitMultiplierLow < 0 || a.FitMultiplierLow > a.FitMultiplierHigh {
		f["assumptions.fit_multiplier"] = "low must be at least 0 and at most high"
	}
	if bad(a.GrossMargin) || a.GrossMargin < 0 || a.GrossMargin > 1 {
		f["assumptions.gross_margin"] = "must be between 0 and 1"
	}
	if bad(a.CostOfHire) || a.CostOfHire < 0 {
		f["assumptions.cost_of_hire"] = "must be a number of at least 0"
	}
	if bad(a.PaybackMonths) || a.PaybackMonths <= 0 {
		f["assumptions.payback_months"] = "must be more than 0"
	}
	for k, pin := range t.Pins {
		key := fmt.Sprintf("pins[%d]", k)
		if !people[pin.PersonID] {
			f[key+".person_id"] = fmt.Sprintf("unknown person %q", pin.PersonID)
		}
		if !roles[pin.RoleID] {
			f[key+".role_id"] = fmt.Sprintf("unknown role %q", pin.RoleID)
		}
	}
	for k, c := range t.Forbidden {
		key := fmt.Sprintf("forbidden[%d]", k)
		if !people[c.PersonID] {
			f[key+".person_id"] = fmt.Sprintf("unknown person %q", c.PersonID)
		}
		if !roles[c.RoleID] {
			f[key+".role_id"] = fmt.Sprintf("unknown role %q", c.RoleID)
		}
	}
	if len(f) > 0 {
		return errs.InvalidFields("the placement input is not valid", f)
	}
	return nil
}
