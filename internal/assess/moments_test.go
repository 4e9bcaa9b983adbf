package assess

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestMomentsByHand(t *testing.T) {
	tests := []struct {
		name     string
		values   []float64
		n        int
		mean, sd float64
		zOf, z   float64 // z of zOf; NaN when undefined
	}{
		{"empty", nil, 0, 0, 0, 1, math.NaN()},
		{"one value", []float64{2}, 1, 2, 0, 1, math.NaN()},
		// mean 5; squares 9+1+1+9 = 20; SD = sqrt(20/3) = 2.5820
		{"four values", []float64{2, 4, 6, 8}, 4, 5, math.Sqrt(20.0 / 3), 7, 2 / math.Sqrt(20.0/3)},
		{"not finite left out", []float64{2, math.NaN(), 4, math.Inf(1), 6, 8}, 4, 5, math.Sqrt(20.0 / 3), 7, 2 / math.Sqrt(20.0/3)},
		{"no spread", []float64{3, 3, 3}, 3, 3, 0, 4, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMoments(tt.values)
			if m.N() != tt.n || math.Abs(m.Mean-tt.mean) > 1e-12 || math.Abs(m.SD()-tt.sd) > 1e-12 {
				t.Errorf("n %d mean %v sd %v, want %d %v %v", m.N(), m.Mean, m.SD(), tt.n, tt.mean, tt.sd)
			}
			z, ok := m.Z(tt.zOf)
			if ok == math.IsNaN(tt.z) || (ok && math.Abs(z-tt.z) > 1e-12) {
				t.Errorf("Z(%v) = %v, %v; want %v", tt.zOf, z, ok, tt.z)
			}
		})
	}
}

// Adding values one at a time, as a snapshot updated on each response is,
// gives the mean and SD of the two-pass formula over all of them
// (sampleMeanSD, an independent implementation).
func TestMomentsAddMatchesTwoPass(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for trial := range 20 {
		n := 2 + rng.IntN(500)
		xs := make([]float64, n)
		var m Moments
		for i := range xs {
			xs[i] = 1e3 + rng.NormFloat64() // a large offset tests stability
			m.Add(xs[i])
		}
		mean, sd := sampleMeanSD(xs)
		if m.N() != n || math.Abs(m.Mean-mean) > 1e-9 || math.Abs(m.SD()-sd) > 1e-9 {
			t.Errorf("trial %d: incremental n %d mean %v sd %v, two-pass %d %v %v", trial, m.N(), m.Mean, m.SD(), n, mean, sd)
		}
	}
}
