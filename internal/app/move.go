package app

import (
	"cmp"
	"context"
	"math"
	"rolefit"
	"slices"
	"strings"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// MoveView is the "move this person" comparison for one staff member
// (econ.Move) with what it was made from.
type MoveView struct {
	Person rolefit.Person
	// Inputs are the model's inputs: the organisation's defaults started
	// from the person's current state (CostDefaults).
	Inputs econ.Inputs
	// Sources says where each input came from, by JSON name, as
	// ModelDefaults.Sources.
	Sources map[string]string
	// Split is the cost of the person's current split a month, nil when
	// they have none (no service hours): the figure Home, their page and
	// the API show.
	Split      *SplitView
	Comparison econ.MoveComparison
}

// MovePerson compares, for a staff member, (a) keeping them selling and
// hiring service people for their book, (b) moving them to service and
// (c) keeping both jobs, over 12, 24 and 36 months with the cost of each
// hire (econ.Move), from their current state: the inputs the Costs page
// starts from for them (CostDefaults). An activity they have no hours on
// is valued at their role's baseline for it (one ruler), or the founding
// case's without a role. A person without performance records, or a
// candidate, is invalid ("person"). Seeing it is recorded in the audit
// log: it shows a person's results in money.
func (a *App) MovePerson(ctx context.Context, act Actor, personID string) (*MoveView, error) {
	org := a.scope(act)
	p, err := org.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	if p.Kind != rolefit.Staff {
		return nil, errs.InvalidFields("Only a member of staff can be moved.",
			map[string]string{"person": p.Name + " is a candidate: the comparison needs a staff member's performance records"})
	}
	m, err := a.readMoneyModel(ctx, act)
	if err != nil {
		return nil, err
	}
	s := m.state(p.ID)
	if s.Months == 0 || s.Hours() <= 0 {
		return nil, errs.InvalidFields(p.Name+" has no performance records yet.",
			map[string]string{"person": "has no performance records: record their hours and revenue a month on their page first"})
	}
	// A seller starts from their own state; someone who only serves from
	// the organisation's defaults with their service in place.
	seller := ""
	if s.HasNewRate {
		seller = p.ID
	}
	def, err := a.CostDefaults(ctx, act, seller)
	if err != nil {
		return nil, err
	}
	in, sources := def.Inputs, def.Sources
	if seller == "" {
		months := p.Name + "'s records, " + recordedMonths(s.Months)
		in.Hours, in.ServiceRate = min(math.Round(10*s.Hours())/10, quantity.MaxMonthHours), cents(s.ServiceRate)
		in.StartAccounts = math.Round(10*s.ServiceHours/in.ServiceHoursPerAccount) / 10
		sources["hours"], sources["service_rate"] = months+": hours a month", months+": service revenue over its hours"
		sources["start_accounts"] = months + ": service hours a month over the hours each account needs"
	}
	in.Months = econ.DefaultMonths
	// An activity without hours: the role's baseline, else the founding case's.
	if !s.HasNewRate || !s.HasServiceRate {
		nb, sv := RoleRate{Rate: econ.DefaultNewRate, Source: "the founding case"}, RoleRate{Rate: econ.DefaultServiceRate, Source: "the founding case"}
		if p.CurrentRoleID != nil {
			if r, err := org.Role(ctx, *p.CurrentRoleID); err == nil && len(r.Flaws()) == 0 {
				rr := roleRatesOf([]rolefit.Role{*r}, m.people, m.totals)[r.ID]
				nb, sv = rr.NewBusiness, rr.Service
				nb.Source, sv.Source = "the "+nb.Source+" baseline of "+r.Name+", their role today", "the "+sv.Source+" baseline of "+r.Name+", their role today"
			}
		}
		if !s.HasNewRate {
			in.NewRate, sources["new_rate"] = nb.Rate, nb.Source+" (no new-business hours recorded)"
		}
		if !s.HasServiceRate {
			in.ServiceRate, sources["service_rate"] = sv.Rate, sv.Source+" (no service hours recorded)"
		}
	}
	comparison, err := econ.Move(in)
	if err != nil {
		return nil, err
	}
	out := &MoveView{Person: *p, Inputs: in, Sources: sources, Comparison: comparison}
	if sv, ok, err := m.splitOf(p.ID); err != nil {
		return nil, err
	} else if ok {
		out.Split = &sv
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "move this person"); err != nil {
		return nil, err
	}
	return out, nil
}

// MoveChoices lists the staff members the comparison can be made for:
// everyone with performance records, by name.
func (a *App) MoveChoices(ctx context.Context, act Actor) ([]rolefit.Person, error) {
	rec, err := a.recorded(ctx, act)
	if err != nil {
		return nil, err
	}
	people := rec.people
	out := make([]rolefit.Person, 0, len(people))
	for _, p := range people {
		if p.Kind == rolefit.Staff {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y rolefit.Person) int {
		return cmp.Or(strings.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)), strings.Compare(x.ID, y.ID))
	})
	return out, nil
}
