package assess

import (
	"math"
	"testing"
)

// tensOf returns 10 copies each of 2, 3 and 4: n = 30, mean 3,
// sample SD sqrt((10·1 + 10·0 + 10·1)/29) = sqrt(20/29) ≈ 0.830455.
func tensOf() []float64 {
	var vs []float64
	for _, v := range []float64{2, 3, 4} {
		for range 10 {
			vs = append(vs, v)
		}
	}
	return vs
}

func TestReferenceByHand(t *testing.T) {
	r := NewReference(append(tensOf(), math.NaN(), math.Inf(1)))
	if r.N() != 30 || r.Mean() != 3 || !near(r.SD(), math.Sqrt(20.0/29)) {
		t.Fatalf("N %d mean %v SD %v, want 30, 3, sqrt(20/29)", r.N(), r.Mean(), r.SD())
	}
	tests := []struct {
		x, pct float64
	}{
		{1, 0},                        // nobody below, nobody equal
		{2, 100 * (0 + 0.5*10) / 30},  // 16.67: ten tied, half counted
		{3, 100 * (10 + 0.5*10) / 30}, // 50
		{3.5, 100 * 20.0 / 30},        // 66.67: twenty below
		{4, 100 * (20 + 0.5*10) / 30}, // 83.33
		{5, 100},                      // everybody below
	}
	for _, tt := range tests {
		if got := r.Percentile(tt.x); !near(got, tt.pct) {
			t.Errorf("Percentile(%v) = %v, want %v", tt.x, got, tt.pct)
		}
	}
	// z(3.5) = 0.5/sqrt(20/29) = 0.602078; T = 50 + 10·z = 56.02078
	z, ok := r.Z(3.5)
	if !ok || math.Abs(z-0.6020797289) > 1e-9 {
		t.Errorf("Z(3.5) = %v, %v; want 0.6020797289", z, ok)
	}
}

func TestNormsStanding(t *testing.T) {
	var big []float64
	for range 7 {
		big = append(big, tensOf()...) // 210 scores, same mean
	}
	n := NewNorms(map[string][]float64{
		"bold":  tensOf(),
		"few":   tensOf()[:29],
		"flat":  make([]float64, 40), // all zero: no SD
		"large": big,
	})
	st, ok := n.Standing("bold", 3.5)
	if !ok {
		t.Fatal("no standing for bold")
	}
	if !near(st.Percentile, 200.0/3) || st.T == nil || math.Abs(*st.T-56.020797289) > 1e-8 || st.N != 30 || !st.Provisional || st.Mean != 3 {
		t.Errorf("standing = %+v (T %v), want percentile 66.67, T 56.0208, n 30, provisional", st, st.T)
	}
	if _, ok := n.Standing("few", 3); ok {
		t.Errorf("standing from 29 reference scores; at least %d needed", MinReferenceN)
	}
	if _, ok := n.Standing("absent", 3); ok {
		t.Errorf("standing without a reference group")
	}
	if st, ok := n.Standing("flat", 0); !ok || st.T != nil || st.Percentile != 50 {
		t.Errorf("flat reference: %+v, want percentile 50 and no T", st)
	}
	if st, _ := n.Standing("large", 3); st.Provisional || st.N != 210 {
		t.Errorf("n = 210 standing = %+v, want not provisional", st)
	}
	var none *Norms
	if _, ok := none.Standing("bold", 3); ok {
		t.Errorf("nil norms gave a standing")
	}
}

func TestScoreWithNorms(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	// bold scores 4.5 in handAnswers: above every reference score.
	opt := Options{Norms: NewNorms(map[string][]float64{"bold": tensOf(), "care": {1, 2, 3}})}
	res := Score(q, Response{Answers: handAnswers()}, opt)
	bold := scoreOf(t, res.Scales, "bold")
	// z = 1.5/sqrt(20/29) = 1.806239; T = 68.06239
	if bold.Norm == nil || bold.Norm.Percentile != 100 || math.Abs(*bold.Norm.T-68.06239187) > 1e-7 {
		t.Errorf("bold norm = %+v", bold.Norm)
	}
	if care := scoreOf(t, res.Scales, "care"); care.Norm != nil || care.NormNote != "no norms yet: 3 earlier scores, 30 needed" {
		t.Errorf("care norm %+v note %q", care.Norm, care.NormNote)
	}
	if drive := scoreOf(t, res.Scales, "drive"); drive.Norm != nil || drive.NormNote != "no norms yet: 0 earlier scores, 30 needed" {
		t.Errorf("drive norm %+v note %q", drive.Norm, drive.NormNote)
	}
	if order := scoreOf(t, res.Scales, "order"); order.Norm != nil || order.NormNote != "" {
		t.Errorf("a missing score got a norm: %+v %q", order.Norm, order.NormNote)
	}
}
