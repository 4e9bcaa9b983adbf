package app

import (
	"context"
	"fmt"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// The reasons a person is placed where they are, or not placed.
const (
	// ReasonPlaced: placed; NextRoleID and Change are the next-best role
	// and the change of the team's total when moved there (none when no
	// other role is possible).
	ReasonPlaced = "placed"
	// ReasonNoRole: no role allows them: no basis for a value (Detail
	// says), or, for a candidate, hiring pays back in no role.
	ReasonNoRole = "no_role"
	// ReasonBetterFilled: a role allows them, but placing them in the
	// best one (RoleID) changes the team's total by Change: the seats are
	// worth more filled by others, or the move breaks a minimum.
	ReasonBetterFilled = "better_filled"
)

// TeamReason says why a person is placed where they are in a team
// placement, or why they are not placed, with the figures behind it.
type TeamReason struct {
	Code string
	// RoleID is the next-best role of a placed person, or the best role a
	// person not placed could take; "" when there is none.
	RoleID string
	// Change is the change of the team's total a month when the person
	// is made to take RoleID, everyone else re-optimised.
	Change placement.Change
	// Detail is the valuation's reason when no role allows the person.
	Detail string
}

// reasonFor explains the placement of one person of a solved team.
func reasonFor(plan *placement.Plan, personID string) *TeamReason {
	t := plan.Team()
	var me placement.Placement
	for _, pl := range plan.People {
		if pl.PersonID == personID {
			me = pl
		}
	}
	if me.RoleID != "" {
		return &TeamReason{Code: ReasonPlaced, RoleID: me.NextRoleID, Change: me.Move}
	}
	r := &TeamReason{Code: ReasonNoRole}
	for _, role := range t.Roles {
		v, err := plan.Valuation(personID, role.ID)
		if err != nil {
			continue
		}
		if !v.Allowed {
			r.Detail = v.Reason
			continue
		}
		ch, err := plan.WhatIf(personID, role.ID)
		if err != nil || !ch.Possible {
			continue
		}
		if r.Code == ReasonNoRole || better(ch, r.Change) {
			r.Code, r.RoleID, r.Change, r.Detail = ReasonBetterFilled, role.ID, ch, ""
		}
	}
	return r
}

// better reports whether change a leaves the team better off than b: more
// staff placed first (the solver's precedence), then more value.
func better(a, b placement.Change) bool {
	if a.Priority != b.Priority {
		return a.Priority > b.Priority
	}
	return a.Value > b.Value
}

// WhatIf is the change of a team placement when one person is made to take
// a role, or to leave the team, and everyone else is placed anew.
type WhatIf struct {
	PersonID, PersonName string
	// RoleID is the role, "" for not placed; RoleName is its name.
	RoleID, RoleName string
	// Same is true when the person is already recommended there.
	Same bool
	// Pinned is true when the person is pinned elsewhere, which the
	// change cannot undo.
	Pinned bool
	Change placement.Change
}

// WhatIf is the change of the plan's total a month when the person is
// moved to the role ("" for not placed) and everyone else is re-optimised
// (placement.Plan.WhatIf). A person or role not in the plan is invalid,
// under "person" or "role".
func (tp *TeamPlacement) WhatIf(personID, roleID string) (*WhatIf, error) {
	if tp.Plan == nil {
		return nil, errs.InvalidFields("There is no placement to change yet.", map[string]string{"person": "there is no placement yet"})
	}
	w := &WhatIf{PersonID: personID, RoleID: roleID, RoleName: tp.RoleName(roleID)}
	found := false
	for _, pl := range tp.Plan.People {
		if pl.PersonID == personID {
			found, w.PersonName, w.Same = true, pl.Name, pl.RoleID == roleID
		}
	}
	f := map[string]string{}
	if !found {
		f["person"] = fmt.Sprintf("there is no person %q with a profile", personID)
	}
	if roleID != "" && w.RoleName == "" {
		f["role"] = fmt.Sprintf("there is no role %q", roleID)
	}
	if len(f) > 0 {
		return nil, errs.InvalidFields("The what-if names someone or something rolefit does not know.", f)
	}
	for _, pin := range tp.Pins {
		if pin.PersonID == personID && pin.RoleID != roleID {
			w.Pinned = true
		}
	}
	ch, err := tp.Plan.WhatIf(personID, roleID)
	if err != nil {
		return nil, err
	}
	w.Change = ch
	return w, nil
}

// MovedPerson is one person a what-if moves, with the roles by name ("" for
// not placed).
type MovedPerson struct {
	placement.Moved
	FromName, ToName string
}

// WhatIfMoves lists everyone a what-if moves, the person asked about
// first (placement.Plan.WhatIfMoves); nothing when the move is not
// possible or changes nothing. It solves the team again, so it honours
// ctx's deadline.
func (tp *TeamPlacement) WhatIfMoves(ctx context.Context, personID, roleID string) ([]MovedPerson, error) {
	if tp.Plan == nil {
		return nil, nil
	}
	moves, err := tp.Plan.WhatIfMoves(ctx, personID, roleID)
	if err != nil {
		return nil, err
	}
	out := make([]MovedPerson, len(moves))
	for i, m := range moves {
		out[i] = MovedPerson{Moved: m, FromName: tp.RoleName(m.From), ToName: tp.RoleName(m.To)}
	}
	return out, nil
}
