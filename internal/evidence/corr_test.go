package evidence

import (
	"math"
	"testing"
)

// near fails the test unless got is within tol of want.
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.12g, want %.12g (±%g)", what, got, want, tol)
	}
}

// Hand-worked: x = 1..5, y = 2,4,5,4,5. Means 3 and 4; deviations
// −2,−1,0,1,2 and −2,0,1,0,1; Σdxdy = 6, Σdx² = 10, Σdy² = 6, so
// r = 6/√60 = 0.774596669…. scipy 1.10.1, stats.pearsonr(x, y) gives
// (0.7745966692414834, p = 0.12402706265755462).
func TestPearsonHandWorked(t *testing.T) {
	x, y := []float64{1, 2, 3, 4, 5}, []float64{2, 4, 5, 4, 5}
	r, ok := Pearson(x, y)
	if !ok {
		t.Fatal("r not defined")
	}
	near(t, "r", r, 6/math.Sqrt(60), 1e-15)
	p, ok := PValue(r, 5)
	if !ok {
		t.Fatal("p not defined")
	}
	near(t, "p", p, 0.12402706265755462, 1e-12)
}

// twelve pairs with tied scores (3.5 twice), computed with scipy 1.10.1:
//
//	stats.pearsonr(x, y)   → 0.9413429590151274, p 4.953513674309132e-06
//	stats.spearmanr(x, y)  → 0.9457107322567676
//	math.tanh(math.atanh(r) ∓ stats.norm.ppf(.975)/math.sqrt(9))
//	                       → 0.7991994529330647, 0.9837728543789034
//	numpy.polyfit(x, y, 1) → slope 26.74743709, intercept −27.33690587
//	numpy.std(x, ddof=1)   → 0.5702205846437983
var (
	tiedX = []float64{3.2, 2.8, 4.1, 3.5, 2.9, 3.8, 4.4, 3.1, 3.5, 2.6, 3.9, 4.0}
	tiedY = []float64{61, 48, 80, 70, 52, 66, 90, 49, 75, 40, 71, 88}
)

func TestCorrelateAgainstScipy(t *testing.T) {
	v := Correlate(tiedX, tiedY, 0)
	if v.N != 12 || v.R == nil || v.Rho == nil || v.Low == nil || v.High == nil || v.P == nil {
		t.Fatalf("figures missing: %+v", v)
	}
	near(t, "r", *v.R, 0.9413429590151274, 1e-12)
	near(t, "rho", *v.Rho, 0.9457107322567676, 1e-12)
	near(t, "ci_low", *v.Low, 0.7991994529330647, 1e-12)
	near(t, "ci_high", *v.High, 0.9837728543789034, 1e-12)
	near(t, "p", *v.P, 4.953513674309132e-06, 1e-15)
	if v.Corrected != nil {
		t.Errorf("corrected without an SD over all respondents: %v", *v.Corrected)
	}
	if !v.Finding() {
		t.Error("12 people with an r are a finding")
	}
	slope, icpt, ok := Line(tiedX, tiedY)
	if !ok {
		t.Fatal("no line")
	}
	near(t, "slope", slope, 26.74743709, 1e-8)
	near(t, "intercept", icpt, -27.33690587, 1e-8)
	sd, _ := SD(tiedX)
	near(t, "sd", sd, 0.5702205846437983, 1e-14)
}

// scipy 1.10.1, stats.rankdata([3.5, 1, 3.5, 2, 7, 7, 7]) →
// [3.5, 1, 3.5, 2, 6, 6, 6].
func TestMidRanks(t *testing.T) {
	got := MidRanks([]float64{3.5, 1, 3.5, 2, 7, 7, 7})
	want := []float64{3.5, 1, 3.5, 2, 6, 6, 6}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("mid-ranks %v, want %v", got, want)
		}
	}
}

// r = .3 over 30 people: t = .3·√(28/.91) = 1.6641…, and scipy 1.10.1
// 2*stats.t.sf(t, 28) = 0.10724594805795437.
func TestPValueAgainstScipy(t *testing.T) {
	p, ok := PValue(0.3, 30)
	if !ok {
		t.Fatal("p not defined")
	}
	near(t, "p", p, 0.10724594805795437, 1e-12)
	if _, ok := PValue(0.3, 2); ok {
		t.Error("p defined over 2 people")
	}
	if p, _ := PValue(-1, 8); p != 0 {
		t.Errorf("p of a perfect correlation %v, want 0", p)
	}
}

// The interval's reach at r = 0: tanh(1.959964/√27) at 30 people and
// tanh(1.959964/2) at 7 (scipy 1.10.1: 0.3602692225955644 and
// 0.753058109366224).
func TestHalfWidth(t *testing.T) {
	h, _ := HalfWidth(30)
	near(t, "half-width at 30", h, 0.3602692225955644, 1e-12)
	h, _ = HalfWidth(7)
	near(t, "half-width at 7", h, 0.753058109366224, 1e-12)
	if _, ok := HalfWidth(3); ok {
		t.Error("half-width defined at 3")
	}
	lo, hi, _ := Interval(0, 30)
	near(t, "interval at r=0", hi, 0.3602692225955644, 1e-12)
	near(t, "interval is symmetric at r=0", lo, -hi, 1e-15)
}

// Thorndike case II by hand: r = .3, u = 2 gives .6/√(1 + .09·3) =
// .6/√1.27 = 0.532414…; u = 1 leaves r alone.
func TestCorrectRangeHandWorked(t *testing.T) {
	c, ok := CorrectRange(0.3, 2, 1)
	if !ok {
		t.Fatal("not corrected")
	}
	near(t, "r_c", c, 0.6/math.Sqrt(1.27), 1e-15)
	c, _ = CorrectRange(0.3, 1.5, 1.5)
	near(t, "r_c at u=1", c, 0.3, 1e-15)
	if _, ok := CorrectRange(0.3, 0, 1); ok {
		t.Error("corrected with no spread over all respondents")
	}
	// Through Correlate: the SD over the n is the sample's own.
	v := Correlate(tiedX, tiedY, 2*0.5702205846437983)
	want := 0.9413429590151274 * 2 / math.Sqrt(1+0.9413429590151274*0.9413429590151274*3)
	if v.Corrected == nil {
		t.Fatal("not corrected")
	}
	near(t, "r_c via Correlate", *v.Corrected, want, 1e-12)
}

// Too few or no spread: nothing is computed, nothing is a finding.
func TestUndefined(t *testing.T) {
	v := Correlate([]float64{1, 2}, []float64{3, 4}, 1)
	if v.R != nil || v.Finding() || v.N != 2 {
		t.Errorf("two pairs gave %+v", v)
	}
	v = Correlate([]float64{1, 2, 3, 4}, []float64{5, 5, 5, 5}, 1)
	if v.R != nil {
		t.Errorf("no spread in the criterion gave r = %v", *v.R)
	}
	v = Correlate(tiedX[:9], tiedY[:9], 0)
	if v.R == nil || v.Finding() {
		t.Errorf("9 people: r should be computed but not called a finding: %+v", v)
	}
	sd, n, ok := SDOfCounts([]float64{1, 2, 3}, []int{1, 2, 1})
	if !ok || n != 4 {
		t.Fatalf("SDOfCounts n = %d", n)
	}
	near(t, "SD of 1,2,2,3", sd, math.Sqrt(2.0/3), 1e-15)
}
