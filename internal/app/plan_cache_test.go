package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"rolefit"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// placed is an organisation ready to place: two roles, three staff and
// two candidates with profiles.
type placed struct {
	*inside
	roles  []*rolefit.Role
	people []*rolefit.Person // staff first
	rng    *rand.Rand
}

// insideOn is newInside on a given store, so that a test can run on
// PostgreSQL too.
func insideOn(t *testing.T, st *store.Store, clock *storetest.Clock) *inside {
	t.Helper()
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	in := &inside{st: st, cat: cat, clock: clock}
	in.uc = in.restart(t)
	o, u, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "a@acme.example", Name: "A", Access: rolefit.Manager,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	in.org, in.act = st.Scope(o.ID), UserActor(u)
	in.q, _ = cat.Latest("sales-service")
	return in
}

var ctx = context.Background()

func newPlaced(t *testing.T, in *inside) *placed {
	t.Helper()
	w := &placed{inside: in, rng: rand.New(rand.NewPCG(1, 2))}
	for _, ri := range []rolefit.RoleInput{
		{Name: "Account executive", Activity: rolefit.ActivityNewBusiness, SeatsMin: 1, SeatsMax: 2, HoursPerMonth: 140, BaselineRate: 220, MonthlyCost: 9000,
			Weights: []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 3}, {ScaleID: "farmer", Weight: 1}}},
		{Name: "Customer success", Activity: rolefit.ActivityAccountService, SeatsMin: 1, SeatsMax: 3, HoursPerMonth: 150, BaselineRate: 150, MonthlyCost: 6000,
			Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}},
	} {
		r, err := in.uc.CreateRole(ctx, in.act, ri)
		if err != nil {
			t.Fatal(err)
		}
		w.roles = append(w.roles, r)
	}
	for i := range 5 {
		kind := rolefit.Staff
		if i >= 3 {
			kind = rolefit.Candidate
		}
		w.people = append(w.people, w.profiled(t, fmt.Sprintf("Person %d", i), kind))
	}
	return w
}

