package placement

import (
	"math"
	"runtime"
	"sync"
)

// rowsAtOnce is the fewest people per goroutine worth starting one for:
// a person's row takes about 3 µs at 20 roles (fit and value per role).
const rowsAtOnce = 512

// rows is the solver's row of every person of the team (Team.row), in one
// block of memory, computed by up to GOMAXPROCS goroutines at once: at
// 10,000 people × 20 roles the values are a fifth of a solve. Each row is
// computed alone from the team, so the rows are the same however they are
// shared out.
func (t *Team) rows() [][]float64 {
	n, m := len(t.People), len(t.Roles)
	out := make([][]float64, n)
	block := make([]float64, n*m)
	fill := func(from, to int) {
		for i := from; i < to; i++ {
			row := block[i*m : (i+1)*m : (i+1)*m]
			t.fillRow(t.People[i], row)
			out[i] = row
		}
	}
	workers := min(runtime.GOMAXPROCS(0), n/rowsAtOnce)
	if workers <= 1 {
		fill(0, n)
		return out
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for from := 0; from < n; from += per {
		wg.Go(func() { fill(from, min(from+per, n)) })
	}
	wg.Wait()
	return out
}

// fillRow writes person p's Net in each role into row, NaN where they may
// not take it.
func (t *Team) fillRow(p Person, row []float64) {
	for j, r := range t.Roles {
		v := value(p, r, t.Assumptions, false)
		row[j] = v.Net
		if !v.Allowed {
			row[j] = math.NaN()
		}
	}
}
