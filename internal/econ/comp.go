package econ

import (
	"fmt"
	"math"

	"rolefit/internal/quantity"
)

// DefaultBenefitsLoad multiplies base pay into its loaded cost (the
// product's default): 1.25 means employer payroll taxes, insurance, retirement and
// paid leave add a quarter to base pay. For scale, the US Bureau of Labor
// Statistics' Employer Costs for Employee Compensation puts benefits at
// about 30% of private-industry compensation, about 1.4 × wages; 1.25 is a
// lean small-company figure, and editable.
const DefaultBenefitsLoad = 1.25

// VariableBasis says how variable pay follows attainment.
type VariableBasis string

// The variable-pay bases.
const (
	// Commission pays a rate on revenue, TargetVariable/Quota per unit, so
	// variable pay is TargetVariable × attainment without a ceiling.
	Commission VariableBasis = "commission"
	// Bonus pays TargetVariable × attainment up to 100% attainment and no
	// more: a bonus for reaching a target, not a share of every sale.
	Bonus VariableBasis = "bonus"
)

// CompPlan is a role's compensation plan. Amounts are annual, as pay is
// quoted; the Monthly methods divide by 12.
type CompPlan struct {
	// Base is the annual base salary.
	Base float64 `json:"base"`
	// TargetVariable is the annual variable pay at 100% of quota.
	TargetVariable float64 `json:"target_variable"`
	// Basis is how variable pay follows attainment; empty means Commission.
	Basis VariableBasis `json:"basis,omitempty"`
	// Quota is the annual revenue the plan expects at 100% attainment; 0
	// for a role without one.
	Quota float64 `json:"quota"`
	// BenefitsLoad multiplies Base into its loaded cost; 0 means
	// DefaultBenefitsLoad.
	BenefitsLoad float64 `json:"benefits_load,omitempty"`
}

// DefaultServicePlan is the plan behind DefaultServicePersonCost: an
// assumed base of 60,000 a year for an account manager in a small B2B firm,
// no variable pay, and the default benefits load.
func DefaultServicePlan() CompPlan { return CompPlan{Base: 60000} }

// maxAttainment bounds attainment at 1000% of quota, quantity.Attainment's
// bound.
const maxAttainment = 10

// Validate reports a plan out of range as an errs invalid error with the
// JSON names of its fields.
func (p CompPlan) Validate() error {
	return flawsErr(p.Flaws(), "Please correct the compensation plan.")
}

// Flaws lists what is wrong with the plan: each figure against its kind's
// range (internal/quantity: pay a year, a quota of 0 for none or at least
// 1, a benefits load of 0 for the default or 1 to 3), the basis, and a
// commission without a quota to divide by.
func (p CompPlan) Flaws() quantity.Flaws {
	var fs quantity.Flaws
	fs.Figure("base", "base salary", quantity.YearlyPay, p.Base)
	fs.Figure("target_variable", "target variable pay", quantity.YearlyPay, p.TargetVariable)
	fs.Figure("quota", "quota", quantity.Quota, p.Quota)
	if p.Basis != "" && p.Basis != Commission && p.Basis != Bonus {
		fs.Add("basis", "must be commission or bonus", fmt.Sprintf("its basis %q is not commission or bonus", p.Basis))
	}
	fs.Figure("benefits_load", "benefits load", quantity.BenefitsLoad, p.BenefitsLoad)
	if p.TargetVariable > 0 && (p.Basis == "" || p.Basis == Commission) && p.Quota == 0 {
		fs.Add("quota", "is needed for a commission: the rate is target variable pay over quota",
			"its commission has no quota to set the rate by")
	}
	return fs
}

// Load returns the benefits load in force.
func (p CompPlan) Load() float64 {
	if p.BenefitsLoad == 0 {
		return DefaultBenefitsLoad
	}
	return p.BenefitsLoad
}

// OTE returns on-target earnings, Base + TargetVariable, a year.
func (p CompPlan) OTE() float64 { return p.Base + p.TargetVariable }

