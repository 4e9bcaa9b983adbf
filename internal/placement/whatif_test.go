package placement

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// On random teams, the moves a what-if lists turn the plan into one whose
// total differs from the plan's by the what-if's change, within every
// role's seats, with the person asked about moved first to the role asked
// for; a move the what-if finds impossible lists nobody.
func TestWhatIfMovesAddUpToTheChange(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	checked := 0
	for c := range 200 {
		team := randomTeam(r)
		plan, err := Solve(team)
		if err != nil {
			continue
		}
		for _, p := range team.People {
			for _, to := range append([]string{""}, roleIDs(team)...) {
				ch, err := plan.WhatIf(p.ID, to)
				if err != nil {
					t.Fatal(err)
				}
				moves, err := plan.WhatIfMoves(context.Background(), p.ID, to)
				if err != nil {
					t.Fatalf("case %d: %s→%q: %v", c, p.ID, to, err)
				}
				at := map[string]string{}
				for _, pl := range plan.People {
					at[pl.PersonID] = pl.RoleID
				}
				if !ch.Possible || at[p.ID] == to {
					if moves != nil {
						t.Fatalf("case %d: %s→%q (%+v) lists moves %+v", c, p.ID, to, ch, moves)
					}
					continue
				}
				if len(moves) == 0 || moves[0].PersonID != p.ID || moves[0].To != to || moves[0].From != at[p.ID] {
					t.Fatalf("case %d: %s→%q: moves %+v do not start with the person", c, p.ID, to, moves)
				}
				for _, m := range moves {
					if m.From != at[m.PersonID] || m.From == m.To {
						t.Fatalf("case %d: %s→%q: move %+v does not start where the plan has them", c, p.ID, to, m)
					}
					at[m.PersonID] = m.To
				}
				total, filled := 0.0, map[string]int{}
				for _, q := range team.People {
					if role := at[q.ID]; role != "" {
						v, err := plan.Valuation(q.ID, role)
						if err != nil {
							t.Fatal(err)
						}
						total += v.Net
						filled[role]++
					}
				}
				for _, role := range team.Roles {
					if n := filled[role.ID]; n < role.Seats.Min || n > role.Seats.Max {
						t.Fatalf("case %d: %s→%q leaves %s with %d people, seats %+v", c, p.ID, to, role.ID, n, role.Seats)
					}
				}
				if got, want := total-plan.Total, ch.Value; math.Abs(got-want) > 0.01*float64(len(team.People)) {
					t.Fatalf("case %d: %s→%q: the moves change the total by %v, the what-if says %v", c, p.ID, to, got, want)
				}
				checked++
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d what-ifs with moves checked", checked)
	}
}
