package app

import (
	"context"
	"fmt"
	"rolefit"

	"rolefit/internal/errs"
)

// Roles lists the actor's organisation's placement roles by name.
func (a *App) Roles(ctx context.Context, act Actor) ([]rolefit.Role, error) {
	return a.scope(act).Roles(ctx)
}

// Role returns one placement role.
func (a *App) Role(ctx context.Context, act Actor, id string) (*rolefit.Role, error) {
	return a.scope(act).Role(ctx, id)
}

// CreateRole adds a placement role after checking it (see checkRole).
func (a *App) CreateRole(ctx context.Context, act Actor, in rolefit.RoleInput) (*rolefit.Role, error) {
	if err := a.checkRole(in); err != nil {
		return nil, err
	}
	return a.scope(act).CreateRole(ctx, in, act.Audit)
}

// UpdateRole replaces a placement role's fields and profile.
func (a *App) UpdateRole(ctx context.Context, act Actor, id string, in rolefit.RoleInput) (*rolefit.Role, error) {
	if err := a.checkRole(in); err != nil {
		return nil, err
	}
	return a.scope(act).UpdateRole(ctx, id, in, act.Audit)
}

// RolePatch is a partial change of a role: nil fields keep their value;
// a non-nil Profile replaces the whole profile.
type RolePatch struct {
	Name             *string
	Activity         *string
	NewBusinessShare *float64
	SeatsMin         *int
	SeatsMax         *int
	HoursPerMonth    *float64
	BaselineRate     *float64
	MonthlyCost      *float64
	Profile          []rolefit.RoleWeight
}

// PatchRole changes the given fields of a role and checks the result as a
// whole, so that, say, a new minimum is checked against the stored maximum.
func (a *App) PatchRole(ctx context.Context, act Actor, id string, p RolePatch) (*rolefit.Role, error) {
	r, err := a.scope(act).Role(ctx, id)
	if err != nil {
		return nil, err
	}
	in := r.Input()
	set := func(dst *float64, src *float64) {
		if src != nil {
			*dst = *src
		}
	}
	if p.Name != nil {
		in.Name = *p.Name
	}
	if p.Activity != nil {
		in.Activity = *p.Activity
	}
	set(&in.NewBusinessShare, p.NewBusinessShare)
	set(&in.HoursPerMonth, p.HoursPerMonth)
	set(&in.BaselineRate, p.BaselineRate)
	set(&in.MonthlyCost, p.MonthlyCost)
	if p.SeatsMin != nil {
		in.SeatsMin = *p.SeatsMin
	}
	if p.SeatsMax != nil {
		in.SeatsMax = *p.SeatsMax
	}
	if p.Profile != nil {
		in.Weights = p.Profile
	}
	return a.UpdateRole(ctx, act, id, in)
}

// DeleteRole removes a placement role; staff in it today are left
// without a role.
func (a *App) DeleteRole(ctx context.Context, act Actor, id string) error {
	return a.scope(act).DeleteRole(ctx, id, act.Audit)
}

// SetCurrentRole records a staff member's role today ("" for none), which
// the Placement page compares with its recommendation.
func (a *App) SetCurrentRole(ctx context.Context, act Actor, personID, roleID string) error {
	return a.scope(act).SetCurrentRole(ctx, personID, roleID, act.Audit)
}

// checkRole checks a role's input as the store does and, in addition,
// that every scale of its profile is a facet or composite of an installed
// questionnaire: a profile naming anything else could never be met.
func (a *App) checkRole(in rolefit.RoleInput) error {
	_, f := in.Check()
	for _, w := range in.Weights {
		if w.ScaleID != "" && !a.isScale(w.ScaleID) && f["profile."+w.ScaleID] == "" {
			f["profile."+w.ScaleID] = fmt.Sprintf("%q is not a scale or composite of any questionnaire", w.ScaleID)
		}
	}
	if len(f) > 0 {
		return errs.InvalidFields("Please correct the highlighted fields.", f)
	}
	return nil
}

// ProfileScale is a scale a role's profile may weigh.
type ProfileScale struct {
	ID, Name string
	// Composite is true for a composite (hunter, farmer), false for a facet.
	Composite bool
}

// ProfileScales lists the scales a role's profile may weigh, composites
// first, each once, in the order of the latest questionnaire that has it.
func (a *App) ProfileScales() []ProfileScale {
	var out []ProfileScale
	seen := map[string]bool{}
	var facets []ProfileScale
	for _, q := range a.cat.All() {
		if latest, ok := a.cat.Latest(q.ID); !ok || latest != q {
			continue
		}
		for _, c := range q.Composites {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, ProfileScale{ID: c.ID, Name: c.Name, Composite: true})
			}
		}
		for _, s := range q.Scales {
			if !seen[s.ID] {
				seen[s.ID] = true
				facets = append(facets, ProfileScale{ID: s.ID, Name: s.Name})
			}
		}
	}
	return append(out, facets...)
}
