package fairness

import (
	"math"
	"testing"
)

func find(t *testing.T, rep Report, name string) Group {
	t.Helper()
	for _, g := range rep.Groups {
		if g.Group == name {
			return g
		}
	}
	t.Fatalf("no group %q in %+v", name, rep.Groups)
	return Group{}
}

// EEOC's own example (Select Issues: Assessing Adverse Impact in Software,
// Algorithms, and AI, 2023): a personality test passed by 48 of 80 White
// applicants (60%) and 12 of 40 Black applicants (30%): impact ratio 0.50.
func TestAnalyseEEOCExample(t *testing.T) {
	rep := Analyse([]Count{
		{Group: "black_or_african_american", Assessed: 40, Selected: 12},
		{Group: "white", Assessed: 80, Selected: 48},
	}, Options{})
	if rep.Reference != "white" {
		t.Fatalf("reference = %q, want white", rep.Reference)
	}
	w, b := find(t, rep, "white"), find(t, rep, "black_or_african_american")
	if !w.Reference || w.P != nil || w.Ratio == nil || *w.Ratio != 1 || w.BelowFourFifths || w.Shortfall != 0 {
		t.Errorf("reference group = %+v, want ratio 1, no p, no flag", w)
	}
	if b.Rate != 0.3 || b.Ratio == nil || math.Abs(*b.Ratio-0.5) > 1e-15 {
		t.Errorf("rate %v ratio %v, want 0.3 and 0.5", b.Rate, b.Ratio)
	}
	if !b.BelowFourFifths {
		t.Error("ratio 0.5 not flagged")
	}
	// By hand: ⌈0.8 · 0.6 · 40⌉ − 12 = ⌈19.2⌉ − 12 = 8.
	if b.Shortfall != 8 {
		t.Errorf("shortfall = %d, want 8", b.Shortfall)
	}
	// SciPy 1.10.1: fisher_exact([[48, 32], [12, 28]])[1].
	const want = 0.0034092217678491827
	if b.P == nil || math.Abs(*b.P-want) > 1e-9*want {
		t.Errorf("p = %v, want %v", deref(b.P), want)
	}
}

// A ratio of exactly four fifths is not below it, however the division rounds;
// one selection fewer is, with a shortfall of one.
func TestAnalyseFourFifthsBoundary(t *testing.T) {
	for _, c := range []struct {
		selected, shortfall int
		flag                bool
	}{{40, 0, false}, {39, 1, true}, {41, 0, false}} {
		rep := Analyse([]Count{{"a", 70, 35}, {"b", 100, c.selected}}, Options{})
		b := find(t, rep, "b")
		if b.BelowFourFifths != c.flag || b.Shortfall != c.shortfall {
			t.Errorf("b selected %d of 100 against 35 of 70: flag %v shortfall %d, want %v %d",
				c.selected, b.BelowFourFifths, b.Shortfall, c.flag, c.shortfall)
		}
	}
	// 0.8 · (3/10) · 7 = 1.68 → 2 needed; 0.8 · (1/2) · 10 = 4 exactly → 4.
	if got := Shortfall(Count{"r", 10, 3}, Count{"g", 7, 0}); got != 2 {
		t.Errorf("Shortfall(3/10, 0/7) = %d, want 2", got)
	}
	if got := Shortfall(Count{"r", 10, 5}, Count{"g", 10, 3}); got != 1 {
		t.Errorf("Shortfall(5/10, 3/10) = %d, want 1", got)
	}
}

func TestAnalyseSmallGroups(t *testing.T) {
	counts := []Count{
		{"female", 240, 96},
		{"male", 250, 130},
		{"another", 4, 4}, // fewer than 5: its 100% must not become the reference
		{"tiny", 9, 1},    // 9 of 503 is 1.8%: under 2%
		{"small", 11, 2},  // 11 of 503 is 2.2%: stays
	}
	rep := Analyse(counts, Options{ExcludeUnder2Pct: true})
	if rep.Reference != "male" {
		t.Fatalf("reference = %q, want male (another has fewer than 5, tiny is under 2%%)", rep.Reference)
	}
	if g := find(t, rep, "another"); g.Excluded != ReasonFewerThan5 || g.Ratio != nil || g.P != nil || g.BelowFourFifths {
		t.Errorf("another = %+v, want left out as fewer than 5", g)
	}
	if g := find(t, rep, "tiny"); g.Excluded != ReasonUnder2Pct || g.Ratio != nil {
		t.Errorf("tiny = %+v, want left out as under 2%%", g)
	}
	if g := find(t, rep, "small"); g.Excluded != "" || g.Ratio == nil {
		t.Errorf("small = %+v, want in the ratios", g)
	}
	// Without the 2% rule the tiny group stays in.
	rep = Analyse(counts, Options{})
	if g := find(t, rep, "tiny"); g.Excluded != "" || g.Ratio == nil || !g.BelowFourFifths {
		t.Errorf("tiny without the 2%% rule = %+v, want in the ratios and flagged", g)
	}
	// female: 0.4 / 0.52 = 0.769 → flagged; shortfall ⌈0.8·0.52·240⌉ − 96 = ⌈99.84⌉ − 96 = 4.
	f := find(t, rep, "female")
	if !f.BelowFourFifths || f.Shortfall != 4 || math.Abs(*f.Ratio-0.4/0.52) > 1e-12 {
		t.Errorf("female = %+v ratio %v, want flagged with shortfall 4", f, *f.Ratio)
	}
}

func TestAnalyseNobodySelected(t *testing.T) {
	rep := Analyse([]Count{{"a", 10, 0}, {"b", 20, 0}}, Options{})
	for _, g := range rep.Groups {
		if g.Ratio != nil || g.P != nil || g.BelowFourFifths || g.Shortfall != 0 {
			t.Errorf("%s = %+v, want no ratios when nobody was selected", g.Group, g)
		}
	}
	if rep.Reference != "" {
		t.Errorf("reference = %q, want none when nobody was selected", rep.Reference)
	}
	// On a tie of rates the larger group is the reference.
	if rep := Analyse([]Count{{"a", 10, 5}, {"b", 20, 10}}, Options{}); rep.Reference != "b" {
		t.Errorf("reference = %q, want the larger group b on a tie", rep.Reference)
	}
	if rep := Analyse([]Count{{"a", 3, 1}}, Options{}); rep.Reference != "" {
		t.Errorf("reference = %q with only a group under 5, want none", rep.Reference)
	}
}

func TestAnalyseClampsSelected(t *testing.T) {
	rep := Analyse([]Count{{"a", 10, 12}, {"b", 10, -3}}, Options{})
	if a := find(t, rep, "a"); a.Selected != 10 || a.Rate != 1 {
		t.Errorf("a = %+v, want selected clamped to 10", a)
	}
	if b := find(t, rep, "b"); b.Selected != 0 || b.Shortfall != 8 {
		t.Errorf("b = %+v, want selected clamped to 0, shortfall 8", b)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
