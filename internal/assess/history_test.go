package assess

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// earlierResponses simulates n attentive responses and scores each
// against none, as the first responses of an organisation are.
func earlierResponses(t *testing.T, q *Questionnaire, n int) []Earlier {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	var out []Earlier
	for i := 0; i < n; i++ {
		r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng)})
		out = append(out, Earlier{Answers: r.Answers, Result: Score(q, r, Options{})})
	}
	return out
}

func TestOptionsFromHistory(t *testing.T) {
	q := shippedSalesService(t)
	if opt := OptionsFrom(q, nil); opt.Norms != nil || opt.Reliability != nil || opt.IRV != nil {
		t.Errorf("options from no history = %+v, want empty", opt)
	}
	few := earlierResponses(t, q, MinReferenceN-1)
	opt := OptionsFrom(q, few)
	if opt.Reliability != nil {
		t.Errorf("reliability measured on %d responses; needs %d", len(few), MinReferenceN)
	}
	res := Score(q, Simulate(q, rand.New(rand.NewPCG(1, 2)), Simulation{}), opt)
	if c := res.Composites[0]; c.Norm != nil || c.NormNote == "" || c.Band != nil || c.BandNote == "" {
		t.Errorf("with %d earlier responses: norm %v (%q), band %v (%q); want none, with notes", len(few), c.Norm, c.NormNote, c.Band, c.BandNote)
	}
	enough := earlierResponses(t, q, MinReferenceN+10)
	opt = OptionsFrom(q, enough)
	for _, id := range []string{"influence", "hunter", "farmer"} {
		r, ok := opt.Reliability[id]
		if !ok || r.N != len(enough) || r.Alpha <= 0.5 || r.Alpha >= 1 || r.SD <= 0 {
			t.Errorf("reliability of %s = %+v, want alpha in (0.5, 1) over %d responses", id, r, len(enough))
		}
	}
	if opt.IRV == nil || opt.IRV.N() != len(enough) {
		t.Errorf("IRV reference of %v responses", opt.IRV)
	}
	if opt.Answers != nil {
		t.Errorf("distance reference built from %d responses; the check needs 200", len(enough))
	}
	res = Score(q, Simulate(q, rand.New(rand.NewPCG(1, 2)), Simulation{}), opt)
	for _, c := range res.Composites {
		if c.Norm == nil || c.Norm.N != len(enough) || !c.Norm.Provisional || c.Band == nil {
			t.Errorf("%s with %d earlier responses: norm %+v, band %+v", c.ID, len(enough), c.Norm, c.Band)
		}
	}
}

// With 200 complete earlier responses the distance check has its reference,
// and it states the reference's n.
func TestOptionsFromHistoryDistance(t *testing.T) {
	q := shippedSalesService(t)
	earlier := earlierResponses(t, q, 200)
	opt := OptionsFrom(q, earlier)
	if opt.Answers == nil || opt.Answers.N() != 200 {
		t.Fatalf("distance reference %+v, want 200 responses", opt.Answers)
	}
	res := Score(q, Simulate(q, rand.New(rand.NewPCG(1, 2)), Simulation{Traits: RandomTraits(q, rand.New(rand.NewPCG(3, 4)))}), opt)
	c, _ := res.Quality.Check(CheckDistance)
	if c.Status == StatusSkipped || !strings.Contains(c.Detail, "from the organisation's 200 earlier responses") {
		t.Errorf("distance check %+v", c)
	}
}
