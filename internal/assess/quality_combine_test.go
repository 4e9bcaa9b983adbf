package assess

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// facetAnswers answers sales-service v2 so that every facet's items keyed
// 1 are answered plus[f] and its items keyed −1 are answered so that their
// reversed value is minus[f]; instructed items as asked, virtues 2, choices 1.
func facetAnswers(q *Questionnaire, plus, minus [10]int) map[string]int {
	a := map[string]int{}
	for s, sc := range q.Scales {
		for _, it := range q.ScaleItems(sc.ID) {
			if it.Key > 0 {
				a[it.ID] = plus[s]
			} else {
				a[it.ID] = q.Scale.Reverse(minus[s])
			}
		}
	}
	for _, it := range q.Items() {
		switch it.Kind {
		case KindCheck:
			a[it.ID] = it.Check
		case KindVirtue:
			a[it.ID] = 2
		case KindChoice:
			a[it.ID] = 1
		}
	}
	return a
}

func TestCheckConsistency(t *testing.T) {
	q := shippedSalesServiceV2(t)
	x := [10]int{1, 2, 3, 4, 5, 1, 2, 3, 4, 5} // mean 3, Σdx² = 20
	tests := []struct {
		name     string
		minus    [10]int
		drop     []string
		status   CheckStatus
		want     float64
		supports bool
		detail   string
	}{
		{name: "same from both wordings", minus: x, status: StatusPassed, want: 1, detail: "correlation over 10 facets between statements worded one way and the other: 1.00"},
		// mean 3; Σdxdy = −4−1−1−4 = −10, Σdy² = 10: r = −10/sqrt(200) = −0.7071
		{name: "opposite in the second five", minus: [10]int{3, 3, 3, 3, 3, 5, 4, 3, 2, 1}, status: StatusFlagged, want: -10 / math.Sqrt(200), detail: "below -0.60: facets scored high from one wording were scored low from the other"},
		// mean 2.9; Σdxdy = 2·0.9 − 10 + … = −8, Σdy² = 10.9: r = −8/sqrt(218) = −0.5418
		{name: "weakly opposite", minus: [10]int{2, 3, 3, 3, 3, 5, 4, 3, 2, 1}, status: StatusPassed, want: -8 / math.Sqrt(218), supports: true, detail: "below -0.45: weak evidence, not flagged alone"},
		{name: "one wording the same everywhere", minus: [10]int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, status: StatusSkipped, want: nan, detail: "undefined"},
		// Leave out every item keyed −1 of six facets: 4 facets are left.
		{name: "too few facets", minus: x, drop: []string{"drv1", "drv3", "drv5", "bold2", "bold4", "bold6", "res1", "res3", "res5", "comp2", "comp4", "comp6", "inf2", "inf4", "inf6", "srv1", "srv3", "srv5"}, status: StatusSkipped, want: nan, detail: "4 facets with answers to statements keyed both ways; at least 5 needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := facetAnswers(q, x, tt.minus)
			for _, id := range tt.drop {
				delete(a, id)
			}
			c := checkOf(t, Score(q, Response{Answers: a}, Options{}).Quality, CheckConsistency)
			if c.Status != tt.status || c.Supports != tt.supports {
				t.Errorf("status %s supports %v, want %s and %v (%s)", c.Status, c.Supports, tt.status, tt.supports, c.Detail)
			}
			if !math.IsNaN(tt.want) && (c.Value == nil || math.Abs(*c.Value-tt.want) > 1e-9) {
				t.Errorf("value %v, want %v", c.Value, tt.want)
			}
			if !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("detail %q, want it to contain %q", c.Detail, tt.detail)
			}
			if tt.status == StatusFlagged && (c.Severity != SeverityLook || c.FalseFlagRate != rateConsistency) {
				t.Errorf("severity %q rate %v, want look and %v", c.Severity, c.FalseFlagRate, rateConsistency)
			}
		})
	}
}

// A general tendency to agree shifts every raw answer the same way and
// leaves the keying consistency as it was (a property of the split by
// keying).
func TestConsistencyIgnoresAcquiescence(t *testing.T) {
	q := shippedSalesServiceV2(t)
	rng := rand.New(rand.NewPCG(11, 12))
	m := attentiveModel{loading: 0.9, noise: 0.6, stretch: 1}
	for range 50 {
		a := m.answer(q, rng)
		// Shift every scored raw answer up by one where the scale allows
		// it everywhere: only answers 1–4 of people with no 5.
		ok := true
		for _, it := range q.Items() {
			if it.Kind == KindScored && a[it.ID] == q.Scale.Max {
				ok = false
			}
		}
		if !ok {
			continue
		}
		shifted := map[string]int{}
		for id, v := range a {
			shifted[id] = v
			if it, _ := q.Item(id); it.Kind == KindScored {
				shifted[id] = v + 1
			}
		}
		c1 := checkOf(t, Score(q, Response{Answers: a}, Options{}).Quality, CheckConsistency)
		c2 := checkOf(t, Score(q, Response{Answers: shifted}, Options{}).Quality, CheckConsistency)
		if (c1.Value == nil) != (c2.Value == nil) || (c1.Value != nil && math.Abs(*c1.Value-*c2.Value) > 1e-9) {
			t.Fatalf("consistency %v before and %v after shifting every answer up one point", c1.Value, c2.Value)
		}
	}
}

