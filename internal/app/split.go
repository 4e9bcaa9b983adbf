package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"rolefit"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
)

// The organisation's money model, read once per request: each seller's
// state from their records, the service person who would cover their
// service, and the cost of each seller's split (econ.SplitCost). Home, a
// person's page, Costs, Move, the exposure table and the API all show the
// split from here, so the figure is the same to the cent everywhere.

// SplitView is the cost of one seller's current split between selling and
// serving, with every figure's source.
type SplitView struct {
	Person rolefit.Person
	econ.Split
	// ServiceHoursPerAccount is s, and Accounts the book the seller
	// serves: service hours a month over s.
	ServiceHoursPerAccount float64
	Accounts               float64
	// Sources says where each figure came from, by the API's field name.
	Sources map[string]string
}

// serviceCover is the organisation's dedicated service person: the
// account-service role with the most seats, its staff's median observed
// service rate where they have records, its hours a month, and its loaded
// monthly cost (its compensation plan's where it has one).
type serviceCover struct {
	Role *rolefit.Role
	// Rate is nil when the role's staff have no records: each seller's
	// own service rate stands in for it.
	Rate       *float64
	RateSource string
	Hours      float64
	Cost       float64
	// CPH is the cost per hire from the hiring records; CPHSource says
	// whose ("role", "organisation" or "none", the founding case's).
	CPH       float64
	CPHSource string
	Sources   map[string]string
}

// moneyModel is what the money figures of one request are worked out
// from.
type moneyModel struct {
	totals   map[string]rolefit.PerformanceTotals
	people   map[string]rolefit.Person
	ids      []string // the people with records, sorted
	margin   float64
	cover    serviceCover
	problems problems
}

// readMoneyModel reads the organisation's records, roles, plans, hiring
// costs and settings for the money figures. Stored figures outside their
// ranges are left out and said in problems.
func (a *App) readMoneyModel(ctx context.Context, act Actor) (*moneyModel, error) {
	org := a.scope(act)
	m := &moneyModel{}
	as, _, sps, err := a.settings(ctx, act)
	if err != nil {
		return nil, err
	}
	m.problems.add(sps...)
	m.margin = as.GrossMargin
	rec, err := a.recorded(ctx, act)
	if err != nil {
		return nil, err
	}
	m.totals, m.people, m.ids = rec.totals, rec.people, rec.ids
	for _, id := range m.ids {
		// A person whose observed rates are outside their range is no
		// seller to work a split out from.
		if nb, sv, bad := usableRates(m.people[id].Name, id, m.totals[id]); len(bad) > 0 {
			m.problems.add(bad...)
			t := m.totals[id]
			if nb == nil {
				t.NewBusinessHours, t.NewBusinessRevenue = 0, 0
			}
			if sv == nil {
				t.ServiceHours, t.ServiceRevenue = 0, 0
			}
			m.totals[id] = t
		}
	}
	all, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	roles, rps := usableRoles(all)
	m.problems.add(rps...)
	m.cover = serviceCover{Hours: econ.DefaultServicePersonHours, Cost: econ.DefaultServicePersonCost,
		CPH: econ.DefaultServicePersonCPH, CPHSource: "none", Sources: map[string]string{
			"service_person_hours": "the founding case: no account-service role",
			"service_person_cost":  "the founding case: no account-service role",
			"service_person_cph":   "SHRM's average cost per hire: no hiring records",
		}}
	r := serviceRole(roles)
	if r == nil {
		return m, nil
	}
	costs, cps, err := a.roleCosts(ctx, act, roles)
	if err != nil {
		return nil, err
	}
	m.problems.add(cps...)
	rates := roleRatesOf(roles, m.people, m.totals)
	c := &m.cover
	c.Role = r
	if r.HoursPerMonth >= 1 {
		c.Hours = r.HoursPerMonth
		c.Sources["service_person_hours"] = r.Name + " role's hours a month"
	}
	rc := costs[r.ID]
	c.Cost = rc.MonthlyCost
	c.Sources["service_person_cost"] = r.Name + " role's own monthly cost"
	if rc.FromPlan {
		c.Sources["service_person_cost"] = r.Name + " compensation plan's loaded monthly cost: base, target variable pay and benefits"
	}
	if rc.Hire.CPHSource != "none" && rc.Hire.CPHSource != "" {
		c.CPH, c.CPHSource = rc.Hire.CPH.CPH, rc.Hire.CPHSource
		c.Sources["service_person_cph"] = r.Name + " cost per hire from the hiring records"
		if rc.Hire.CPHSource == "organisation" {
			c.Sources["service_person_cph"] = "the organisation's cost per hire from the hiring records"
		}
	}
	if sv := rates[r.ID].Service; sv.Source == RateFromRecords {
		rate := sv.Rate
		c.Rate = &rate
		c.RateSource = fmt.Sprintf("the median observed service rate of the %d people in %s today with at least %d recorded months",
			sv.Staff, r.Name, MinRecordedMonths)
	}
	return m, nil
}

