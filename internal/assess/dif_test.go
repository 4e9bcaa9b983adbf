package assess

import (
	"math"
	"math/rand/v2"
	"testing"
)

// casesOf expands strata written as (A, B, C, D), the reference group's
// keyed and other answers and the focal group's, into cases, stratum k
// holding the k-th.
func casesOf(strata [][4]int) []DIFCase {
	var out []DIFCase
	for k, s := range strata {
		add := func(n int, group string, keyed bool) {
			for range n {
				out = append(out, DIFCase{Group: group, Stratum: k, Keyed: keyed})
			}
		}
		add(s[0], "ref", true)
		add(s[1], "ref", false)
		add(s[2], "focal", true)
		add(s[3], "focal", false)
	}
	return out
}

func closeTo(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// Two strata worked by hand: stratum 1 (A, B, C, D) = (3, 1, 1, 3), stratum
// 2 = (2, 2, 1, 3), each T = 8.
//
//	α = (3·3/8 + 2·3/8) / (1·1/8 + 2·1/8) = 1.875/0.375 = 5, Δ = −2.35·ln 5
//	ΣA = 5, ΣE(A) = 4·4/8 + 4·3/8 = 3.5, ΣVar(A) = (256 + 240)/(64·7) = 31/28
//	χ² = (1.5 − 0.5)²·28/31 = 28/31
//	Var(ln α) = 1.3125/(2·1.875²) + 0.8125/(2·1.875·0.375) + 0.125/(2·0.375²)
//	          = 14/75 + 26/45 + 4/9 = 272/225
//
// The same strata with every count twenty times: α and the P and Q of each
// stratum are the same, ΣA − ΣE(A) = 30, ΣVar(A) = 3100/159, so
// χ² = 29.5²·159/3100, and every term of Var(ln α) is a twentieth.
func TestMantelHaenszelByHand(t *testing.T) {
	hand := MantelHaenszel(casesOf([][4]int{{3, 1, 1, 3}, {2, 2, 1, 3}}), "ref", "focal")
	delta := -2.35 * math.Log(5)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"alpha", hand.Alpha, 5},
		{"delta", hand.Delta, delta},
		{"chi-square", hand.ChiSquare, 28.0 / 31},
		{"SE", hand.SE, 2.35 * math.Sqrt(272.0/225)},
	}
	scaled := MantelHaenszel(casesOf([][4]int{{60, 20, 20, 60}, {40, 40, 20, 60}}), "ref", "focal")
	checks = append(checks, []struct {
		name      string
		got, want float64
	}{
		{"scaled alpha", scaled.Alpha, 5},
		{"scaled chi-square", scaled.ChiSquare, 29.5 * 29.5 * 159 / 3100},
		{"scaled SE", scaled.SE, 2.35 * math.Sqrt(272.0/225/20)},
	}...)
	for _, c := range checks {
		if !closeTo(c.got, c.want, 1e-12) {
			t.Errorf("%s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
	// Large but not significant on 16 respondents: A. The same effect on
	// 320 is large and significantly above 1: C.
	if hand.Class != DIFNegligible || scaled.Class != DIFLarge {
		t.Errorf("classes %s and %s, want A and C", hand.Class, scaled.Class)
	}
	if hand.NReference != 8 || hand.NFocal != 8 || scaled.NReference != 160 {
		t.Errorf("counted %d and %d (scaled %d), want 8, 8 and 160", hand.NReference, hand.NFocal, scaled.NReference)
	}
}

// The figures of R's mantelhaen.test (R 4.2.2, package stats) on the same
// strata, printed by testdata/dif/reference.R: the common odds ratio, χ²
// with the continuity correction and its p-value, and the SE of ln α read
// back from R's 95% interval (Robins–Breslow–Greenland).
func TestMantelHaenszelAgreesWithR(t *testing.T) {
	tests := []struct {
		name                  string
		strata                [][4]int
		alpha, chi2, p, seLog float64
		class                 DIFClass
	}{
		{"hand", [][4]int{{3, 1, 1, 3}, {2, 2, 1, 3}},
			5.000000000000, 0.903225806452, 0.341918223989, 1.099494833498, DIFNegligible},
		{"scaled", [][4]int{{60, 20, 20, 60}, {40, 40, 20, 60}},
			5.000000000000, 44.635403225806, 2.37360597494e-11, 0.245854518861, DIFLarge},
		{"five", [][4]int{{10, 30, 8, 32}, {25, 25, 18, 32}, {40, 20, 30, 30}, {50, 10, 42, 18}, {30, 5, 28, 9}},
			1.852941176471, 8.649612141739, 0.00327130987183, 0.203152398825, DIFModerate},
		{"even", [][4]int{{20, 20, 19, 21}, {30, 10, 29, 11}, {12, 28, 13, 27}},
			1.038684719536, 0, 1, 0.275528935255, DIFNegligible},
		{"strong", [][4]int{{45, 15, 20, 40}, {30, 30, 12, 48}, {55, 5, 35, 25}, {20, 40, 6, 54}},
			5.297674418605, 57.302542726136, 3.73671822537e-14, 0.226963038624, DIFLarge},
	}
	for _, tt := range tests {
		got := MantelHaenszel(casesOf(tt.strata), "ref", "focal")
		if !closeTo(got.Alpha, tt.alpha, 1e-11) || !closeTo(got.ChiSquare, tt.chi2, 1e-11) ||
			!closeTo(got.P, tt.p, 1e-9) || !closeTo(got.SE/2.35, tt.seLog, 1e-11) {
			t.Errorf("%s: alpha %.12f, χ² %.12f, p %.12g, SE(ln α) %.12f; R: %.12f, %.12f, %.12g, %.12f",
				tt.name, got.Alpha, got.ChiSquare, got.P, got.SE/2.35, tt.alpha, tt.chi2, tt.p, tt.seLog)
		}
		if got.Class != tt.class {
			t.Errorf("%s: class %s (Δ %.3f, SE %.3f), want %s", tt.name, got.Class, got.Delta, got.SE, tt.class)
		}
	}
}

// The ETS classes at their edges (Zwick, 2012): A below |Δ| = 1 or when
// χ² is not significant; C from |Δ| = 1.5 when |Δ| is significantly above
// 1; B between.
func TestETSClasses(t *testing.T) {
	tests := []struct {
		delta, se, chi2 float64
		want            DIFClass
	}{
		{0.99, 0.1, 100, DIFNegligible},
		{-2.5, 0.1, 3.84, DIFNegligible}, // not significant at .05
		{1.0, 0.1, 3.85, DIFModerate},
		{-1.49, 0.1, 50, DIFModerate},
		{1.5, 0.30, 50, DIFLarge},     // (1.5 − 1)/0.30 = 1.67 > 1.645
		{-1.5, 0.31, 50, DIFModerate}, // 1.61: not significantly above 1
		{-3, 1.3, 50, DIFModerate},
	}
	for _, tt := range tests {
		if got := etsClass(tt.delta, tt.se, tt.chi2); got != tt.want {
			t.Errorf("Δ %.2f, SE %.2f, χ² %.2f: class %s, want %s", tt.delta, tt.se, tt.chi2, got, tt.want)
		}
	}
}

// Other groups' cases are left out, strata of one group say nothing, and
// an item everyone answers alike has no figures.
func TestMantelHaenszelEdges(t *testing.T) {
	cases := casesOf([][4]int{{3, 1, 1, 3}, {2, 2, 1, 3}})
	more := append(cases, DIFCase{Group: "other", Stratum: 0, Keyed: true}, DIFCase{Group: "ref", Stratum: 9, Keyed: true},
		DIFCase{Group: "ref", Stratum: 9, Keyed: false})
	a, b := MantelHaenszel(cases, "ref", "focal"), MantelHaenszel(more, "ref", "focal")
	if a != b {
		t.Errorf("another group's cases or a one-group stratum changed the figures:\n%+v\n%+v", a, b)
	}
	all := MantelHaenszel(casesOf([][4]int{{4, 0, 4, 0}, {3, 0, 5, 0}}), "ref", "focal")
	if all.Undefined == "" || all.Class != "" {
		t.Errorf("everyone keyed: %+v, want no figures and a reason", all)
	}
}

// difGroups simulates n attentive respondents of each group to the shipped
// questionnaire; distort changes a focal respondent's answers.
func difGroups(t *testing.T, n int, distort func(map[string]int)) (*Questionnaire, []map[string]int, []string) {
	q := shippedSalesServiceV2(t)
	rng := rand.New(rand.NewPCG(15, 22))
	var answers []map[string]int
	var groups []string
	for _, g := range []string{"en", "es"} {
		for range n {
			r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng)})
			if g == "es" && distort != nil {
				distort(r.Answers)
			}
			answers, groups = append(answers, r.Answers), append(groups, g)
		}
	}
	return q, answers, groups
}

// A statement the focal group reads the other way round (a translation
// that says the opposite) shows large DIF; the others do not.
func TestItemsDIFFindsAMistranslatedStatement(t *testing.T) {
	q, answers, groups := difGroups(t, 300, func(a map[string]int) {
		if v, ok := a["drv2"]; ok {
			a["drv2"] = 6 - v
		}
	})
	items := ItemsDIF(q, answers, groups, "en", "es")
	if len(items) != 60 || items[0].Item != "drv1" {
		t.Fatalf("%d items, first %s; want the 60 scored items in page order", len(items), items[0].Item)
	}
	large := LargeDIF(items)
	if len(large) != 1 || large[0].Item != "drv2" || large[0].Scale != "drive" {
		t.Errorf("large DIF in %+v, want drv2 alone", large)
	}
	// The same groups answering alike: no item of class C.
	q, answers, groups = difGroups(t, 300, nil)
	if large := LargeDIF(ItemsDIF(q, answers, groups, "en", "es")); len(large) != 0 {
		t.Errorf("large DIF between groups answering alike: %+v", large)
	}
}
