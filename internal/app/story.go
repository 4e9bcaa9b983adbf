package app

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// What Home opens with: the costliest split between selling and serving
// and the placement changes worth most, so a manager reaches the story
// from the first page.

// storyChanges is how many placement changes Home lists.
const storyChanges = 3

// Story is the organisation's money story in brief.
type Story struct {
	// Split is the costliest seller's split (Split), nil when no seller
	// serves accounts.
	Split *SplitView
	// Changes are the placement's recommendations worth most a month:
	// staff moved from their role today and candidates hired.
	Changes []StoryChange
}

// StoryChange is one recommendation of the placement.
type StoryChange struct {
	PersonID, Name string
	Candidate      bool
	// From is a staff member's role today ("" for none, or a candidate);
	// To the recommended role.
	From, To string
	// Gain is what the change is worth a month by the person's own value:
	// for staff, their value in the recommended role less their value in
	// today's role; for a candidate, their value less the cost of hire
	// spread over the payback months. Payback is a candidate's months to
	// earn the cost of hire back.
	Gain    float64
	Payback float64
}

// Story reads the costliest split and the placement's changes worth
// most. A placement that cannot be made (a minimum no one can fill, too
// many staff) leaves the changes out; the Placement page says why.
func (a *App) Story(ctx context.Context, act Actor) (*Story, error) {
	splits, err := a.Splits(ctx, act)
	if err != nil {
		return nil, err
	}
	out := &Story{}
	if len(splits) > 0 {
		out.Split = &splits[0]
	}
	tp, err := a.Placement(ctx, act, nil)
	switch errs.Code(err) {
	case "":
	case errs.CodeInvalid, errs.CodeConflict:
		return out, nil
	default:
		return nil, err
	}
	if tp.Plan == nil {
		return out, nil
	}
	for _, pl := range tp.Plan.People {
		switch {
		case pl.Kind == placement.Staff && pl.Changed && pl.RoleID != "":
			gain := pl.Net
			if pl.CurrentRoleID != "" {
				v, err := tp.Plan.Valuation(pl.PersonID, pl.CurrentRoleID)
				if err != nil {
					return nil, err
				}
				gain -= v.Net
			}
			out.Changes = append(out.Changes, StoryChange{PersonID: pl.PersonID, Name: pl.Name, From: tp.RoleName(pl.CurrentRoleID),
				To: tp.RoleName(pl.RoleID), Gain: gain})
		case pl.Kind == placement.Candidate && pl.RoleID != "":
			out.Changes = append(out.Changes, StoryChange{PersonID: pl.PersonID, Name: pl.Name, Candidate: true,
				To: tp.RoleName(pl.RoleID), Gain: pl.Net, Payback: pl.Payback})
		}
	}
	slices.SortStableFunc(out.Changes, func(x, y StoryChange) int {
		return cmp.Or(cmp.Compare(y.Gain, x.Gain), strings.Compare(x.Name, y.Name))
	})
	if len(out.Changes) > storyChanges {
		out.Changes = out.Changes[:storyChanges]
	}
	return out, nil
}
