package server

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/i18n"
)

// fitView is a person's fit and value for every role and where the
// placement puts them, formatted for their page.
type fitView struct {
	PersonID, Name string
	Currency       string
	Candidate      bool
	Roles          []fitRow
	// Where says where the placement puts them and Why the reason; both
	// empty when there is no placement (a minimum nobody can fill).
	Where, Why string
	// Team counts the people the placement considered; WholeTeam says it
	// is the Placement page's.
	Team      int
	WholeTeam bool
	// AwaitsLook is set when their answers are flagged likely careless
	// and nobody has looked at them: no money is shown.
	AwaitsLook bool
}

type fitRow struct {
	Role, Fit, Value, HireCost, Net string
	// Note says why the role does not allow them, "" when it does.
	Note        string
	Recommended bool
}

// fitViewOf formats a person's fit, and returns the stored figures it
// left out (app.PersonFit.Problems).
func fitViewOf(c *fiber.Ctx, uc *app.App, l *i18n.Printer, d *app.PersonDetail) (*fitView, []app.StoredProblem, error) {
	if d.Profile == nil {
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
	fv := &fitView{PersonID: pf.PersonID, Name: pf.Name, Currency: cur, Candidate: pf.Kind == "candidate", Team: pf.TeamSize,
		WholeTeam: pf.WholeTeam, AwaitsLook: pf.AwaitsLook}
	names := map[string]string{}
	for _, rf := range pf.Roles {
		v := rf.Valuation
		names[rf.Role.ID] = rf.Role.Name
		row := fitRow{Role: rf.Role.Name, Fit: "—", Value: "—", HireCost: "—", Net: "—", Recommended: pf.Placed && pf.Recommended == rf.Role.ID}
		if !pf.AwaitsLook {
			row.Value, row.Net = l.T("fit.a_month", m.Whole(v.Value)), l.T("fit.a_month", m.Whole(v.Net))
			if fv.Candidate {
				row.HireCost = l.T("fit.a_month", m.Whole(v.HireCostPerMonth))
			}
		}
		if v.Fit.Known {
			row.Fit = strconv.FormatFloat(v.Fit.Fit, 'f', 0, 64)
		}
		if !v.Allowed {
			row.Note = v.Reason
		}
		fv.Roles = append(fv.Roles, row)
	}
	if pf.AwaitsLook || !pf.Placed || pf.Why == nil {
		return fv, pf.Problems, nil
	}
	w := pf.Why
	switch {
	case pf.Recommended != "":
		if fv.Candidate {
			fv.Where = l.T("fit.where.placed_net", pf.Name, names[pf.Recommended], m.Whole(pf.InTeam.Net))
		} else {
			fv.Where = l.T("fit.where.placed", pf.Name, names[pf.Recommended], m.Whole(pf.InTeam.Net))
		}
		if w.RoleID != "" {
			fv.Why = l.T("fit.why.next_best", names[w.RoleID], changeText(m, w.Change))
		} else {
			fv.Why = l.T("fit.why.only_role")
		}
	case w.Code == app.ReasonNoRole:
		fv.Where = l.T("fit.where.not_placed", pf.Name)
		fv.Why = l.T("fit.why.no_role", w.Detail)
	default:
		fv.Where = l.T("fit.where.not_placed", pf.Name)
		fv.Why = l.T("fit.why.seats", names[w.RoleID], changeText(m, w.Change))
	}
	return fv, pf.Problems, nil
}
