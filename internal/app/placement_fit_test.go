package app_test

import (
	"math/rand/v2"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/store"
)

// TestFitFillsAMinimumTheStaffCannot checks a candidate's place in today's
// team when the staff alone cannot fill a role's minimum: the team with
// the candidate can, so the candidate is placed there, as solving the
// staff and them gives; a staff member's own page has no placement.
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
	var people []*store.Person
	for i, kind := range []store.PersonKind{store.Staff, store.Candidate} {
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
	if err != nil || staff.Placed {
		t.Errorf("the staff member alone, with a minimum of two in %s: %+v, %v; want no placement", success.Name, staff, err)
	}
	cand, err := w.uc.Fit(ctx, w.mgr, people[1].ID)
	if err != nil || !cand.Placed || cand.Recommended != success.ID || cand.TeamSize != 2 {
		t.Errorf("the candidate with the staff member: %+v, %v; want placed in %s, the second of its minimum two", cand, err, success.Name)
	}
}
