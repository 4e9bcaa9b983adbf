package server

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/placement"
)

// placementPageSize is how many people one page of the Placement page
// lists; the roles' figures and the total are always for the whole team.
const placementPageSize = 50

// placementPage is the Placement page.
type placementPage struct {
	Currency string
	// NoRoles and NoPeople say why there is no plan yet.
	NoRoles, NoPeople bool
	Plan              bool
	People            int
	// LeftOut is how many candidates the placement left out, and
	// MaxPeople the most people it considers with RoleCount roles.
	LeftOut, MaxPeople, RoleCount int
	Total, TotalValue             string
	Changes                       int
	Roles                         []placementRoleRow
	Groups                        []placementGroup
	Pins                          []placementPinRow
	Assumptions                   []placementFact
	DefaultAssumption             bool
	// Page, Pages, Prev and Next page the people.
	Page, Pages int
	Prev, Next  string
	// Hidden are the pins to carry in every form and link; Here is the
	// page's own address, to come back to after changing a role today.
	Hidden []string
	Here   string
	// RoleOptions are the roles a staff member can be in today.
	RoleOptions []placementOption
	// WhatIf is the what-if form and its answer (placement_whatif.go).
	WhatIf *placementWhatIf
	// AwaitingLook are the candidates whose answers wait for a manager's
	// look before they are placed.
	AwaitingLook []app.PersonRef
}

type placementRoleRow struct {
	Name, Seats       string
	Filled            int
	OneMore, OneFewer string
	// Cost is the monthly cost charged and CostFrom where it came from;
	// Hire is a candidate's cost of hire for the role.
	Cost, CostFrom, Hire string
}

type placementGroup struct {
	Role   string
	People []placementPersonRow
}

type placementPersonRow struct {
	ID, Name, Kind, Today string
	// Staff rows say their role today in a form that changes it;
	// TodayID is that role's ID, "" for none.
	Staff           bool
	TodayID         string
	Changed, Pinned bool
	Net             string
	Next, Move      string
	MoveCostly      bool
	// Payback says, for a candidate placed, their cost of hire and the
	// months of value that pay it back.
	Payback string
	// PinOptions are the roles the person can be pinned to, as the pin
	// values of the form.
	PinOptions []placementOption
}

type placementOption struct{ Value, Label string }

type placementPinRow struct {
	Value, Person, Role, Cost string
}

type placementFact struct{ Label, Value string }

// changeText says a change of the plan's total in money a month.
func changeText(m money, ch placement.Change) string {
	en := onceEnglish()
	if !ch.Possible {
		return en.T("placement.change.impossible")
	}
	s := m.Whole(ch.Value)
	if ch.Value > 0 {
		s = "+" + s
	}
	if ch.Priority != 0 {
		return en.T("placement.change.staff", s, fmt.Sprintf("%+d", ch.Priority))
	}
	return en.T("placement.total.month", s)
}

// handlePlacement is the Placement page: the recommendation grouped by
// role, with pins in the address (?pin=PERSON:ROLE), so a pinned plan can
// be shared as a link.
func handlePlacement(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx, act := c.UserContext(), actorOf(c)
		v := pageView(c, rnd.english.T("placement.title"), "placement")
		cur, err := uc.Currency(ctx, act)
		if err != nil {
			return err
		}
		m := moneyIn(cur)
		page := placementPage{Currency: cur}
		for _, raw := range c.Context().QueryArgs().PeekMulti("pin") {
			page.Hidden = append(page.Hidden, string(raw))
		}
		pins, err := pinsOf(c)
		var tp *app.TeamPlacement
		if err == nil {
			tp, err = uc.Placement(ctx, act, pins)
		}
		if errs.Code(err) == errs.CodeInvalid {
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			v.Data = page
			return rnd.render(c, fiber.StatusBadRequest, "placement", v)
		}
		if err != nil {
			return err
		}
		v.Stored = tp.Problems
		page.Here = c.OriginalURL()
		page.fill(tp, m, c.QueryInt("page", 1))
		status := fiber.StatusOK
		if err := askWhatIf(c, &page, tp, m); errs.Code(err) == errs.CodeInvalid {
			v.Message, v.Errors, status = errs.Message(err), errs.FieldsOf(err), fiber.StatusBadRequest
		} else if err != nil {
			return err
		}
		v.Data = page
		return rnd.render(c, status, "placement", v)
	}
}

