package app

import (
	"context"
	"slices"

	"rolefit"
	"rolefit/internal/econ"
	"rolefit/internal/placement"
)

// One ruler for candidates and staff (DESIGN.md §9): a role's baseline
// revenue an hour on each of its activities is the median observed rate
// of the staff in the role today who have enough records, and the rate
// entered for the role otherwise. Candidates are valued on it through the
// fit multiplier, staff on their own observed rates, so a candidate and a
// member of staff with the same fit for a role get comparable values.

// MinRecordedMonths is how many recorded months a member of staff needs
// for their observed rate to count in their role's baseline.
const MinRecordedMonths = 3

// The sources of a role's rate.
const (
	RateFromRecords = "records"
	RateEntered     = "entered"
)

// RoleRate is a role's baseline rate for one activity and where it came
// from: RateFromRecords (the median of Staff people's observed rates) or
// RateEntered (the role's own baseline rate).
type RoleRate struct {
	Rate   float64
	Source string
	// Staff is how many people's records the median is over.
	Staff int
}

// RoleRates are a role's baselines for new business and for service.
type RoleRates struct {
	NewBusiness, Service RoleRate
}

// For returns the baseline of one activity.
func (rr RoleRates) For(act placement.Activity) RoleRate {
	if act == placement.AccountService {
		return rr.Service
	}
	return rr.NewBusiness
}

// roleRatesOf works out each role's baselines, by role ID, from the
// recent performance of the people in it today. A person's rate outside
// its range counts for nothing (usableRates).
func roleRatesOf(roles []rolefit.Role, people map[string]rolefit.Person, totals map[string]rolefit.PerformanceTotals) map[string]RoleRates {
	var ids []string
	for id := range totals {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	nb, sv := map[string][]float64{}, map[string][]float64{}
	for _, id := range ids {
		p, t := people[id], totals[id]
		if p.Kind != rolefit.Staff || p.CurrentRoleID == nil || t.Months < MinRecordedMonths {
			continue
		}
		n, s, _ := usableRates(p.Name, p.ID, t)
		if n != nil {
			nb[*p.CurrentRoleID] = append(nb[*p.CurrentRoleID], *n)
		}
		if s != nil {
			sv[*p.CurrentRoleID] = append(sv[*p.CurrentRoleID], *s)
		}
	}
	out := make(map[string]RoleRates, len(roles))
	for _, r := range roles {
		rate := func(observed []float64) RoleRate {
			if m, ok := econ.Median(observed); ok {
				return RoleRate{Rate: m, Source: RateFromRecords, Staff: len(observed)}
			}
			return RoleRate{Rate: r.BaselineRate, Source: RateEntered}
		}
		out[r.ID] = RoleRates{NewBusiness: rate(nb[r.ID]), Service: rate(sv[r.ID])}
	}
	return out
}

// roleRates reads the recent performance of the organisation's staff and
// works out the roles' baselines (roleRatesOf).
func (a *App) roleRates(ctx context.Context, act Actor, roles []rolefit.Role) (map[string]RoleRates, error) {
	rec, err := a.recorded(ctx, act)
	if err != nil {
		return nil, err
	}
	return roleRatesOf(roles, rec.people, rec.totals), nil
}

// recordedPeople are the people with performance records, their totals
// over their last twelve recorded months (econ.SplitMonths) and their
// IDs in order.
type recordedPeople struct {
	totals map[string]rolefit.PerformanceTotals
	people map[string]rolefit.Person
	ids    []string
}

// recorded reads everyone with performance records, as the money model
// reads them.
func (a *App) recorded(ctx context.Context, act Actor) (*recordedPeople, error) {
	org := a.scope(act)
	totals, err := org.RecentPerformance(ctx, econ.SplitMonths)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(totals))
	for id := range totals {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	people, err := org.PeopleByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &recordedPeople{totals: totals, people: people, ids: ids}, nil
}
