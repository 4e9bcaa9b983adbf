package assess

import (
	"slices"
	"testing"
)

// guideBank is a bank of four facets a, b, c, d with questions a1…d4.
func guideBank(t *testing.T) *InterviewBank {
	t.Helper()
	facets := func(id string) (map[string]string, bool) {
		return map[string]string{"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"}, id == "q"
	}
	src := "kind: interview-bank\nid: b\nversion: 1\nquestionnaire: q\nfacets:\n" +
		bankFacet("a", "a") + bankFacet("b", "b") + bankFacet("c", "c") + bankFacet("d", "d") + bankFacet("e", "e") + bankFlags()
	b, err := ParseInterviewBank("b.yaml", []byte(src), facets)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func guideFacets(g Guide) []string {
	var ids []string
	for _, f := range g.Facets {
		ids = append(ids, f.Facet+":"+f.Reason)
	}
	return ids
}

func fp(v float64) *float64 { return &v }

func TestMakeGuideChoosesFacets(t *testing.T) {
	b := guideBank(t)
	tests := []struct {
		name string
		in   GuideInput
		want []string
	}{{
		// Priorities: a 0.5·(3.5−2.5) = 0.5, b 0.3·(3.5−2) = 0.45,
		// c 0.2·(3.5−3.4) = 0.02; d is not needed by the role.
		name: "below the cut, by weight × gap",
		in: GuideInput{Cut: 3.5, Target: map[string]float64{"a": 0.5, "b": 0.3, "c": 0.2},
			Scores: map[string]FacetStanding{"a": {Score: 2.5}, "b": {Score: 2}, "c": {Score: 3.4}, "d": {Score: 1}, "e": {Score: 4}}},
		want: []string{"a:below", "b:below", "c:below"},
	}, {
		// A larger gap on a lighter facet can outrank a heavier one:
		// a 0.6·0.1 = 0.06 < b 0.4·1.5 = 0.6.
		name: "a wide gap on a lighter facet comes first",
		in: GuideInput{Cut: 3.5, Target: map[string]float64{"a": 0.6, "b": 0.4},
			Scores: map[string]FacetStanding{"a": {Score: 3.4}, "b": {Score: 2}, "c": {Score: 1}, "d": {Score: 1}, "e": {Score: 1}}},
		want: []string{"b:below", "a:below"},
	}, {
		// Nothing below the cut: c's band reaches below it, b is within a
		// quarter point without a band, a is clear of it (band above), d
		// has no score. Borderline and unknown go by weight.
		name: "borderline and unknown next",
		in: GuideInput{Cut: 3.5, Target: map[string]float64{"a": 0.4, "b": 0.1, "c": 0.3, "d": 0.2},
			Scores: map[string]FacetStanding{"a": {Score: 4.5, Low: fp(4), High: fp(5)}, "b": {Score: 3.6},
				"c": {Score: 3.9, Low: fp(3.2), High: fp(4.6)}, "e": {Score: 1}}},
		want: []string{"c:borderline", "d:unknown", "b:borderline"},
	}, {
		// A strong candidate for a one-facet role still gets two facets:
		// the role's facet, then the bank's lowest score.
		name: "filled up to two",
		in: GuideInput{Cut: 3.5, Target: map[string]float64{"a": 1},
			Scores: map[string]FacetStanding{"a": {Score: 4.8}, "b": {Score: 4.5}, "c": {Score: 4.1}, "d": {Score: 4.9}, "e": {Score: 4.6}}},
		want: []string{"a:fill", "c:fill"},
	}, {
		name: "at most four",
		in: GuideInput{Cut: 4, Target: map[string]float64{"a": 0.2, "b": 0.2, "c": 0.2, "d": 0.2, "e": 0.2},
			Scores: map[string]FacetStanding{"a": {Score: 1}, "b": {Score: 2}, "c": {Score: 3}, "d": {Score: 3.5}, "e": {Score: 3.9}}},
		want: []string{"a:below", "b:below", "c:below", "d:below"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := MakeGuide(b, tt.in)
			if got := guideFacets(g); !slices.Equal(got, tt.want) {
				t.Errorf("facets %v, want %v", got, tt.want)
			}
			for _, f := range g.Facets {
				if len(f.Questions) != GuideQuestions || f.Anchors[1] == "" || f.Anchors[5] == "" {
					t.Errorf("facet %s: %d questions, anchors %v", f.Facet, len(f.Questions), f.Anchors)
				}
			}
		})
	}
}

func TestMakeGuideFlagProbes(t *testing.T) {
	b := guideBank(t)
	g := MakeGuide(b, GuideInput{Cut: 3, Flags: []string{CheckVirtues, CheckSpeed}})
	if len(g.Flags) != 2 || g.Flags[0].Flag != CheckSpeed || g.Flags[1].Flag != CheckVirtues || len(g.Flags[0].Probes) == 0 {
		t.Errorf("flag probes %+v, want speed then virtues, with probes", g.Flags)
	}
}

func TestFacetTargetsSharesComposites(t *testing.T) {
	q := &Questionnaire{Composites: []Composite{{ID: "hunter"}}, Scales: []Scale{{ID: "a", Composite: "hunter"}, {ID: "b", Composite: "hunter"}, {ID: "c"}}}
	got := FacetTargets(q, map[string]float64{"hunter": 0.6, "a": 0.1, "c": 0.3, "zz": 1})
	want := map[string]float64{"a": 0.4, "b": 0.3, "c": 0.3}
	for k, w := range want {
		if d := got[k] - w; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	if len(got) != 3 {
		t.Errorf("targets %v, want only a, b, c", got)
	}
}