// fill formats a team placement for the page, people page n.
func (page *placementPage) fill(tp *app.TeamPlacement, m money, n int) {
	a := tp.Assumptions
	en := onceEnglish()
	page.DefaultAssumption = tp.DefaultAssumptions
	page.Assumptions = []placementFact{
		{en.T("placement.assume.fit"), en.T("placement.assume.fit.value", fmt.Sprintf("%g", a.FitMultiplierLow), fmt.Sprintf("%g", a.FitMultiplierHigh))},
		{en.T("placement.assume.margin"), percent(a.GrossMargin)},
		{en.T("placement.assume.hire"), en.T("placement.assume.hire.value", m.Whole(a.CostOfHire), fmt.Sprintf("%g", a.PaybackMonths))},
	}
	page.NoRoles, page.NoPeople, page.People = len(tp.Roles) == 0, tp.People == 0, tp.People
	page.AwaitingLook = tp.AwaitingLook
	page.LeftOut, page.MaxPeople, page.RoleCount = tp.LeftOut, tp.MaxPeople, len(tp.Roles)
	plan := tp.Plan
	if plan == nil {
		return
	}
	page.Plan = true
	for _, r := range tp.Roles {
		page.RoleOptions = append(page.RoleOptions, placementOption{Value: r.ID, Label: r.Name})
	}
	page.Total, page.TotalValue = m.Whole(plan.Total), m.Whole(plan.TotalValue)
	for _, r := range plan.Roles {
		row := placementRoleRow{Name: tp.RoleName(r.RoleID), Seats: fmt.Sprintf("%d–%d", r.Seats.Min, r.Seats.Max),
			Filled: r.Filled, OneMore: changeText(m, r.OneMore), OneFewer: changeText(m, r.OneFewer)}
		row.Cost, row.CostFrom, row.Hire = roleCostText(m, tp, r.RoleID)
		page.Roles = append(page.Roles, row)
	}
	pinned := map[string]bool{}
	for _, p := range plan.Pins {
		pinned[p.Pin.PersonID] = true
		name := p.Pin.PersonID
		for _, pl := range plan.People {
			if pl.PersonID == p.Pin.PersonID {
				name = pl.Name
			}
		}
		page.Pins = append(page.Pins, placementPinRow{Value: p.Pin.PersonID + ":" + p.Pin.RoleID, Person: name,
			Role: tp.RoleName(p.Pin.RoleID), Cost: changeText(m, p.Cost)})
	}
	// People in role order, the not placed last; within a role by value,
	// highest first, then by name.
	order := map[string]int{"": len(tp.Roles)}
	for j, r := range tp.Roles {
		order[r.ID] = j
	}
	// The people's indexes are sorted rather than the people themselves,
	// with each one's role looked up once: a plan of 10,000 people took
	// a sort of its large lines by a map lookup per comparison.
	all := plan.People
	rank := make([]int, len(all))
	sorted := make([]int, len(all))
	for i, p := range all {
		rank[i], sorted[i] = order[p.RoleID], i
		if p.Changed {
			page.Changes++
		}
	}
	slices.SortStableFunc(sorted, func(i, j int) int {
		a, b := &all[i], &all[j]
		return cmp.Or(cmp.Compare(rank[i], rank[j]), cmp.Compare(b.Net, a.Net), cmp.Compare(a.Name, b.Name))
	})
	page.Pages = max(1, (len(all)+placementPageSize-1)/placementPageSize)
	page.Page = min(max(n, 1), page.Pages)
	lo := (page.Page - 1) * placementPageSize
	for _, i := range sorted[lo:min(lo+placementPageSize, len(all))] {
		p := &all[i]
		row := placementPersonRow{ID: p.PersonID, Name: p.Name, Kind: string(p.Kind), Changed: p.Changed, Pinned: pinned[p.PersonID],
			Net: en.T("placement.total.month", m.Whole(p.Net))}
		if p.RoleID == "" {
			row.Net = "—"
		}
		if p.Kind == placement.Candidate && p.RoleID != "" && p.CostOfHire > 0 {
			row.Payback = en.T("placement.payback", m.Whole(p.CostOfHire), oneDecimal(math.Ceil(p.Payback*10)/10))
		}
		if p.Kind == placement.Staff {
			row.Staff, row.TodayID, row.Today = true, p.CurrentRoleID, cmp.Or(tp.RoleName(p.CurrentRoleID), en.T("placement.no_role"))
		}
		if p.NextRoleID != "" {
			row.Next = tp.RoleName(p.NextRoleID)
			row.Move, row.MoveCostly = changeText(m, p.Move), p.Move.Possible && p.Move.Value < 0
		}
		for _, r := range tp.Roles {
			if r.ID != p.RoleID {
				row.PinOptions = append(row.PinOptions, placementOption{Value: p.PersonID + ":" + r.ID, Label: r.Name})
			}
		}
		group := cmp.Or(tp.RoleName(p.RoleID), en.T("placement.not_placed"))
		if len(page.Groups) == 0 || page.Groups[len(page.Groups)-1].Role != group {
			page.Groups = append(page.Groups, placementGroup{Role: group})
		}
		g := &page.Groups[len(page.Groups)-1]
		g.People = append(g.People, row)
	}
	link := func(n int) string {
		q := url.Values{"pin": page.Hidden}
		q.Set("page", strconv.Itoa(n))
		return "/placement?" + q.Encode()
	}
	if page.Page > 1 {
		page.Prev = link(page.Page - 1)
	}
	if page.Page < page.Pages {
		page.Next = link(page.Page + 1)
	}
}