// profiled adds a person with a self-report.
func (w *placed) profiled(t *testing.T, name string, kind rolefit.PersonKind) *rolefit.Person {
	t.Helper()
	p, err := w.uc.AddPerson(ctx, w.act, rolefit.NewPerson{Name: name, Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	ans := assess.Simulate(w.q, w.rng, assess.Simulation{Traits: assess.RandomTraits(w.q, w.rng)}).Answers
	if _, err := w.uc.RecordResponse(ctx, w.act, RecordInput{PersonID: p.ID, Questionnaire: w.q.ID, Answers: ans}); err != nil {
		t.Fatal(err)
	}
	return p
}

func (w *placed) placement(t *testing.T, uc *App, pins ...placement.Pin) *TeamPlacement {
	t.Helper()
	tp, err := uc.Placement(ctx, w.act, pins)
	if err != nil || tp.Plan == nil {
		t.Fatalf("placement: %+v, %v", tp, err)
	}
	return tp
}

func lineOf(plan *placement.Plan, id string) (placement.Placement, bool) {
	for _, pl := range plan.People {
		if pl.PersonID == id {
			return pl, true
		}
	}
	return placement.Placement{}, false
}

// TestPlacementIsKeptUntilItsInputsChange checks that a placement, a
// pinned one and today's team of a person's fit page are solved once and
// then read, and that after each kind of change of what they are made of
// the next request solves again and shows the change.
func TestPlacementIsKeptUntilItsInputsChange(t *testing.T) {
	w := newPlaced(t, newInside(t))
	uc := w.uc
	first := w.placement(t, uc)
	if again := w.placement(t, uc); again.Plan != first.Plan || uc.plans.solves.Load() != 1 {
		t.Fatalf("a second view solved again (%d solves) or gave another plan", uc.plans.solves.Load())
	}
	if _, err := first.WhatIf(w.people[0].ID, w.roles[1].ID); err != nil || uc.plans.solves.Load() != 1 {
		t.Errorf("a what-if: %v, %d solves; want it from the kept plan", err, uc.plans.solves.Load())
	}
	pin := placement.Pin{PersonID: w.people[3].ID, RoleID: w.roles[1].ID}
	pinned := w.placement(t, uc, pin)
	if again := w.placement(t, uc, pin); again.Plan != pinned.Plan || uc.plans.solves.Load() != 2 {
		t.Errorf("the same pins twice: %d solves; want one more, then the kept plan", uc.plans.solves.Load())
	}
	if w.placement(t, uc).Plan != first.Plan {
		t.Error("the unpinned plan was not kept beside the pinned one")
	}
	// A person's fit reads the kept plan the Placement page shows: no
	// solve and no join, whoever the person is.
	for _, p := range []*rolefit.Person{w.people[3], w.people[4], w.people[0], w.people[3]} {
		pf, err := uc.Fit(ctx, w.act, p.ID)
		if err != nil || !pf.Placed || !pf.WholeTeam || pf.TeamSize != len(first.Plan.People) {
			t.Fatalf("fit of %s: %+v, %v", p.Name, pf, err)
		}
	}
	if s, j := uc.plans.solves.Load(), uc.plans.joins.Load(); s != 2 || j != 0 {
		t.Errorf("four fit pages: %d solves and %d joins in all; want the kept plans' two solves and no join", s, j)
	}

	solves := uc.plans.solves.Load()
	for _, step := range []struct {
		name  string
		write func() error
		shows func(tp *TeamPlacement) bool
	}{
		{"a person with a profile", func() error {
			w.people = append(w.people, w.profiled(t, "Newcomer", rolefit.Candidate))
			return nil
		}, func(tp *TeamPlacement) bool { _, ok := lineOf(tp.Plan, w.people[5].ID); return ok && tp.People == 6 }},
		{"a changed role", func() error {
			four := 4
			_, err := uc.PatchRole(ctx, w.act, w.roles[1].ID, RolePatch{SeatsMax: &four})
			return err
		}, func(tp *TeamPlacement) bool { return tp.Plan.Roles[1].Seats.Max == 4 }},
		{"a compensation plan", func() error {
			_, err := uc.SetCompPlan(ctx, w.act, w.roles[0].ID, econ.CompPlan{Base: 60000, TargetVariable: 60000, Quota: 600000})
			return err
		}, func(tp *TeamPlacement) bool { return tp.Costs[w.roles[0].ID].FromPlan }},
		{"a hiring period", func() error {
			_, err := uc.RecordHiringCosts(ctx, w.act, HiringInput{RoleID: w.roles[1].ID, FromMonth: "2026-01", ToMonth: "2026-02",
				Items: []econ.CostItem{{Category: econ.Advertising, Amount: 3000}}, Hires: 1})
			return err
		}, func(tp *TeamPlacement) bool { return tp.Costs[w.roles[1].ID].CostOfHire != nil }},
		{"performance", func() error {
			_, err := uc.RecordPerformance(ctx, w.act, w.people[1].ID, rolefit.PerformanceInput{Month: "2026-01", NewBusinessHours: 100, NewBusinessRevenue: 900000}, false)
			return err
		}, func(tp *TeamPlacement) bool {
			v, err := tp.Plan.Valuation(w.people[1].ID, w.roles[0].ID)
			return err == nil && len(v.Parts) == 1 && v.Parts[0].Source == "observed"
		}},
		{"a role today", func() error { return uc.SetCurrentRole(ctx, w.act, w.people[2].ID, w.roles[0].ID) },
			func(tp *TeamPlacement) bool {
				pl, _ := lineOf(tp.Plan, w.people[2].ID)
				return pl.CurrentRoleID == w.roles[0].ID
			}},
		{"the assumptions", func() error {
			m := 0.5
			_, err := uc.UpdateOrgSettings(ctx, w.act, OrgSettingsPatch{GrossMargin: &m})
			return err
		}, func(tp *TeamPlacement) bool { return tp.Assumptions.GrossMargin == 0.5 }},
		{"the cut", func() error {
			cut := 3.0
			_, err := uc.UpdateOrgSettings(ctx, w.act, OrgSettingsPatch{ProfileCut: &cut})
			return err
		}, nil}, // nothing of the plan shows the cut, but it is a setting the plan is kept under
		{"an erasure", func() error { return uc.ErasePerson(ctx, w.act, w.people[4].ID, true) },
			func(tp *TeamPlacement) bool { _, ok := lineOf(tp.Plan, w.people[4].ID); return !ok && tp.People == 5 }},
	} {
		before := w.placement(t, uc)
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		after := w.placement(t, uc)
		if uc.plans.solves.Load() != solves+1 || after.Plan == before.Plan {
			t.Errorf("after %s: %d solves, want %d: the kept plan was shown", step.name, uc.plans.solves.Load(), solves+1)
		}
		if step.shows != nil && !step.shows(after) {
			t.Errorf("after %s: the placement does not show it", step.name)
		}
		solves = uc.plans.solves.Load()
	}
}

// TestPlacementAcrossProcesses checks that two processes on one database
// (two App values), each keeping the placement, see each other's changes
// at their next request, on SQLite and PostgreSQL.
func TestPlacementAcrossProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w := newPlaced(t, insideOn(t, st, clock))
		a, b := w.uc, w.restart(t)
		w.placement(t, a)
		kept := w.placement(t, b)
		zero := 0
		if _, err := a.PatchRole(ctx, w.act, w.roles[0].ID, RolePatch{SeatsMin: &zero, SeatsMax: &zero}); err != nil {
			t.Fatal(err)
		}
		if got := w.placement(t, b); got.Plan == kept.Plan || got.Plan.Roles[0].Filled != 0 {
			t.Errorf("b after a closed a role: %d placed in it; want 0", got.Plan.Roles[0].Filled)
		}
		newcomer := w.profiled(t, "Newcomer", rolefit.Candidate) // recorded through a
		if _, ok := lineOf(w.placement(t, b).Plan, newcomer.ID); !ok {
			t.Error("b does not place a person a recorded a profile of")
		}
		if err := b.ErasePerson(ctx, w.act, newcomer.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, ok := lineOf(w.placement(t, a).Plan, newcomer.ID); ok {
			t.Error("a still places a person b erased")
		}
		if pf, err := a.Fit(ctx, w.act, w.people[3].ID); err != nil || pf.TeamSize != len(w.placement(t, a).Plan.People) {
			t.Errorf("a's fit page after b's erasure: %+v, %v", pf, err)
		}
	})
}

