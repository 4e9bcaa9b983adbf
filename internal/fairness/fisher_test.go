package fairness

import (
	"math"
	"testing"
)

// The p-values below were computed with SciPy 1.10.1:
//
//	from scipy.stats import fisher_exact
//	fisher_exact([[a, b], [c, d]], alternative="two-sided")[1]
//
// and the first is also worked by hand.
func TestFisherExactAgainstSciPy(t *testing.T) {
	cases := []struct {
		a, b, c, d int
		want       float64
	}{
		// By hand: margins 4, 4 of 8; the tables' weights C(4,x)·C(4,4−x)
		// are 1, 16, 36, 16, 1 of 70; those no likelier than x = 3 sum to
		// 34/70.
		{3, 1, 1, 3, 34.0 / 70},
		{3, 1, 1, 3, 0.48571428571428565},
		{8, 2, 1, 5, 0.034965034965034975},
		// EEOC's example: pass rates 60% and 30%.
		{60, 40, 30, 70, 3.304592989272319e-05},
		{12, 38, 20, 30, 0.13283909060778196},
		{0, 10, 10, 0, 1.082508822446903e-05},
		{5, 0, 0, 5, 0.007936507936507938},
		{1, 9, 11, 3, 0.0027594561852200836},
		{45, 55, 18, 42, 0.0676303827403483},
		// Thousands of people: the log-space sum keeps its precision.
		{480, 520, 410, 590, 0.0018977276088937688},
		{1500, 3500, 1200, 3800, 1.5834970631324304e-11},
		// Symmetric tables: the tolerance keeps the equally likely
		// mirror image, so p is exactly 1.
		{7, 3, 6, 4, 1.0},
		{0, 5, 0, 7, 1.0},
	}
	for _, c := range cases {
		got := FisherExact(c.a, c.b, c.c, c.d)
		if math.Abs(got-c.want) > 1e-9*math.Max(c.want, 1e-12) && math.Abs(got-c.want) > 1e-15 {
			t.Errorf("FisherExact(%d,%d,%d,%d) = %.17g, want %.17g", c.a, c.b, c.c, c.d, got, c.want)
		}
	}
}

func TestFisherExactRejectsNegativeCounts(t *testing.T) {
	if got := FisherExact(-1, 2, 3, 4); !math.IsNaN(got) {
		t.Errorf("FisherExact(-1,2,3,4) = %v, want NaN", got)
	}
}