// state is a person's current state from their recent records.
func (m *moneyModel) state(id string) econ.SellerState {
	t := m.totals[id]
	return econ.StateOfTotals(t.Months, econ.MonthRecord{NewBusinessHours: t.NewBusinessHours, NewBusinessRevenue: t.NewBusinessRevenue,
		ServiceHours: t.ServiceHours, ServiceRevenue: t.ServiceRevenue})
}

// splitOf works out a person's split. ok is false for someone who is no
// seller with a split: not staff, no new-business rate or no service
// hours in their records.
func (m *moneyModel) splitOf(id string) (SplitView, bool, error) {
	p, ok := m.people[id]
	s := m.state(id)
	if !ok || p.Kind != rolefit.Staff || !s.HasNewRate || s.ServiceHours <= 0 {
		return SplitView{}, false, nil
	}
	c := m.cover
	cover := econ.Cover{ServiceRate: s.ServiceRate, ServicePersonHours: c.Hours, ServicePersonCost: c.Cost, Margin: m.margin}
	sources := map[string]string{
		"new_business_hours":  p.Name + "'s records: hours a month over " + recordedMonths(s.Months),
		"service_hours":       p.Name + "'s records: hours a month over " + recordedMonths(s.Months),
		"new_business_rate":   fmt.Sprintf("%s's records: new-business revenue over its hours", p.Name),
		"service_rate":        fmt.Sprintf("%s's records: service revenue over its hours", p.Name),
		"margin":              "the organisation's gross margin (Settings)",
		"selling_cap":         "none: the market absorbs the freed hours (set a cap on the Costs page to see otherwise)",
		"service_person_rate": "no records of a service role's staff: " + p.Name + "'s own service rate",
		"accounts": fmt.Sprintf("service hours a month over %g hours a month each account needs (the founding case)",
			float64(econ.DefaultServiceHoursPerAccount)),
	}
	if c.Rate != nil {
		cover.ServiceRate = *c.Rate
		sources["service_person_rate"] = c.RateSource
	}
	for k, v := range c.Sources {
		if k != "service_person_cph" {
			sources[k] = v
		}
	}
	split, err := econ.SplitCost(s, cover)
	if err != nil {
		return SplitView{}, false, err
	}
	return SplitView{Person: p, Split: split, ServiceHoursPerAccount: econ.DefaultServiceHoursPerAccount,
		Accounts: s.ServiceHours / econ.DefaultServiceHoursPerAccount, Sources: sources}, true, nil
}

// splits works out the split of every seller who has one, the costliest
// first (ties by name).
func (m *moneyModel) splits() ([]SplitView, error) {
	var out []SplitView
	for _, id := range m.ids {
		sv, ok, err := m.splitOf(id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, sv)
		}
	}
	slices.SortStableFunc(out, func(x, y SplitView) int {
		return cmp.Or(cmp.Compare(y.CostAMonth, x.CostAMonth), strings.Compare(x.Person.Name, y.Person.Name))
	})
	return out, nil
}

// Split returns the cost of a staff member's current split between
// selling and serving. Someone who is not a seller with a split (a
// candidate, or staff without new-business and service records) is
// invalid, naming "person". Seeing it is recorded in the audit log: it
// shows a person's results in money.
func (a *App) Split(ctx context.Context, act Actor, personID string) (*SplitView, error) {
	sv, err := a.PersonSplit(ctx, act, personID)
	if err != nil {
		return nil, err
	}
	if err := a.scope(act).AuditRead(ctx, act.Audit, "view", "person", sv.Person.ID, "cost of the split"); err != nil {
		return nil, err
	}
	return sv, nil
}

// PersonSplit is Split for the person's own page, which records its one
// view of the person (Person) and so records nothing more.
func (a *App) PersonSplit(ctx context.Context, act Actor, personID string) (*SplitView, error) {
	p, err := a.scope(act).Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	m, err := a.readMoneyModel(ctx, act)
	if err != nil {
		return nil, err
	}
	sv, ok, err := m.splitOf(p.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errs.InvalidFields(p.Name+" has no split between selling and serving to cost.",
			map[string]string{"person": "needs performance records with new-business and service hours (staff only)"})
	}
	return &sv, nil
}

// Splits returns the split of every seller who has one, the costliest
// first; recorded in the audit log as a list.
func (a *App) Splits(ctx context.Context, act Actor) ([]SplitView, error) {
	m, err := a.readMoneyModel(ctx, act)
	if err != nil {
		return nil, err
	}
	out, err := m.splits()
	if err != nil {
		return nil, err
	}
	if len(out) > 0 {
		if err := a.scope(act).AuditRead(ctx, act.Audit, "list", "split", "", fmt.Sprintf("cost of the split of %d sellers", len(out))); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recordedMonths says which recorded months a state is read from: "their
// last 12 recorded months", "their one recorded month".
func recordedMonths(n int) string {
	if n == 1 {
		return "their one recorded month"
	}
	return fmt.Sprintf("their last %d recorded months", n)
}
