package assess

import (
	"math"
	"reflect"
	"testing"
)

// levelAnswers answers every scored item so that each facet of a composite
// scores exactly the level given for it: key 1 items get the level, key −1
// items its reversal. Composites not in levels are left unanswered.
func levelAnswers(q *Questionnaire, levels map[string]int) map[string]int {
	a := map[string]int{}
	for _, it := range q.Items() {
		if it.Kind != KindScored {
			continue
		}
		s, _ := q.ScaleByID(it.Scale)
		lv, ok := levels[s.Composite]
		if !ok {
			continue
		}
		a[it.ID] = lv
		if it.Key < 0 {
			a[it.ID] = q.Scale.Reverse(lv)
		}
	}
	return a
}

func TestProfileClasses(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	cut := func(v float64) *float64 { return &v }
	narrow := map[string]MeasuredReliability{"hunter": {Alpha: 0.75, SD: 0.4, N: 100}} // SEM 0.2
	wide := map[string]MeasuredReliability{"hunter": {Alpha: 0.75, SD: 0.6, N: 100}}   // SEM 0.3
	tests := []struct {
		name       string
		levels     map[string]int
		opt        Options
		class      Class
		borderline []string
	}{
		{"hunter", map[string]int{"hunter": 4, "farmer": 2}, Options{}, ClassHunter, nil},
		{"farmer", map[string]int{"hunter": 2, "farmer": 4}, Options{}, ClassFarmer, nil},
		{"ambidextrous", map[string]int{"hunter": 5, "farmer": 4}, Options{}, ClassAmbidextrous, nil},
		{"developing", map[string]int{"hunter": 3, "farmer": 3}, Options{}, ClassDeveloping, nil},
		{"at the cut is high", map[string]int{"hunter": 4, "farmer": 4}, Options{Cut: cut(4)}, ClassAmbidextrous, nil},
		{"higher cut", map[string]int{"hunter": 4, "farmer": 4}, Options{Cut: cut(4.5)}, ClassDeveloping, nil},
		{"NaN cut means the default", map[string]int{"hunter": 4, "farmer": 3}, Options{Cut: cut(math.NaN())}, ClassHunter, nil},
		{"unknown when a composite is missing", map[string]int{"hunter": 4}, Options{}, ClassUnknown, nil},
		// band 4 ± 1.96·0.2 = 3.608..4.392 does not contain 3.5
		{"clear of the cut", map[string]int{"hunter": 4, "farmer": 2}, Options{Reliability: narrow}, ClassHunter, nil},
		// band 4 ± 1.96·0.3 = 3.412..4.588 contains 3.5
		{"borderline", map[string]int{"hunter": 4, "farmer": 2}, Options{Reliability: wide}, ClassHunter, []string{"hunter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Score(q, Response{Answers: levelAnswers(q, tt.levels)}, tt.opt)
			p := res.Profile
			if p == nil {
				t.Fatal("no profile")
			}
			if p.Class != tt.class {
				t.Errorf("class = %s, want %s (%s)", p.Class, tt.class, p.Reason)
			}
			if p.Borderline != (tt.borderline != nil) || !reflect.DeepEqual(p.BorderlineOn, tt.borderline) {
				t.Errorf("borderline = %v on %v, want on %v (%s)", p.Borderline, p.BorderlineOn, tt.borderline, p.Reason)
			}
		})
	}
}

func TestProfileReason(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	res := Score(q, Response{Answers: levelAnswers(q, map[string]int{"hunter": 4, "farmer": 2})},
		Options{Reliability: map[string]MeasuredReliability{"hunter": {Alpha: 0.75, SD: 0.6, N: 100}}})
	want := "hunter 4.00 is at or above the cut 3.50 (band 3.41–4.59), borderline: the band contains the cut; farmer 2.00 is below the cut 3.50"
	if res.Profile.Reason != want || res.Profile.Cut != 3.5 {
		t.Errorf("reason = %q, cut %v\nwant     %q", res.Profile.Reason, res.Profile.Cut, want)
	}
	res = Score(q, Response{Answers: levelAnswers(q, map[string]int{"hunter": 4})}, Options{})
	want = "hunter 4.00 is at or above the cut 3.50; farmer has no score (0 of 2 facets scored; at least 2 needed)"
	if res.Profile.Reason != want {
		t.Errorf("reason = %q\nwant     %q", res.Profile.Reason, want)
	}
}

func TestNoProfileWithoutHunterAndFarmer(t *testing.T) {
	q := mustParseFixture(t, "minimal.yaml")
	res := Score(q, Response{Answers: map[string]int{"E1": 4}}, Options{})
	if res.Profile != nil || res.Preference != nil {
		t.Errorf("minimal questionnaire: profile %+v preference %+v, want none", res.Profile, res.Preference)
	}
	if len(res.Composites) != 0 || len(res.Scales) != 2 {
		t.Errorf("composites %v scales %v", res.Composites, res.Scales)
	}
}

func TestPreferenceIndex(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	tests := []struct {
		answers map[string]int
		want    *float64
	}{
		// p1 and p2 list hunter first, p3 farmer first.
		{map[string]int{"p1": 1, "p2": 1, "p3": 2}, ptrTo(1)},        // 3 hunter: (3−0)/3
		{map[string]int{"p1": 2, "p2": 2, "p3": 1}, ptrTo(-1)},       // 3 farmer
		{map[string]int{"p1": 1, "p2": 2, "p3": 1}, ptrTo(-1.0 / 3)}, // 1 hunter, 2 farmer
		{map[string]int{"p1": 1, "p2": 1}, nil},                      // 2 of 3 < 75%
	}
	for _, tt := range tests {
		p := Score(q, Response{Answers: tt.answers}, Options{}).Preference
		switch {
		case tt.want == nil && p.Index != nil:
			t.Errorf("%v: index %v, want none", tt.answers, *p.Index)
		case tt.want != nil && (p.Index == nil || !near(*p.Index, *tt.want)):
			t.Errorf("%v: index %v, want %v", tt.answers, p.Index, *tt.want)
		}
	}
}

func ptrTo(v float64) *float64 { return &v }

// TestWithCutEqualsScoring checks that placing a stored result again with
// another cut gives what scoring with that cut gives, class, borderline and
// reason alike, so a changed cut can be applied at read time.
func TestWithCutEqualsScoring(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	wide := map[string]MeasuredReliability{"hunter": {Alpha: 0.75, SD: 0.6, N: 100}, "farmer": {Alpha: 0.8, SD: 0.5, N: 100}}
	for _, levels := range []map[string]int{{"hunter": 4, "farmer": 2}, {"hunter": 3, "farmer": 5}, {"hunter": 4}} {
		for _, cut := range []float64{1, 2.5, 3, 3.5, 3.9, 4, 4.5, 5} {
			ans := Response{Answers: levelAnswers(q, levels)}
			stored := Score(q, ans, Options{Reliability: wide})
			stored.WithCut(cut)
			want := Score(q, ans, Options{Reliability: wide, Cut: &cut}).Profile
			if !reflect.DeepEqual(stored.Profile, want) {
				t.Errorf("levels %v cut %g: got %+v, want %+v", levels, cut, stored.Profile, want)
			}
		}
	}
	var none Result
	none.WithCut(3) // no profile: nothing to place
	if none.Profile != nil {
		t.Errorf("a result without a profile got one: %+v", none.Profile)
	}
}
