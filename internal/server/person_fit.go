package server

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// fitView is a candidate's fit and value for every role and where they
// would go in today's team, formatted for their page.
type fitView struct {
	Name     string
	Currency string
	Roles    []fitRow
	// Where says where today's team would place them and Why the reason;
	// both empty when there is no placement (a minimum nobody can fill).
	Where, Why string
	// Staff counts the staff with a profile in today's team.
	Staff    int
	HireCost string
}

type fitRow struct {
	Role, Fit, Value, Net string
	// Note says why the role does not allow them, "" when it does.
	Note        string
	Recommended bool
}

// fitViewOf formats a person's fit, and returns the stored figures it
// left out (app.PersonFit.Problems). Only candidates get one on their page:
// placing today's team with them answers "should we hire them, and for
// what", and solving the team for every staff member's page would cost a
// solve per view for nothing new (Placement shows staff).
func fitViewOf(c *fiber.Ctx, uc *app.App, d *app.PersonDetail) (*fitView, []app.StoredProblem, error) {
	if d.Person.Kind != "candidate" || d.Profile == nil {
		return nil, nil, nil
	}
	ctx, act := c.UserContext(), actorOf(c)
	pf, err := uc.Fit(ctx, act, d.Person.ID)
	if err != nil {
		return nil, nil, err
	}
	if len(pf.Roles) == 0 {
		return nil, pf.Problems, nil
	}
	cur, err := uc.Currency(ctx, act)
	if err != nil {
		return nil, nil, err
	}
	m := moneyIn(cur)
	fv := &fitView{Name: pf.Name, Currency: cur, Staff: max(pf.TeamSize-1, 0)}
	names := map[string]string{}
	for _, rf := range pf.Roles {
		v := rf.Valuation
		names[rf.Role.ID] = rf.Role.Name
		row := fitRow{Role: rf.Role.Name, Fit: "—", Value: m.Whole(v.Value) + " a month", Net: m.Whole(v.Net) + " a month",
			Recommended: pf.Placed && pf.Recommended == rf.Role.ID}
		if v.Fit.Known {
			row.Fit = strconv.FormatFloat(v.Fit.Fit, 'f', 0, 64)
		}
		if !v.Allowed {
			row.Note = v.Reason
		}
		fv.Roles = append(fv.Roles, row)
		fv.HireCost = m.Whole(v.HireCostPerMonth) + " a month"
	}
	if !pf.Placed || pf.Why == nil {
		return fv, pf.Problems, nil
	}
	w := pf.Why
	switch {
	case pf.Recommended != "":
		fv.Where = fmt.Sprintf("%s would be placed in %s: %s a month after the cost of hire.", pf.Name, names[pf.Recommended], m.Whole(pf.InTeam.Net))
		if w.RoleID != "" {
			fv.Why = fmt.Sprintf("It is where the team gains most. The next best, %s, would change the team's total by %s.", names[w.RoleID], changeText(m, w.Change))
		} else {
			fv.Why = "No other role could take them without breaking a role's minimum seats."
		}
	case w.Code == app.ReasonNoRole:
		fv.Where = pf.Name + " would not be placed."
		fv.Why = "No role allows them: " + w.Detail + "."
	default:
		fv.Where = pf.Name + " would not be placed."
		fv.Why = fmt.Sprintf("The seats are worth more as they are: placing them in %s, their best role, would change the team's total by %s.",
			names[w.RoleID], changeText(m, w.Change))
	}
	return fv, pf.Problems, nil
}
