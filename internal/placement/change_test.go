package placement

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// resolved is the change brute force finds by solving the changed problem
// again.
func resolved(p Matrix, base *Solution) Change {
	_, pr, cents, ok := bruteForce(p)
	if !ok {
		return Change{}
	}
	var baseCents int64
	for i, j := range base.Role {
		if j != NotPlaced {
			baseCents += toCents(base.p.Values[i][j])
		}
	}
	return Change{Possible: true, Value: float64(cents-baseCents) / 100, Priority: pr - base.PriorityPlaced}
}

func sameChange(got, want Change) bool { return sameChangeWithin(got, want, 1e-6) }

func sameChangeWithin(got, want Change, tol float64) bool {
	if !got.Possible || !want.Possible {
		return got.Possible == want.Possible
	}
	return got.Priority == want.Priority && math.Abs(got.Value-want.Value) <= tol
}

// TestChangesMatchResolving checks every explanation (moving a person,
// one more seat, one fewer, the cost of a pin) against solving the changed problem by brute
// force.
func TestChangesMatchResolving(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for c := range 1500 {
		n, m := 1+r.IntN(6), 1+r.IntN(3)
		p := randomMatrix(r, n, m, c%2 == 0)
		if p.Pinned == nil {
			p.Pinned = slices.Repeat([]int{NotPlaced}, n)
		}
		if _, _, _, ok := bruteForce(p); !ok {
			continue
		}
		for _, dense := range []bool{false, true} {
			s, err := solveMatrix(&p, dense)
			if err != nil {
				t.Fatal(err)
			}
			for i := range n {
				if p.Pinned[i] != NotPlaced {
					continue
				}
				for j := -1; j < m; j++ {
					q := p
					q.Pinned = slices.Clone(p.Pinned)
					q.Pinned[i] = j
					var want Change
					if j == NotPlaced || !math.IsNaN(p.Values[i][j]) {
						if j == NotPlaced {
							// Pinning to "not placed" is not a pin; forbid every role instead.
							q.Values = slices.Clone(p.Values)
							q.Values[i] = slices.Repeat([]float64{math.NaN()}, m)
							q.Pinned[i] = NotPlaced
						}
						want = resolved(q, s)
					}
					if got := s.Move(i, j); !sameChange(got, want) {
						t.Fatalf("case %d (dense %v) %+v, assignment %v: Move(%d, %d) = %+v, re-solving gives %+v", c, dense, p, s.Role, i, j, got, want)
					}
					checked++
				}
			}
			for i, pin := range p.Pinned {
				if pin == NotPlaced {
					continue
				}
				q := p
				q.Pinned = slices.Clone(p.Pinned)
				q.Pinned[i] = NotPlaced
				free := resolved(q, s)
				want := Change{Possible: true, Value: -free.Value, Priority: -free.Priority}
				if got := s.PinCost(i); !sameChange(got, want) {
					t.Fatalf("case %d (dense %v) %+v: PinCost(%d) = %+v, re-solving without the pin gives %+v", c, dense, p, i, got, want)
				}
				if want.Value > 1e-9 && want.Priority == 0 || want.Priority > 0 {
					t.Errorf("case %d: the pin of person %d raises the optimum by %+v", c, i, want)
				}
				checked++
			}
			for j := range m {
				q := p
				q.Seats = slices.Clone(p.Seats)
				q.Seats[j].Max++
				if got, want := s.MoreSeats(j), resolved(q, s); !sameChange(got, want) {
					t.Fatalf("case %d (dense %v) %+v: MoreSeats(%d) = %+v, re-solving gives %+v", c, dense, p, j, got, want)
				}
				q.Seats[j].Max -= 2
				var want Change
				if q.Seats[j].Max >= q.Seats[j].Min {
					want = resolved(q, s)
				}
				if got := s.FewerSeats(j); !sameChange(got, want) {
					t.Fatalf("case %d (dense %v) %+v: FewerSeats(%d) = %+v, re-solving gives %+v", c, dense, p, j, got, want)
				}
				checked += 2
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d changes checked", checked)
	}
}
