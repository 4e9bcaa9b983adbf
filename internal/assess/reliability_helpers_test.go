package assess

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestReverseAnswer(t *testing.T) {
	tests := []struct{ x, lo, hi, want float64 }{
		{1, 1, 5, 5}, {2, 1, 5, 4}, {3, 1, 5, 3}, {7, 1, 7, 1}, {0, 0, 4, 4},
	}
	for _, tt := range tests {
		if got := ReverseAnswer(tt.x, tt.lo, tt.hi); got != tt.want {
			t.Errorf("ReverseAnswer(%g, %g, %g) = %g, want %g", tt.x, tt.lo, tt.hi, got, tt.want)
		}
		if got := ReverseAnswer(ReverseAnswer(tt.x, tt.lo, tt.hi), tt.lo, tt.hi); got != tt.x {
			t.Errorf("reversing %g twice gives %g", tt.x, got)
		}
	}
	if got := ReverseAnswer(math.NaN(), 1, 5); !math.IsNaN(got) {
		t.Errorf("ReverseAnswer(NaN) = %g, want NaN (still missing)", got)
	}
}

func TestParseMissingMode(t *testing.T) {
	for _, m := range []MissingMode{Pairwise, Listwise} {
		got, err := ParseMissingMode(m.String())
		if err != nil || got != m {
			t.Errorf("ParseMissingMode(%q) = %v, %v; want %v", m.String(), got, err, m)
		}
	}
	if _, err := ParseMissingMode("casewise"); err == nil {
		t.Error("ParseMissingMode(casewise) succeeded, want an error")
	}
}

// TestPinvDiag checks the pseudo-inverse against a matrix with a known one:
// R = [[1 1] [1 1]] has R⁺ = R/4, and a full-rank matrix has R⁺ = R⁻¹.
func TestPinvDiag(t *testing.T) {
	tests := []struct {
		name string
		a    []float64
		k    int
		want []float64
	}{
		{"rank one", []float64{1, 1, 1, 1}, 2, []float64{0.25, 0.25}},
		{"identity", []float64{1, 0, 0, 1}, 2, []float64{1, 1}},
		// [[1 .5] [.5 1]]⁻¹ = [[1 −.5] [−.5 1]]/.75
		{"full rank", []float64{1, .5, .5, 1}, 2, []float64{1 / .75, 1 / .75}},
		// Indefinite, as a pairwise matrix can be: inverse diag is 1/(1−r²) < 0.
		{"indefinite", []float64{1, 2, 2, 1}, 2, []float64{-1.0 / 3, -1.0 / 3}},
	}
	for _, tt := range tests {
		got := pinvDiag(tt.a, tt.k)
		for j := range tt.want {
			if math.Abs(got[j]-tt.want[j]) > 1e-12 {
				t.Errorf("%s: diag[%d] = %.15g, want %.15g", tt.name, j, got[j], tt.want[j])
			}
		}
	}
}

// benchmarkAnswers simulates n respondents to a 6-item scale with a few
// missing answers.
func benchmarkAnswers(n int) [][]float64 {
	rng := rand.New(rand.NewPCG(7, 11))
	x := make([][]float64, n)
	for r := range x {
		f := rng.NormFloat64()
		x[r] = make([]float64, 6)
		for j := range x[r] {
			v := math.Round(3 + 0.8*f + rng.NormFloat64())
			x[r][j] = math.Max(1, math.Min(5, v))
			if rng.Float64() < 0.02 {
				x[r][j] = math.NaN()
			}
		}
	}
	return x
}

// BenchmarkReliability measures one scale of 6 items over 100,000
// respondents (docs/PERFORMANCE.md: at most 200 ms).
func BenchmarkReliability(b *testing.B) {
	x := benchmarkAnswers(100_000)
	items := []string{"i1", "i2", "i3", "i4", "i5", "i6"}
	for _, mode := range []MissingMode{Pairwise, Listwise} {
		b.Run(mode.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Reliability("bench", items, x, mode); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