// handleCurrentRole records a staff member's role today from the
// Placement page, and returns to the page the form was on.
func handleCurrentRole(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, err := uc.PersonSummary(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		if err := uc.SetCurrentRole(c.UserContext(), actorOf(c), p.ID, c.FormValue("role_id")); err != nil {
			return err
		}
		flash(c, onceEnglish().T("placement.flash.today", p.Name))
		back := c.FormValue("back")
		if !strings.HasPrefix(back, "/placement") || strings.HasPrefix(back, "//") {
			back = "/placement"
		}
		return c.Redirect(back, fiber.StatusSeeOther)
	}
}

// roleCostText says what placement charged for a role: its monthly cost
// and where that came from (the compensation plan or the role's own), and
// a candidate's cost of hire for it.
func roleCostText(m money, tp *app.TeamPlacement, roleID string) (cost, from, hire string) {
	rc, ok := tp.Costs[roleID]
	if !ok {
		return "—", "", "—"
	}
	en := onceEnglish()
	cost, from = m.Whole(rc.MonthlyCost), en.T("placement.cost.own")
	if rc.FromPlan {
		from = en.T("placement.cost.plan")
	}
	hire = en.T("placement.hire.default", m.Whole(tp.Assumptions.CostOfHire))
	if rc.CostOfHire != nil {
		hire = en.T("placement.hire.total", m.Whole(*rc.CostOfHire))
	}
	return cost, from, hire
}

// onceEnglish writes the words of the handlers and drawings that have no renderer
// at hand, in the manager pages' language; made once.
var onceEnglish = sync.OnceValue(func() *i18n.Printer { return i18n.Shipped().Printer(i18n.Source, nil) })
