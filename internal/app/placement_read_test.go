package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"rolefit"
	"testing"

	"rolefit/internal/placement"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestPlacementFromItsOwnRead checks that the placement made from its own
// read of the profiles (only the scales the roles weigh, store's
// PlacementProfiles) is the placement made from every profile's every
// score row (ProfiledPeople, what the placement read before): the same
// people in the same order, the same fit and value in every cell, and the
// same plan to the cent with the same explanations, on both databases.
func TestPlacementFromItsOwnRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w := newPlaced(t, insideOn(t, st, clock))
		// A role weighing facets as well as a composite, and more people,
		// some of them staff in a role today.
		r, err := w.uc.CreateRole(ctx, w.act, rolefit.RoleInput{Name: "Inside sales", Activity: rolefit.ActivityMix, NewBusinessShare: 0.4,
			SeatsMin: 2, SeatsMax: 6, HoursPerMonth: 150, BaselineRate: 180, MonthlyCost: 7000,
			Weights: []rolefit.RoleWeight{{ScaleID: "drive", Weight: 2}, {ScaleID: "influence", Weight: 1}, {ScaleID: "hunter", Weight: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		w.roles = append(w.roles, r)
		for i := range 30 {
			kind := rolefit.Candidate
			if i%3 == 0 {
				kind = rolefit.Staff
			}
			p := w.profiled(t, fmt.Sprintf("More %d", i), kind)
			if kind == rolefit.Staff {
				if err := w.org.SetCurrentRole(ctx, p.ID, w.roles[i%len(w.roles)].ID, w.act.Audit); err != nil {
					t.Fatal(err)
				}
			}
		}
		tp := w.placement(t, w.uc)
		_, in, err := w.uc.placementInputs(ctx, w.act)
		if err != nil {
			t.Fatal(err)
		}
		all, err := w.org.ProfiledPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(in.team.People) {
			t.Fatalf("the placement considers %d people, ProfiledPeople reads %d", len(in.team.People), len(all))
		}
		old := in.team
		old.People = make([]placement.Person, len(all))
		for i, p := range all {
			got := in.team.People[i]
			if got.ID != p.ID {
				t.Fatalf("person %d is %s, ProfiledPeople has %s there", i, got.ID, p.ID)
			}
			pp := w.uc.placementPerson(p)
			if len(pp.Scales) <= len(got.Scales) {
				t.Errorf("%s: %d standings from every row, %d from the placement's read; want fewer", p.Name, len(pp.Scales), len(got.Scales))
			}
			// The rates come from the performance records, not the profiles.
			pp.NewBusinessRate, pp.ServiceRate = got.NewBusinessRate, got.ServiceRate
			old.People[i] = pp
			for j, role := range in.team.Roles {
				a, b := placement.Value(got, role, in.team.Assumptions), placement.Value(pp, role, in.team.Assumptions)
				if ja, jb := mustJSON(t, a), mustJSON(t, b); !bytes.Equal(ja, jb) {
					t.Errorf("%s in role %d: %s, from every row %s", p.Name, j, ja, jb)
				}
			}
		}
		want, err := placement.Solve(old)
		if err != nil {
			t.Fatal(err)
		}
		if got, wantJ := mustJSON(t, tp.Plan), mustJSON(t, want); !bytes.Equal(got, wantJ) {
			t.Errorf("plan from the placement's read:\n%s\nfrom every row:\n%s", got, wantJ)
		}
		if len(want.People) < 10 || want.Total == 0 {
			t.Errorf("the plan places %d people for %.2f: too few to tell reads apart", len(want.People), want.Total)
		}
	})
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
