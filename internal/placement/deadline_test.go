package placement

import (
	"context"
	"sync/atomic"
	"testing"

	"rolefit/internal/errs"
)

// expiring is a context whose deadline passes at its nth look: a
// deadline in the middle of a solve, reached the same way on every run
// whatever the machine's speed.
type expiring struct {
	context.Context
	left  atomic.Int64
	looks atomic.Int64
}

func expiresAt(n int64) *expiring {
	c := &expiring{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *expiring) Err() error {
	c.looks.Add(1)
	if c.left.Add(-1) < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// TestSolveStopsAtTheDeadline checks that a solve whose context has ended,
// before it starts or at any point while it places people or explains the
// plan, returns the timeout error at once instead of running to the end.
func TestSolveStopsAtTheDeadline(t *testing.T) {
	team := bigTeam() // 10,000 people, 20 roles, 2 pins
	team.People = team.People[:3000]
	team.Pins = nil
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if plan, err := SolveContext(done, team); errs.Code(err) != errs.CodeTimeout || plan != nil {
		t.Errorf("cancelled before the start: plan %v, error %v; want a timeout error", plan != nil, err)
	}
	// How often a whole solve looks at its context.
	whole := expiresAt(1 << 40)
	if _, err := SolveContext(whole, team); err != nil {
		t.Fatal(err)
	}
	n := whole.looks.Load()
	if n < int64(len(team.People)/checkEvery) {
		t.Fatalf("a solve of %d people looked at its context %d times; want at least every %d people", len(team.People), n, checkEvery)
	}
	// The deadline passes at the first look, halfway through placing the
	// people, and during the explanations: each time the solve stops there.
	for _, at := range []int64{0, int64(len(team.People) / checkEvery / 2), n - 2} {
		c := expiresAt(at)
		plan, err := SolveContext(c, team)
		if errs.Code(err) != errs.CodeTimeout || plan != nil {
			t.Errorf("deadline at look %d of %d: plan %v, error %v; want a timeout error", at, n, plan != nil, err)
		}
		if got := c.looks.Load(); got != at+1 {
			t.Errorf("deadline at look %d: the solve looked %d times; want it to stop at the first look past its deadline", at, got)
		}
	}
	c := expiresAt(0)
	if _, err := SolveMatrixContext(c, fewRolesMatrix(1)); errs.Code(err) != errs.CodeTimeout {
		t.Errorf("SolveMatrixContext past its deadline: %v; want a timeout error", err)
	}
}
