package server

import (
	"cmp"
	"fmt"
	"rolefit"
	"slices"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/placement"
)

// TestPlacementPageOrder checks the order of the Placement page's people
// over every page of a plan: by role in the roles' order, the not placed
// last, within a role by Net, highest first, then by name, and each
// person once.
func TestPlacementPageOrder(t *testing.T) {
	roles := []rolefit.Role{{ID: "r1", Name: "Seller"}, {ID: "r2", Name: "Account manager"}}
	plan := &placement.Plan{}
	for i := range 3*placementPageSize + 7 {
		p := placement.Placement{PersonID: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("Person %03d", (i*37)%101), Kind: placement.Candidate,
			RoleID: []string{"r2", "", "r1"}[i%3], Net: float64((i * 53) % 17 * 100)}
		plan.People = append(plan.People, p)
	}
	tp := &usecases.TeamPlacement{Plan: plan, Roles: roles, People: len(plan.People)}
	want := slices.Clone(plan.People)
	rank := map[string]int{"r1": 0, "r2": 1, "": 2}
	slices.SortStableFunc(want, func(a, b placement.Placement) int {
		return cmp.Or(cmp.Compare(rank[a.RoleID], rank[b.RoleID]), cmp.Compare(b.Net, a.Net), cmp.Compare(a.Name, b.Name))
	})
	var got []string
	for n := 1; ; n++ {
		page := placementPage{}
		page.fill(tp, moneyIn("USD"), n)
		for _, g := range page.Groups {
			for _, row := range g.People {
				got = append(got, row.ID)
			}
		}
		if n >= page.Pages {
			break
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d people over the pages, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i].PersonID {
			t.Fatalf("person %d is %s, want %s (%+v)", i, got[i], want[i].PersonID, want[i])
		}
	}
}