// TestPlacementsAreKeptApart checks that one organisation's kept plan is
// never another's.
func TestPlacementsAreKeptApart(t *testing.T) {
	w := newPlaced(t, newInside(t))
	mine := w.placement(t, w.uc)
	o, u, err := w.st.CreateOrganisation(ctx, "Beta", rolefit.NewUser{Email: "b@beta.example", Name: "B", Access: rolefit.Manager,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := w.uc.Placement(ctx, UserActor(u), nil)
	if err != nil || theirs.Plan != nil || theirs.People != 0 || len(theirs.Roles) != 0 {
		t.Fatalf("another organisation's placement: %+v, %v; want none", theirs, err)
	}
	if _, err := w.uc.Fit(ctx, UserActor(u), w.people[3].ID); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("another organisation's fit of our candidate: %v; want not found", err)
	}
	if w.placement(t, w.uc).Plan != mine.Plan || o.ID == w.org.ID() {
		t.Error("our kept plan was lost to another organisation's")
	}
}

// TestPlacementIsSolvedOnceForConcurrentRequests checks that requests
// arriving together share one solve, and that one whose time runs out
// while it waits gets the timeout error while the solve goes on for the
// others.
func TestPlacementIsSolvedOnceForConcurrentRequests(t *testing.T) {
	w := newPlaced(t, newInside(t))
	uc := w.uc
	release := make(chan struct{})
	solving := make(chan struct{}, 8)
	uc.plans.beforeSolve = func() {
		solving <- struct{}{}
		<-release
	}
	var wg sync.WaitGroup
	plans := make([]*placement.Plan, 4)
	for i := range plans {
		wg.Go(func() {
			tp, err := uc.Placement(ctx, w.act, nil)
			if err != nil {
				t.Error(err)
				return
			}
			plans[i] = tp.Plan
		})
	}
	<-solving
	// One more request, whose time runs out while the solve is held.
	short, cancel := context.WithCancel(ctx)
	gaveUp := make(chan error)
	go func() {
		_, err := uc.Placement(short, w.act, nil)
		gaveUp <- err
	}()
	cancel()
	if err := <-gaveUp; errs.Code(err) != errs.CodeTimeout {
		t.Errorf("a request whose time ran out while waiting: %v; want a timeout error", err)
	}
	close(release)
	wg.Wait()
	if uc.plans.solves.Load() != 1 || plans[0] == nil || plans[1] != plans[0] || plans[3] != plans[0] {
		t.Errorf("%d solves for %d requests at once; want 1, one plan for all", uc.plans.solves.Load(), len(plans))
	}
}

// TestPlanCacheBounds checks that the cache forgets the least recently
// used organisations beyond its bounds, never the one in use.
func TestPlanCacheBounds(t *testing.T) {
	var c planCache
	stamp := store.PlacementStamp{Version: 1}
	for i := range planCacheOrgs + 5 {
		c.entry(fmt.Sprint("org", i), stamp)
	}
	if c.lru.Len() != planCacheOrgs || c.entries["org0"] != nil || c.entries[fmt.Sprint("org", planCacheOrgs+4)] == nil {
		t.Errorf("%d organisations kept; want the newest %d", c.lru.Len(), planCacheOrgs)
	}
	c.entry("org5", stamp) // used again: the newest
	big := c.entry("big", stamp)
	c.grew(big, planCacheCells-1)
	small := c.entry("small", stamp)
	c.grew(small, 10)
	if c.entries["big"] != nil || c.entries["small"] == nil || c.cells != 10 {
		t.Errorf("over the cells bound: big kept %v, small kept %v, %d cells; want only small", c.entries["big"] != nil, c.entries["small"] != nil, c.cells)
	}
	huge := c.entry("huge", stamp)
	c.grew(huge, 2*planCacheCells)
	if c.entries["huge"] == nil || c.lru.Len() != 1 {
		t.Errorf("one organisation above the bound: kept %v with %d others; want it kept alone while in use", c.entries["huge"] != nil, c.lru.Len()-1)
	}
	if e := c.entry("huge", store.PlacementStamp{Version: 2}); e == huge || c.cells != 0 {
		t.Errorf("a later stamp: kept the old entry, or %d cells still counted", c.cells)
	}
	if e := c.entry("small", store.PlacementStamp{Version: 1}); e == small {
		t.Error("an entry forgotten was found again")
	}
}

// TestPlacementLeavesOutTheOldestCandidates checks the bound on the
// people one placement considers: every staff member and the candidates
// with the newest profiles are placed, the others are counted as left
// out, and more staff than the bound is a conflict that says so.
func TestPlacementLeavesOutTheOldestCandidates(t *testing.T) {
	in := newInside(t)
	bound := 4
	in.uc.plans.maxPeople = func(int) int { return bound }
	w := newPlaced(t, in) // three staff, then candidates 3 and 4
	w.clock.Advance(time.Hour)
	late := w.profiled(t, "Late", rolefit.Candidate)
	tp := w.placement(t, w.uc)
	if tp.People != 4 || tp.LeftOut != 2 || tp.MaxPeople != 4 {
		t.Fatalf("%d considered, %d left out, bound %d; want 4, 2 and 4", tp.People, tp.LeftOut, tp.MaxPeople)
	}
	for i, p := range append(w.people, late) {
		_, ok := lineOf(tp.Plan, p.ID)
		if want := i < 3 || p == late; ok != want {
			t.Errorf("%s considered: %v, want %v", p.Name, ok, want)
		}
	}
	// Candidate 3 answers again: theirs is now the newest profile.
	w.clock.Advance(time.Hour)
	ans := assess.Simulate(w.q, w.rng, assess.Simulation{Traits: assess.RandomTraits(w.q, w.rng)}).Answers
	if _, err := w.uc.RecordResponse(ctx, w.act, RecordInput{PersonID: w.people[3].ID, Questionnaire: w.q.ID, Answers: ans}); err != nil {
		t.Fatal(err)
	}
	bound = 5
	w.uc.plans.forget(w.org.ID())
	tp = w.placement(t, w.uc)
	for _, p := range []*rolefit.Person{w.people[3], late} {
		if _, ok := lineOf(tp.Plan, p.ID); !ok || tp.LeftOut != 1 {
			t.Errorf("%s not considered (%d left out); want the two newest profiles", p.Name, tp.LeftOut)
		}
	}
	// A candidate's own page still places them in today's team.
	if pf, err := w.uc.Fit(ctx, w.act, w.people[4].ID); err != nil || !pf.Placed || pf.TeamSize != 4 {
		t.Errorf("fit of a candidate left out of the placement: %+v, %v; want today's team with them", pf, err)
	}
	bound = 2
	w.uc.plans.forget(w.org.ID())
	_, err := w.uc.Placement(ctx, w.act, nil)
	if errs.Code(err) != errs.CodeConflict || !strings.Contains(errs.Message(err), "3 staff") {
		t.Errorf("three staff with a bound of two: %v; want a conflict naming the staff", err)
	}
	if pf, err := w.uc.Fit(ctx, w.act, w.people[0].ID); err != nil || pf.Placed {
		t.Errorf("fit with too many staff to place: %+v, %v; want the fit without a placement", pf, err)
	}
}
