package app

import (
	"context"
	"rolefit"

	"rolefit/internal/econ"
)

// DefaultAttainment is the attainment plans are compared at unless the
// caller asks for another: 100% of quota, on target.
const DefaultAttainment = 1.0

// RolePlan is one placement role with its compensation plan and the
// plan's figures (econ.CompPlan.Summarize); Plan and Summary are nil for a
// role without a plan, which placement costs at the role's monthly cost.
type RolePlan struct {
	Role    rolefit.Role
	Plan    *econ.CompPlan
	Summary *econ.PlanSummary
}

// Plans are every role with its plan and the plan's figures, and the
// stored figures outside their ranges: a plan with one is shown without
// figures (Plan and Summary nil), and a role with one is named, since the
// page shows its monthly cost.
type Plans struct {
	Roles    []RolePlan
	Problems []StoredProblem
}

// CompPlans returns every role with its plan and the plan's figures at
// the attainment (1 = 100% of quota), in the roles' order. An attainment
// outside quantity.Attainment (0, or 1% to 1,000% of quota) is invalid
// ("attainment").
func (a *App) CompPlans(ctx context.Context, act Actor, attainment float64) (*Plans, error) {
	if _, err := (econ.CompPlan{}).Summarize(attainment); err != nil {
		return nil, err
	}
	org := a.scope(act)
	roles, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	plans, err := org.CompPlans(ctx)
	if err != nil {
		return nil, err
	}
	var ps problems
	_, rps := usableRoles(roles)
	ps.add(rps...)
	out := &Plans{Roles: make([]RolePlan, len(roles))}
	for i, r := range roles {
		out.Roles[i] = RolePlan{Role: r}
		sp, ok := plans[r.ID]
		if !ok {
			continue
		}
		if bad := planProblems(r, sp); len(bad) > 0 {
			ps.add(bad...)
			continue
		}
		p := econPlan(sp)
		s, err := p.Summarize(attainment)
		if err != nil {
			return nil, err
		}
		out.Roles[i].Plan, out.Roles[i].Summary = &p, &s
	}
	out.Problems = ps.list
	return out, nil
}

// SetCompPlan records a role's compensation plan after econ has checked
// it; an empty basis is a commission and a benefits load of 0 the default
// (econ.DefaultBenefitsLoad), stored as such so the page shows what is in
// force. A role of another organisation is not found.
func (a *App) SetCompPlan(ctx context.Context, act Actor, roleID string, p econ.CompPlan) (*RolePlan, error) {
	org := a.scope(act)
	r, err := org.Role(ctx, roleID)
	if err != nil {
		return nil, err
	}
	if p.Basis == "" {
		p.Basis = econ.Commission
	}
	p.BenefitsLoad = p.Load()
	s, err := p.Summarize(DefaultAttainment)
	if err != nil {
		return nil, err
	}
	if _, err := org.SetCompPlan(ctx, rolefit.CompPlan{RoleID: r.ID, Base: p.Base, TargetVariable: p.TargetVariable,
		Basis: string(p.Basis), Quota: p.Quota, BenefitsLoad: p.BenefitsLoad}, act.Audit); err != nil {
		return nil, err
	}
	return &RolePlan{Role: *r, Plan: &p, Summary: &s}, nil
}

// econPlan is a stored plan as econ's.
func econPlan(p rolefit.CompPlan) econ.CompPlan {
	return econ.CompPlan{Base: p.Base, TargetVariable: p.TargetVariable, Basis: econ.VariableBasis(p.Basis), Quota: p.Quota,
		BenefitsLoad: p.BenefitsLoad}
}
