package placement

import (
	"math"
	"math/rand/v2"
	"testing"
)

// fewRolesMatrix is the target case of DESIGN section 11: 10,000 people
// (a third of them staff), 20 roles with minimums and maximums that leave
// some people unplaced, 5% of cells not allowed.
func fewRolesMatrix(seed uint64) Matrix {
	const n, m = 10000, 20
	r := rand.New(rand.NewPCG(seed, 1))
	p := Matrix{Values: make([][]float64, n), Seats: make([]Seats, m), Priority: make([]bool, n)}
	for j := range p.Seats {
		p.Seats[j] = Seats{Min: 50 + r.IntN(100), Max: 300 + r.IntN(300)}
	}
	for i := range p.Values {
		row := make([]float64, m)
		for j := range row {
			row[j] = float64(r.IntN(2_000_000)-200_000) / 100
			if r.IntN(20) == 0 {
				row[j] = nan
			}
		}
		p.Values[i] = row
		p.Priority[i] = r.IntN(3) == 0
	}
	return p
}

// squareMatrix is 1,000 people × 1,000 roles of one seat each, every cell
// allowed, values uniform in money with cents.
func squareMatrix(seed uint64, n int) Matrix {
	r := rand.New(rand.NewPCG(seed, 2))
	p := Matrix{Values: make([][]float64, n), Seats: make([]Seats, n)}
	for j := range p.Seats {
		p.Seats[j] = Seats{Min: 0, Max: 1}
	}
	for i := range p.Values {
		row := make([]float64, n)
		for j := range row {
			row[j] = float64(r.IntN(10_000_000)) / 100
		}
		p.Values[i] = row
	}
	return p
}

func BenchmarkSolveFewRoles(b *testing.B) {
	p := fewRolesMatrix(1)
	for b.Loop() {
		if _, err := SolveMatrix(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSolveSquare(b *testing.B) {
	p := squareMatrix(1, 1000)
	for b.Loop() {
		if _, err := SolveMatrix(p); err != nil {
			b.Fatal(err)
		}
	}
}

var nan = math.NaN()
