package placement

import (
	"context"
	"slices"
)

// Moved is one person whose role a what-if changes; From and To are role
// IDs, "" for not placed.
type Moved struct {
	PersonID string `json:"person_id"`
	Name     string `json:"name"`
	From     string `json:"from_role_id"`
	To       string `json:"to_role_id"`
}

// WhatIfMoves lists everyone whose role changes when the person is made
// to take the role ("" for not placed) and everyone else is re-optimised:
// the person first, then the others in the team's order. It solves the
// team again with the move as a pin (or, for not placed, with every role
// ruled out for the person), so its total differs from the plan's by
// WhatIf's change; it is nil when WhatIf finds the move impossible or no
// move at all.
func (plan *Plan) WhatIfMoves(ctx context.Context, personID, roleID string) ([]Moved, error) {
	ch, err := plan.WhatIf(personID, roleID)
	if err != nil || !ch.Possible {
		return nil, err
	}
	i := plan.person[personID]
	if plan.People[i].RoleID == roleID {
		return nil, nil
	}
	t := plan.team
	if roleID != "" {
		t.Pins = append(slices.Clone(t.Pins), Pin{PersonID: personID, RoleID: roleID})
	} else {
		t.Forbidden = slices.Clone(t.Forbidden)
		for _, r := range t.Roles {
			t.Forbidden = append(t.Forbidden, Cell{PersonID: personID, RoleID: r.ID})
		}
	}
	other, err := SolveContext(ctx, t)
	if err != nil {
		return nil, err
	}
	out := []Moved{{PersonID: personID, Name: plan.People[i].Name, From: plan.People[i].RoleID, To: roleID}}
	for k, p := range plan.People {
		if k != i && other.People[k].RoleID != p.RoleID {
			out = append(out, Moved{PersonID: p.PersonID, Name: p.Name, From: p.RoleID, To: other.People[k].RoleID})
		}
	}
	return out, nil
}
