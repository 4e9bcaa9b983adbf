package assess

import (
	"math"
	"math/rand/v2"
	"testing"
)

// OptionsFromSample measures the same reliabilities, norms and IRV
// reference as OptionsFrom on the same responses, without the item
// statistics OptionsFrom also computes.
func TestOptionsFromSampleAgreesWithOptionsFrom(t *testing.T) {
	q := shippedSalesService(t)
	rng := rand.New(rand.NewPCG(11, 12))
	var earlier []Earlier
	var answers []map[string]int
	scores := map[string][]float64{}
	for i := range 250 {
		s := Simulation{Traits: RandomTraits(q, rng)}
		if i%10 == 0 {
			s.Style = StyleRandom
		}
		r := Simulate(q, rng, s)
		if i%7 == 0 {
			delete(r.Answers, "inf1") // some missing answers: pairwise statistics
		}
		res := Score(q, r, Options{})
		earlier = append(earlier, Earlier{Answers: r.Answers, Result: res})
		answers = append(answers, r.Answers)
		for _, list := range [][]ScaleScore{res.Scales, res.Composites} {
			for _, sc := range list {
				if sc.Score != nil {
					scores[sc.ID] = append(scores[sc.ID], *sc.Score)
				}
			}
		}
	}
	want := OptionsFrom(q, earlier)
	got := OptionsFromSample(q, answers, scores)
	if len(got.Reliability) != len(want.Reliability) || len(want.Reliability) == 0 {
		t.Fatalf("%d reliabilities, want %d", len(got.Reliability), len(want.Reliability))
	}
	for id, w := range want.Reliability {
		g := got.Reliability[id]
		if math.Abs(g.Alpha-w.Alpha) > 1e-12 || math.Abs(g.SD-w.SD) > 1e-12 || g.N != w.N {
			t.Errorf("%s: got %+v, want %+v", id, g, w)
		}
	}
	for id := range scores {
		gr, _ := got.Norms.Reference(id)
		wr, _ := want.Norms.Reference(id)
		if gr.N() != wr.N() || gr.Percentile(3.5) != wr.Percentile(3.5) {
			t.Errorf("%s norms: n %d vs %d", id, gr.N(), wr.N())
		}
	}
	if got.IRV.N() != want.IRV.N() || math.Abs(got.IRV.Mean-want.IRV.Mean) > 1e-12 || (got.Answers == nil) != (want.Answers == nil) {
		t.Errorf("IRV reference: n %d mean %g, want n %d mean %g", got.IRV.N(), got.IRV.Mean, want.IRV.N(), want.IRV.Mean)
	}
}
