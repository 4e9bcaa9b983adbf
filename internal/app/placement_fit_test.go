package app_test

import (
	"math/rand/v2"
	"rolefit"
	"sync"
	"testing"

	"rolefit/internal/app"
)

// TestFitFillsAMinimumTheStaffCannot checks a person's place when the
// staff alone cannot fill a role's minimum: the whole team, the candidate
// with them, can, so both pages show the plan the Placement page shows,
// the candidate placed in the role whose minimum they complete.
func TestFitFillsAMinimumTheStaffCannot(t *testing.T) {
	w := sqliteWorld(t)
	sales, err := w.uc.CreateRole(ctx, w.mgr, roleInput("Account executive", "new_business", 0, 2, 220, 9000, weight("hunter", 1)))
	if err != nil {
		t.Fatal(err)
	}
	success, err := w.uc.CreateRole(ctx, w.mgr, roleInput("Customer success", "account_service", 2, 3, 150, 6000, weight("farmer", 1)))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	var people []*rolefit.Person
	for i, kind := range []rolefit.PersonKind{rolefit.Staff, rolefit.Candidate} {
		p := w.person(t, []string{"Sam", "Cam"}[i], kind)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: simulated(t, "sales-service", rng)}); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	if err := w.uc.SetCurrentRole(ctx, w.mgr, people[0].ID, sales.ID); err != nil {
		t.Fatal(err)
	}
	staff, err := w.uc.Fit(ctx, w.mgr, people[0].ID)
	if err != nil || !staff.Placed || staff.Recommended != success.ID {
		t.Errorf("the staff member, with a minimum of two in %s: %+v, %v; want placed there beside the candidate", success.Name, staff, err)
	}
	cand, err := w.uc.Fit(ctx, w.mgr, people[1].ID)
	if err != nil || !cand.Placed || cand.Recommended != success.ID || cand.TeamSize != 2 {
		t.Errorf("the candidate with the staff member: %+v, %v; want placed in %s, the second of its minimum two", cand, err, success.Name)
	}
}

// TestPlacementsReadAtOnce has many requests read the kept plans at once,
// fit pages joining candidates to today's team and what-ifs of the
// placement, and checks each answer is the one a lone request gets (run
// with -race, it also checks the kept plans are only read).
func TestPlacementsReadAtOnce(t *testing.T) {
	w, roles, people := scoredWorld(t)
	tp, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	alone := map[string]*app.PersonFit{}
	for _, p := range people {
		pf, err := w.uc.Fit(ctx, w.mgr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		alone[p.ID] = pf
	}
	want, err := tp.WhatIf(people[0].ID, roles[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 32 {
		p := people[i%len(people)]
		wg.Go(func() {
			pf, err := w.uc.Fit(ctx, w.mgr, p.ID)
			if err != nil || pf.Recommended != alone[p.ID].Recommended || pf.Placed != alone[p.ID].Placed ||
				(pf.InTeam != nil) != (alone[p.ID].InTeam != nil) || pf.InTeam != nil && *pf.InTeam != *alone[p.ID].InTeam {
				t.Errorf("%s's fit read with others: %+v, %v; alone: %+v", p.Name, pf, err, alone[p.ID])
			}
			tp, err := w.uc.Placement(ctx, w.mgr, nil)
			if err != nil {
				t.Error(err)
				return
			}
			if got, err := tp.WhatIf(people[0].ID, roles[0].ID); err != nil || *got != *want {
				t.Errorf("a what-if read with others: %+v, %v; alone: %+v", got, err, want)
			}
		})
	}
	wg.Wait()
}
