package placement

import (
	"fmt"

	"rolefit/internal/quantity"
)

// figure is one number of a role or of the assumptions, with its range
// and the words for it.
type figure[T any] struct {
	field, label string
	rng          quantity.Range
	of           func(T) float64
}

// roleFigures are a role's numbers: the one statement of their ranges,
// which the store checks a role against before saving it and Solve
// checks a team's roles against.
var roleFigures = []figure[Role]{
	{"seats_min", "minimum seats", quantity.Seats, func(r Role) float64 { return float64(r.Seats.Min) }},
	{"seats_max", "maximum seats", quantity.Seats, func(r Role) float64 { return float64(r.Seats.Max) }},
	{"hours_per_month", "hours a month", quantity.MonthHours, func(r Role) float64 { return r.HoursPerMonth }},
	{"baseline_rate", "baseline rate", quantity.RevenueRate, func(r Role) float64 { return r.BaselineRate }},
	{"monthly_cost", "monthly cost", quantity.MonthlyMoney, func(r Role) float64 { return r.MonthlyCost }},
}

// Flaws lists what is wrong with the role, in a fixed order: its
// activity, its figures against their ranges (the new-business share only
// for a mix, the cost of hire only when set), its seats' order and its
// profile (weights within range, each scale once, one of them positive).
// Its ID and name are the caller's to check.
func (r Role) Flaws() quantity.Flaws {
	var out quantity.Flaws
	switch r.Activity {
	case NewBusiness, AccountService:
	case Mix:
		out.Figure("new_business_share", "new-business share", quantity.Share, r.NewBusinessShare)
	default:
		out.Add("activity", "must be new_business, account_service or mix",
			fmt.Sprintf("its activity %q is not new_business, account_service or mix", r.Activity))
	}
	for _, fg := range roleFigures {
		out.Figure(fg.field, fg.label, fg.rng, fg.of(r))
	}
	if !out.Has("seats_min") && !out.Has("seats_max") && r.Seats.Min > r.Seats.Max {
		out.Add("seats_min", fmt.Sprintf("is above the maximum (%d)", r.Seats.Max),
			fmt.Sprintf("its minimum seats %d are above its maximum %d", r.Seats.Min, r.Seats.Max))
	}
	if r.CostOfHire != nil {
		out.Figure("cost_of_hire", "total cost of a hire", quantity.HireCost, *r.CostOfHire)
	}
	for _, act := range []Activity{NewBusiness, AccountService} {
		if b, ok := r.Baselines[act]; ok {
			out.Figure("baselines."+string(act), string(act)+" baseline rate", quantity.RevenueRate, b)
		}
	}
	positive := false
	seen := map[string]bool{}
	for _, w := range r.Profile {
		switch {
		case w.Scale == "":
			out.Add("profile", "names a scale without an ID", "its profile names a scale without an ID")
		case seen[w.Scale]:
			out.Add("profile."+w.Scale, "is given twice", "its profile gives "+w.Scale+" twice")
		case !quantity.Weight.Allows(w.Weight):
			out.Figure("profile."+w.Scale, "weight of "+w.Scale, quantity.Weight, w.Weight)
		case w.Weight > 0:
			positive = true
		}
		seen[w.Scale] = true
	}
	if !positive && !out.Has("profile") {
		out.Add("profile", "needs at least one scale with a positive weight", "its profile has no scale with a positive weight")
	}
	return out
}

// assumptionFigures are the assumptions' numbers and their ranges.
var assumptionFigures = []figure[Assumptions]{
	{"fit_multiplier_low", "fit multiplier at fit 0", quantity.FitMultiplier, func(a Assumptions) float64 { return a.FitMultiplierLow }},
	{"fit_multiplier_high", "fit multiplier at fit 100", quantity.FitMultiplier, func(a Assumptions) float64 { return a.FitMultiplierHigh }},
	{"gross_margin", "gross margin", quantity.Share, func(a Assumptions) float64 { return a.GrossMargin }},
	{"cost_of_hire", "cost of hire", quantity.OneOffCost, func(a Assumptions) float64 { return a.CostOfHire }},
	{"payback_months", "payback months", quantity.PaybackMonths, func(a Assumptions) float64 { return a.PaybackMonths }},
}

// Flaws lists what is wrong with the assumptions: each figure against its
// range, and the multiplier at fit 0 above the one at fit 100.
func (a Assumptions) Flaws() quantity.Flaws {
	var out quantity.Flaws
	for _, fg := range assumptionFigures {
		out.Figure(fg.field, fg.label, fg.rng, fg.of(a))
	}
	if len(out) == 0 && a.FitMultiplierLow > a.FitMultiplierHigh {
		out.Add("fit_multiplier_low", fmt.Sprintf("must be at most the multiplier at fit 100 (%s)", quantity.Format(a.FitMultiplierHigh)),
			fmt.Sprintf("its fit multiplier at fit 0 %s is above the one at fit 100, %s",
				quantity.Format(a.FitMultiplierLow), quantity.Format(a.FitMultiplierHigh)))
	}
	return out
}

// Usable returns the assumptions with each figure that is outside its
// range replaced by the product's default (DefaultAssumptions), for
// settings saved before their ranges were checked, and the flaws found,
// each with the default used in its place. A multiplier at fit 0 above
// the one at fit 100 takes both defaults.
func (a Assumptions) Usable() (Assumptions, quantity.Flaws) {
	flaws := a.Flaws()
	def := DefaultAssumptions()
	for i, f := range flaws {
		for _, fg := range assumptionFigures {
			if fg.field == f.Field {
				flaws[i].Default = quantity.Format(fg.of(def))
			}
		}
		switch f.Field {
		case "fit_multiplier_low":
			a.FitMultiplierLow = def.FitMultiplierLow
		case "fit_multiplier_high":
			a.FitMultiplierHigh = def.FitMultiplierHigh
		case "gross_margin":
			a.GrossMargin = def.GrossMargin
		case "cost_of_hire":
			a.CostOfHire = def.CostOfHire
		case "payback_months":
			a.PaybackMonths = def.PaybackMonths
		}
	}
	if a.FitMultiplierLow > a.FitMultiplierHigh {
		a.FitMultiplierLow, a.FitMultiplierHigh = def.FitMultiplierLow, def.FitMultiplierHigh
	}
	return a, flaws
}