// PayMix returns the base and variable shares of OTE, such as 0.5 and 0.5
// for a 50/50 plan; 1 and 0 for a plan without pay.
func (p CompPlan) PayMix() (base, variable float64) {
	ote := p.OTE()
	if ote == 0 {
		return 1, 0
	}
	return p.Base / ote, p.TargetVariable / ote
}

// CommissionRate returns the commission paid per unit of revenue,
// TargetVariable/Quota: the rate that pays the target at quota, the usual
// way to set a rate from a pay mix and a quota (Zoltners, Sinha & Lorimer,
// The Complete Guide to Sales Force Incentive Compensation, 2006). It is 0
// for a bonus plan or a plan without a quota.
func (p CompPlan) CommissionRate() float64 {
	if p.Basis == Bonus || p.Quota == 0 {
		return 0
	}
	return p.TargetVariable / p.Quota
}

// VariableAt returns the annual variable pay at an attainment (1 = 100%
// of quota): TargetVariable × attainment for a commission, the same capped
// at TargetVariable for a bonus. Accelerators and thresholds are not
// modelled. Negative or non-finite attainment counts as 0.
func (p CompPlan) VariableAt(attainment float64) float64 {
	a := clampAttainment(attainment)
	if p.Basis == Bonus {
		a = min(a, 1)
	}
	return p.TargetVariable * a
}

// AnnualCostAt returns the employer's annual cost at an attainment:
// Base × load + variable pay. The load multiplies base pay only, as
// internal/econ/doc.go has it; variable pay is added as paid.
func (p CompPlan) AnnualCostAt(attainment float64) float64 {
	return p.Base*p.Load() + p.VariableAt(attainment)
}

// LoadedMonthlyCost returns the employer's monthly cost on target
// (attainment 1): (Base × load + TargetVariable) / 12.
func (p CompPlan) LoadedMonthlyCost() float64 { return p.AnnualCostAt(1) / 12 }

// CostPerRevenue returns the plan's cost per unit of revenue at an
// attainment: AnnualCostAt(attainment) / (attainment × Quota). ok is false
// when there is no revenue to divide by (no quota, or attainment 0).
func (p CompPlan) CostPerRevenue(attainment float64) (cost float64, ok bool) {
	revenue := clampAttainment(attainment) * p.Quota
	if revenue == 0 {
		return 0, false
	}
	return p.AnnualCostAt(attainment) / revenue, true
}

// clampAttainment keeps attainment within [0, 10].
func clampAttainment(a float64) float64 {
	if math.IsNaN(a) || a < 0 {
		return 0
	}
	return min(a, maxAttainment)
}

// PlanSummary is a plan's figures for the side-by-side view and the API.
type PlanSummary struct {
	OTE               float64 `json:"ote"`
	BaseShare         float64 `json:"base_share"`
	VariableShare     float64 `json:"variable_share"`
	CommissionRate    float64 `json:"commission_rate"`
	BenefitsLoad      float64 `json:"benefits_load"`
	LoadedMonthlyCost float64 `json:"loaded_monthly_cost"`
	// Attainment is the attainment the next two figures are for.
	Attainment   float64 `json:"attainment"`
	AnnualCostAt float64 `json:"annual_cost_at"`
	// CostPerRevenue is nil when the plan has no quota.
	CostPerRevenue *float64 `json:"cost_per_revenue"`
}

// Summarize validates the plan and returns its figures at an attainment.
func (p CompPlan) Summarize(attainment float64) (PlanSummary, error) {
	if err := p.Validate(); err != nil {
		return PlanSummary{}, err
	}
	c := checker{}
	c.within("attainment", attainment, quantity.Attainment)
	if err := c.err("Please correct the attainment."); err != nil {
		return PlanSummary{}, err
	}
	base, variable := p.PayMix()
	s := PlanSummary{
		OTE:               p.OTE(),
		BaseShare:         base,
		VariableShare:     variable,
		CommissionRate:    p.CommissionRate(),
		BenefitsLoad:      p.Load(),
		LoadedMonthlyCost: p.LoadedMonthlyCost(),
		Attainment:        attainment,
		AnnualCostAt:      p.AnnualCostAt(attainment),
	}
	if cpr, ok := p.CostPerRevenue(attainment); ok {
		s.CostPerRevenue = &cpr
	}
	return s, nil
}