// The overall severity and the agreement check, from hand-made responses
// to sales-service v2.
func TestQualitySeverity(t *testing.T) {
	q := shippedSalesServiceV2(t)
	x := [10]int{1, 2, 3, 4, 5, 1, 2, 3, 4, 5}
	weak := [10]int{2, 3, 3, 3, 3, 5, 4, 3, 2, 1}     // consistency −0.54: supports
	opposite := [10]int{3, 3, 3, 3, 3, 5, 4, 3, 2, 1} // consistency −0.71: flags
	set := func(a map[string]int, changes map[string]int) map[string]int {
		for k, v := range changes {
			a[k] = v
		}
		return a
	}
	tests := []struct {
		name     string
		answers  map[string]int
		severity Severity
		flags    string // codes and severities of the flags
	}{
		{"clean", facetAnswers(q, x, x), "", ""},
		// chk1 asks for 2: 3 is a possible slip, alone not a flag
		{"one slip", set(facetAnswers(q, x, x), map[string]int{"chk1": 3}), "", ""},
		{"weak consistency alone", facetAnswers(q, x, weak), "", ""},
		{"slip and weak consistency agree", set(facetAnswers(q, x, weak), map[string]int{"chk1": 3}), SeverityLook, "agreement:look"},
		{"one flag", facetAnswers(q, x, opposite), SeverityLook, "consistency:look"},
		{"one flag supported by a slip", set(facetAnswers(q, x, opposite), map[string]int{"chk1": 3}), SeverityLikely, "consistency:look"},
		{"two flags", set(facetAnswers(q, x, opposite), map[string]int{"chk1": 5}), SeverityLikely, "instructed:look consistency:look"},
		{"two instructed items missed", set(facetAnswers(q, x, x), map[string]int{"chk1": 3, "chk2": 3}), SeverityLikely, "instructed:likely"},
		// Claiming virtues is not carelessness: with a consistency flag it
		// makes two flags but no second piece of evidence of carelessness.
		{"virtues beside one flag", set(facetAnswers(q, x, opposite), map[string]int{"vir1": 5, "vir2": 5, "vir3": 5, "vir4": 5, "vir5": 5}), SeverityLook, "consistency:look virtues:look"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qu := Score(q, Response{Answers: tt.answers}, Options{}).Quality
			var got []string
			for _, f := range qu.Flags {
				got = append(got, f.Code+":"+string(f.Severity))
			}
			if qu.Severity != tt.severity || strings.Join(got, " ") != tt.flags {
				t.Errorf("severity %q flags %q, want %q and %q", qu.Severity, strings.Join(got, " "), tt.severity, tt.flags)
			}
		})
	}
}

// A response that is flagged is still scored in full: flags are never a
// reason to refuse or drop it (docs/QUALITY.md).
func TestFlaggedResponseIsScored(t *testing.T) {
	q := shippedSalesServiceV2(t)
	a := straightAnswers(q, rand.New(rand.NewPCG(3, 3)))
	if fe := ValidateResponse(q, Response{Answers: a}, true); fe != nil {
		t.Fatalf("a straight-lined response is a valid submission: %v", fe)
	}
	res := Score(q, Response{Answers: a}, Options{})
	if res.Quality.Severity != SeverityLikely {
		t.Errorf("straight-lining severity %q, want likely", res.Quality.Severity)
	}
	for _, s := range append(res.Scales, res.Composites...) {
		if s.Score == nil || *s.Score != 3 {
			t.Errorf("%s score %v, want 3 (three answers v and three reversed 6−v)", s.ID, s.Score)
		}
	}
}

// Flags, severities, rates and the scoring version reach the JSON a
// caller stores and the API returns.
func TestQualityJSON(t *testing.T) {
	q := shippedSalesServiceV2(t)
	x := [10]int{1, 2, 3, 4, 5, 1, 2, 3, 4, 5}
	a := facetAnswers(q, x, [10]int{3, 3, 3, 3, 3, 5, 4, 3, 2, 1})
	res := Score(q, Response{Answers: a}, Options{})
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		ScoringVersion int `json:"scoring_version"`
		Quality        struct {
			Severity string `json:"severity"`
			Flags    []struct {
				Code          string  `json:"code"`
				Severity      string  `json:"severity"`
				Reason        string  `json:"reason"`
				FalseFlagRate float64 `json:"false_flag_rate"`
			} `json:"flags"`
		} `json:"quality"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.ScoringVersion != ScoringVersion || got.Quality.Severity != "look" || len(got.Quality.Flags) != 1 {
		t.Fatalf("JSON %s", b)
	}
	f := got.Quality.Flags[0]
	if f.Code != "consistency" || f.Severity != "look" || f.FalseFlagRate != rateConsistency || !strings.HasSuffix(f.Reason, "(this rule also flags up to 0.5% of careful respondents)") {
		t.Errorf("flag %+v", f)
	}
}

// supportedElsewhere against a brute force over the families' bits.
func TestSupportedElsewhere(t *testing.T) {
	for flagged := range uint8(16) {
		for support := range uint8(16) {
			want := false
			for f := range 4 {
				for g := range 4 {
					if f != g && flagged&(1<<f) != 0 && support&(1<<g) != 0 {
						want = true
					}
				}
			}
			if got := supportedElsewhere(flagged, support); got != want {
				t.Errorf("supportedElsewhere(%04b, %04b) = %v, want %v", flagged, support, got, want)
			}
		}
	}
}
