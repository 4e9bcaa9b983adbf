package app_test

import (
	"math"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// staffPlaced counts the staff a plan places.
func staffPlaced(p *placement.Plan) int {
	n := 0
	for _, pl := range p.People {
		if pl.Kind == placement.Staff && pl.RoleID != "" {
			n++
		}
	}
	return n
}

// TestWhatIfEqualsSolvingAgain checks every what-if of the Placement page
// (every person to every role and out of the team) against solving the
// team again with the move forced: a pin for a role, every role ruled out
// for "not placed".
func TestWhatIfEqualsSolvingAgain(t *testing.T) {
	w, roles, people := scoredWorld(t)
	for _, cost := range []float64{0, 20000} {
		if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{CostOfHire: ptr(cost)}); err != nil {
			t.Fatal(err)
		}
		team := expectedTeam(t, w, roles, people)
		team.Assumptions.CostOfHire = cost
		base, err := placement.Solve(team)
		if err != nil {
			t.Fatal(err)
		}
		tp, err := w.uc.Placement(ctx, w.mgr, nil)
		if err != nil {
			t.Fatal(err)
		}
		possible := 0
		for i, p := range people {
			for _, roleID := range []string{roles[0].ID, roles[1].ID, ""} {
				got, err := tp.WhatIf(p.ID, roleID)
				if err != nil {
					t.Fatal(err)
				}
				forced := team
				if roleID == "" {
					for _, r := range roles {
						forced.Forbidden = append(forced.Forbidden, placement.Cell{PersonID: p.ID, RoleID: r.ID})
					}
				} else {
					forced.Pins = []placement.Pin{{PersonID: p.ID, RoleID: roleID}}
				}
				want := placement.Change{}
				allowed := roleID == "" || placement.Value(team.People[i], team.Roles[map[string]int{roles[0].ID: 0, roles[1].ID: 1}[roleID]], team.Assumptions).Allowed
				if again, err := placement.Solve(forced); err == nil && allowed {
					want = placement.Change{Possible: true, Value: again.Total - base.Total, Priority: staffPlaced(again) - staffPlaced(base)}
				}
				if got.Change.Possible != want.Possible || math.Abs(got.Change.Value-want.Value) > 0.011 || got.Change.Priority != want.Priority {
					t.Errorf("cost of hire %g, %s to %q: %+v, want %+v", cost, p.Name, got.RoleName, got.Change, want)
				}
				if got.Change.Possible {
					possible++
				}
				if got.PersonName != p.Name || got.Same != (base.People[i].RoleID == roleID) {
					t.Errorf("%s to %q: %+v", p.Name, roleID, got)
				}
			}
		}
		if possible < len(people) {
			t.Errorf("cost of hire %g: only %d possible moves; the test proves little", cost, possible)
		}
	}
	tp, _ := w.uc.Placement(ctx, w.mgr, nil)
	for _, tc := range []struct{ person, role, field string }{
		{"NOBODY", roles[0].ID, "person"},
		{people[0].ID, "NOROLE", "role"},
	} {
		if _, err := tp.WhatIf(tc.person, tc.role); errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("what-if %s to %s: %v, want invalid naming %s", tc.person, tc.role, err, tc.field)
		}
	}
}

// TestCandidateNotPlacedSaysWhy checks the reason given for a candidate
// whom today's team does not take: with a cost of hire no role pays back,
// no role allows them; with none, the answer names the best role and what
// placing them there would change, equal to solving with them pinned.
func TestCandidateNotPlacedSaysWhy(t *testing.T) {
	w, roles, people := scoredWorld(t)
	cand := people[4]
	if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{CostOfHire: ptr(5e7), PaybackMonths: ptr(1.0)}); err != nil {
		t.Fatal(err)
	}
	got, err := w.uc.Fit(ctx, w.mgr, cand.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Recommended != "" || got.Why == nil || got.Why.Code != app.ReasonNoRole || got.Why.Detail == "" {
		t.Errorf("with a cost of hire that never pays back: recommended %q, reason %+v; want not placed, no role", got.Recommended, got.Why)
	}
	// Without a cost of hire but with every seat taken by staff who must
	// be placed, the candidate is not placed because the seats are taken.
	if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{CostOfHire: ptr(0.0), PaybackMonths: ptr(12.0)}); err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		two := 2
		if _, err := w.uc.PatchRole(ctx, w.mgr, r.ID, app.RolePatch{SeatsMax: &two}); err != nil {
			t.Fatal(err)
		}
	}
	got, err = w.uc.Fit(ctx, w.mgr, cand.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Recommended != "" || got.Why == nil || got.Why.Code != app.ReasonBetterFilled || got.Why.RoleID == "" || got.TeamSize != len(people) {
		t.Fatalf("with four staff in four seats: recommended %q, reason %+v, team %d; want not placed for the seats", got.Recommended, got.Why, got.TeamSize)
	}
	tp, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Solve today's team (staff and the candidate) with and without the
	// candidate pinned to the role the reason names.
	full := expectedTeam(t, w, tp.Roles, people)
	today := full
	today.People = nil
	for _, p := range full.People {
		if p.Kind == placement.Staff || p.ID == cand.ID {
			today.People = append(today.People, p)
		}
	}
	base, err := placement.Solve(today)
	if err != nil {
		t.Fatal(err)
	}
	today.Pins = []placement.Pin{{PersonID: cand.ID, RoleID: got.Why.RoleID}}
	pinned, err := placement.Solve(today)
	if err != nil {
		t.Fatal(err)
	}
	if want := pinned.Total - base.Total; math.Abs(got.Why.Change.Value-want) > 0.011 || got.Why.Change.Priority != staffPlaced(pinned)-staffPlaced(base) {
		t.Errorf("placing the candidate in the named role changes the total by %+v, want %.2f and %d staff", got.Why.Change, want, staffPlaced(pinned)-staffPlaced(base))
	}
}
