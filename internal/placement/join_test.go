package placement

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"rolefit/internal/errs"
)

// tiedTeam draws a team made for ties: m roles of which each has a twin
// with the same definition, people whose scores are whole points, so many
// placements are worth exactly the same, with staff, candidates, pins and
// forbidden cells.
func tiedTeam(r *rand.Rand, n, m int) Team {
	t := Team{Assumptions: DefaultAssumptions()}
	t.Assumptions.CostOfHire = float64(r.IntN(3) * 10000)
	acts := []Activity{NewBusiness, AccountService, Mix}
	for j := range m {
		role := Role{ID: fmt.Sprintf("r%d", j), Activity: acts[r.IntN(3)], NewBusinessShare: 0.5,
			Profile: []Weight{{"hunter", float64(1 + r.IntN(2))}, {"farmer", 1}}, Seats: Seats{Min: r.IntN(2), Max: 1 + r.IntN(3)},
			HoursPerMonth: 100, BaselineRate: float64(100 * (1 + r.IntN(3))), MonthlyCost: float64(1000 * r.IntN(3))}
		if j%2 == 1 {
			twin := t.Roles[j-1]
			twin.ID = role.ID
			role = twin
		}
		t.Roles = append(t.Roles, role)
	}
	for i := range n {
		p := Person{ID: fmt.Sprintf("p%d", i), Kind: Candidate, Scales: map[string]Standing{
			"hunter": {Score: float64(1 + r.IntN(5)), Min: 1, Max: 5}, "farmer": {Score: float64(1 + r.IntN(5)), Min: 1, Max: 5}}}
		if r.IntN(2) == 0 {
			p.Kind, p.CurrentRole = Staff, t.Roles[r.IntN(m)].ID
		}
		t.People = append(t.People, p)
	}
	for i := range n {
		switch r.IntN(8) {
		case 0:
			t.Forbidden = append(t.Forbidden, Cell{t.People[i].ID, t.Roles[r.IntN(m)].ID})
		case 1:
			t.Pins = append(t.Pins, Pin{t.People[i].ID, t.Roles[r.IntN(m)].ID})
		}
	}
	return t
}

// samePlans reports how two plans differ in anything a caller can see:
// the figures, every line, and every what-if.
func samePlans(got, want *Plan) error {
	switch {
	case got.Total != want.Total || got.TotalValue != want.TotalValue:
		return fmt.Errorf("totals %v/%v, want %v/%v", got.Total, got.TotalValue, want.Total, want.TotalValue)
	case !reflect.DeepEqual(got.People, want.People):
		return fmt.Errorf("people\n%+v\nwant\n%+v", got.People, want.People)
	case !reflect.DeepEqual(got.Roles, want.Roles):
		return fmt.Errorf("roles\n%+v\nwant\n%+v", got.Roles, want.Roles)
	case !reflect.DeepEqual(got.Pins, want.Pins):
		return fmt.Errorf("pins\n%+v\nwant\n%+v", got.Pins, want.Pins)
	}
	t := want.Team()
	for _, p := range t.People {
		for _, r := range append([]string{""}, roleIDs(t)...) {
			g, gerr := got.WhatIf(p.ID, r)
			w, werr := want.WhatIf(p.ID, r)
			if g != w || (gerr == nil) != (werr == nil) {
				return fmt.Errorf("what-if %s→%q = %+v, %v; want %+v, %v", p.ID, r, g, gerr, w, werr)
			}
		}
	}
	return nil
}

func roleIDs(t Team) []string {
	var ids []string
	for _, r := range t.Roles {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestJoinEqualsSolving checks, on random teams full of ties, with few
// roles (the heaps) and many (the dense search), that a routed team's plan
// is the plan Solve gives, that joining one more person gives exactly the
// plan that solving the larger team gives, also when the team alone
// cannot fill a minimum, and that joining leaves the routed team as it
// was.
func TestJoinEqualsSolving(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(11, 12))
	joined, short := 0, 0
	for c := range 300 {
		m := 1 + r.IntN(4)
		if c%5 == 0 {
			m = denseAbove + 1 + r.IntN(4)
		}
		team := tiedTeam(r, 2+r.IntN(12), m)
		newcomer := team.People[len(team.People)-1]
		base := team
		base.People = team.People[:len(team.People)-1]
		base.Pins = slices.DeleteFunc(slices.Clone(team.Pins), func(p Pin) bool { return p.PersonID == newcomer.ID })
		base.Forbidden = slices.DeleteFunc(slices.Clone(team.Forbidden), func(f Cell) bool { return f.PersonID == newcomer.ID })
		whole := base
		whole.People = team.People
		routed, err := RouteContext(ctx, base)
		if _, solveErr := Solve(base); errs.Code(err) != errs.Code(solveErr) && err != nil {
			t.Fatalf("case %d: routing: %v; solving: %v", c, err, solveErr)
		}
		if err != nil {
			continue // pins that cannot be kept
		}
		own, ownErr := routed.Plan(ctx)
		want, wantErr := Solve(base)
		if errs.Code(ownErr) != errs.Code(wantErr) {
			t.Fatalf("case %d: the routed team's plan: %v; solving it: %v", c, ownErr, wantErr)
		}
		if wantErr == nil {
			if err := samePlans(own, want); err != nil {
				t.Fatalf("case %d: the routed team's plan differs from solving it: %v", c, err)
			}
		} else {
			short++ // the team alone cannot fill a minimum: joining may
		}
		for k, p := range []Person{newcomer, {ID: "other", Name: "Other", Kind: Candidate, Scales: newcomer.Scales}} {
			// A second person joined to the same routed team: what the
			// first join did must not show.
			whole.People = append(slices.Clone(base.People), p)
			got, gotErr := routed.Join(ctx, p)
			want, wantErr := Solve(whole)
			if errs.Code(gotErr) != errs.Code(wantErr) {
				t.Fatalf("case %d, join %d: %v; solving the team with them: %v", c, k, gotErr, wantErr)
			}
			if wantErr != nil {
				continue
			}
			if err := samePlans(got, want); err != nil {
				t.Fatalf("case %d (%d people, %d roles), join %d: differs from solving: %v", c, len(whole.People), m, k, err)
			}
			joined++
		}
		if own != nil {
			again, _ := routed.Plan(ctx)
			if err := samePlans(again, own); err != nil {
				t.Fatalf("case %d: joining changed the routed team: %v", c, err)
			}
		}
	}
	if joined < 300 || short < 10 {
		t.Errorf("%d joins compared, %d of them to teams short of a minimum; want at least 300 and 10", joined, short)
	}
}

// TestJoinRefuses checks that a person already in the team, or one whose
// values are not valid, is refused with an invalid error naming them.
func TestJoinRefuses(t *testing.T) {
	team := demoTeam()
	routed, err := RouteContext(context.Background(), team)
	if err != nil {
		t.Fatal(err)
	}
	_, err = routed.Join(context.Background(), team.People[0])
	if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["people."+team.People[0].ID+".id"] == "" {
		t.Errorf("joining someone already in the team: %v; want invalid naming people.%s.id", err, team.People[0].ID)
	}
	odd := Person{ID: "new", Kind: "manager", Scales: map[string]Standing{}}
	if _, err := routed.Join(context.Background(), odd); errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["people.new.kind"] == "" {
		t.Errorf("joining a person of no kind: %v; want invalid naming people.new.kind", err)
	}
}
