package assess

import (
	"math"
	"strings"
	"testing"
)

// checkOf returns the check with the given code.
func checkOf(t *testing.T, q Quality, code string) Check {
	t.Helper()
	for _, c := range q.Checks {
		if c.Code == code {
			return c
		}
	}
	t.Fatalf("no %s check", code)
	return Check{}
}

// qualityCase is one response and what one check must say about it.
type qualityCase struct {
	name    string
	answers map[string]int
	seconds []float64
	opt     Options
	status  CheckStatus
	value   float64 // compared when not NaN
	detail  string  // a substring of Detail
}

func runQualityCases(t *testing.T, code string, cases []qualityCase) {
	t.Helper()
	q := mustParseFixture(t, "small.yaml")
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			res := Score(q, Response{Answers: tt.answers, PageSeconds: tt.seconds}, tt.opt)
			c := checkOf(t, res.Quality, code)
			if c.Status != tt.status {
				t.Errorf("status %s, want %s (%s)", c.Status, tt.status, c.Detail)
			}
			if !math.IsNaN(tt.value) && (c.Value == nil || math.Abs(*c.Value-tt.value) > 1e-9) {
				t.Errorf("value %v, want %v (%s)", c.Value, tt.value, c.Detail)
			}
			if !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("detail %q, want it to contain %q", c.Detail, tt.detail)
			}
			flagged := false
			for _, f := range res.Quality.Flags {
				if f.Code == code {
					flagged = true
					if f.Reason != c.Detail {
						t.Errorf("flag reason %q, check detail %q", f.Reason, c.Detail)
					}
				}
			}
			if flagged != (tt.status == StatusFlagged) {
				t.Errorf("flag raised %v, status %s", flagged, c.Status)
			}
		})
	}
}

// with returns handAnswers changed by the given answers (0 deletes).
func with(changes map[string]int) map[string]int {
	a := handAnswers()
	for k, v := range changes {
		if v == 0 {
			delete(a, k)
		} else {
			a[k] = v
		}
	}
	return a
}

var nan = math.NaN()

func TestCheckInstructed(t *testing.T) {
	runQualityCases(t, CheckInstructed, []qualityCase{
		{"as instructed", handAnswers(), nil, Options{}, StatusPassed, 0, "all 2 instructed items answered as instructed"},
		{"one wrong", with(map[string]int{"chk1": 3}), nil, Options{}, StatusFlagged, 1, "1 of 2 instructed items answered differently from the instruction"},
		{"both wrong", with(map[string]int{"chk1": 3, "chk2": 1}), nil, Options{}, StatusFlagged, 2, "2 of 2 instructed items"},
		{"one unanswered", with(map[string]int{"chk1": 0}), nil, Options{}, StatusPassed, 0, "all 1 instructed items"},
		{"none answered", with(map[string]int{"chk1": 0, "chk2": 0}), nil, Options{}, StatusSkipped, nan, "none of the 2 instructed items was answered"},
	})
}

func TestCheckSpeed(t *testing.T) {
	// handAnswers answers 9, 9 and 3 items on the three pages.
	runQualityCases(t, CheckSpeed, []qualityCase{
		// 45/9 = 5, 36/9 = 4, 3/3 = 1 s per item: median 4
		{"normal pace", handAnswers(), []float64{45, 36, 3}, Options{}, StatusPassed, 4, "median 4.0 s per answered item over 3 pages"},
		// 9/9 = 1, 36/9 = 4, 3/3 = 1: median 1
		{"too fast", handAnswers(), []float64{9, 36, 3}, Options{}, StatusFlagged, 1, "below 2 s"},
		// 18/9 = 2 exactly, twice: not below 2
		{"exactly 2 s", handAnswers(), []float64{18, 18, 6}, Options{}, StatusPassed, 2, "median 2.0"},
		// two pages: (1 + 3)/2 = 2
		{"even number of pages", with(map[string]int{"p1": 0, "p2": 0, "p3": 0}), []float64{9, 27, 0}, Options{}, StatusPassed, 2, "over 2 pages"},
		{"no timings", handAnswers(), nil, Options{}, StatusSkipped, nan, "no page timings (for example a paper form): speed not checked"},
		{"timings do not match", handAnswers(), []float64{45, 36}, Options{}, StatusSkipped, nan, "timings for 2 pages but the questionnaire has 3"},
		{"invalid timings", handAnswers(), []float64{math.NaN(), -1, math.Inf(1)}, Options{}, StatusSkipped, nan, "no page with both answers and a valid timing"},
	})
}

func TestCheckLongstring(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	// The longest page holds 11 agree-scale items: the limit is
	// max(11/2 rounded down, 6) = 6.
	if got := q.LongstringLimit(); got != 6 {
		t.Fatalf("LongstringLimit() = %d, want 6", got)
	}
	// Agree-scale items in page order: b1 d1 c1 o1 b2 d2 chk1 c2 o2 v1 | b3 ...
	run := func(n int) map[string]int {
		a := handAnswers()
		for i, id := range []string{"b1", "d1", "c1", "o1", "b2", "d2", "chk1", "c2", "o2", "v1"} {
			if i < n {
				a[id] = 3
			}
		}
		return a
	}
	runQualityCases(t, CheckLongstring, []qualityCase{
		// handAnswers: b1=5 d1=4 c1=2 o1=3 b2=1 d2=2 chk1=2 c2=4 − − v1=2: longest run 2
		{"varied", handAnswers(), nil, Options{}, StatusPassed, 2, "longest run of identical answers: 2"},
		{"six in a row", run(6), nil, Options{}, StatusPassed, 6, `6 ("Neither agree nor disagree") in a row`},
		{"seven in a row", run(7), nil, Options{}, StatusFlagged, 7, "more than 6, half the longest page"},
		// an unanswered item ends a run: 1..6 then d2 missing then chk1 = 3
		{"broken by a gap", with(map[string]int{"b1": 3, "d1": 3, "c1": 3, "o1": 3, "b2": 3, "d2": 0, "chk1": 3, "c2": 3, "o2": 3}), nil, Options{}, StatusPassed, 5, ""},
		{"nothing answered", map[string]int{"p1": 1}, nil, Options{}, StatusSkipped, nan, "no agree-scale item was answered"},
	})
}

func TestCheckIRV(t *testing.T) {
	five := map[string]int{"b1": 1, "b2": 2, "b3": 3, "b4": 4, "d1": 5}
	same := map[string]int{"b1": 4, "b2": 4, "b3": 4, "b4": 4, "d1": 4, "chk1": 2}
	// A reference whose mean is 1 and SD about 0.1: an IRV of 1.58 is far out.
	var ref []float64
	for i := range 40 {
		ref = append(ref, 0.9+0.2*float64(i%2))
	}
	runQualityCases(t, CheckIRV, []qualityCase{
		// mean 3; squares 4+1+0+1+4 = 10; SD = sqrt(10/4) = 1.5811
		{"varied", five, nil, Options{}, StatusPassed, math.Sqrt(2.5), "SD of the answers: 1.58 over 5 statements"},
		// the instructed item's answer does not count
		{"all the same", same, nil, Options{}, StatusFlagged, 0, "all 5 answers were the same (SD 0)"},
		{"too few answers", map[string]int{"b1": 1, "b2": 2, "b3": 3, "b4": 4}, nil, Options{}, StatusSkipped, nan, "4 agree-scale answers; at least 5 needed"},
		// reference mean 1.0, SD = sqrt(40·0.01/39) = 0.10127: z = (1.5811 − 1)/0.10127 = 5.74
		{"extreme against the organisation", five, nil, Options{IRV: NewReference(ref)}, StatusFlagged, math.Sqrt(2.5), "more than 2.5 SDs from the mean"},
		{"ordinary against the organisation", five, nil, Options{IRV: NewReference([]float64{1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6})}, StatusPassed, math.Sqrt(2.5), "against the organisation's 30 responses"},
		{"reference too small", five, nil, Options{IRV: NewReference(ref[:10])}, StatusPassed, math.Sqrt(2.5), "not compared: the organisation has 10 earlier responses, 30 needed"},
	})
}

func TestCheckPairs(t *testing.T) {
	// Synonym pairs (b1,b3) (d1,d3) (c1,c3) (o1,o3); antonym pairs (b1,b2) (d1,d2) (c1,c2) (o1,o2).
	pairs := func(firsts, syn, ant [4]int) map[string]int {
		return map[string]int{
			"b1": firsts[0], "d1": firsts[1], "c1": firsts[2], "o1": firsts[3],
			"b3": syn[0], "d3": syn[1], "c3": syn[2], "o3": syn[3],
			"b2": ant[0], "d2": ant[1], "c2": ant[2], "o2": ant[3],
		}
	}
	x := [4]int{5, 4, 2, 1}
	same := x
	mirror := [4]int{1, 2, 4, 5}
	// x = (5,4,2,1), y = (4,5,1,2): deviations (2,1,−1,−2) and (1,2,−2,−1);
	// Σdxdy = 2+2+2+2 = 8, Σdx² = Σdy² = 10: r = 0.8
	close := [4]int{4, 5, 1, 2}
	runQualityCases(t, CheckSynonyms, []qualityCase{
		{"consistent", pairs(x, same, mirror), nil, Options{}, StatusPassed, 1, "correlation over 4 synonym pairs: 1.00"},
		{"close", pairs(x, close, mirror), nil, Options{}, StatusPassed, 0.8, "0.80"},
		{"opposite", pairs(x, mirror, mirror), nil, Options{}, StatusFlagged, -1, "below 0: statements meaning the same were answered in opposite ways"},
		{"two pairs", map[string]int{"b1": 5, "b3": 1, "d1": 1, "d3": 5}, nil, Options{}, StatusSkipped, nan, "2 synonym pairs answered; at least 3 needed"},
		{"undefined", pairs([4]int{3, 3, 3, 3}, x, mirror), nil, Options{}, StatusSkipped, nan, "correlation over 4 synonym pairs is undefined"},
	})
	runQualityCases(t, CheckAntonyms, []qualityCase{
		{"consistent", pairs(x, same, mirror), nil, Options{}, StatusPassed, -1, "correlation over 4 antonym pairs: -1.00"},
		{"alike", pairs(x, same, same), nil, Options{}, StatusFlagged, 1, "above 0: statements meaning the opposite were answered alike"},
		{"undefined", pairs(x, same, [4]int{2, 2, 2, 2}), nil, Options{}, StatusSkipped, nan, "undefined"},
	})
	mini := mustParseFixture(t, "minimal.yaml")
	res := Score(mini, Response{Answers: map[string]int{"E1": 3}}, Options{})
	if c := checkOf(t, res.Quality, CheckSynonyms); c.Status != StatusSkipped || c.Detail != "the questionnaire has no synonym pairs" {
		t.Errorf("minimal synonyms: %+v", c)
	}
}

func TestCheckVirtues(t *testing.T) {
	runQualityCases(t, CheckVirtues, []qualityCase{
		// (2+1+2)/3 = 1.67
		{"modest", handAnswers(), nil, Options{}, StatusPassed, 5.0 / 3, "mean agreement with 3 unlikely virtues: 1.67"},
		// (4+3+3)/3 = 3.33
		{"just below", with(map[string]int{"v1": 4, "v2": 3, "v3": 3}), nil, Options{}, StatusPassed, 10.0 / 3, ""},
		// (4+4+3)/3 = 3.67 ≥ 3.5
		{"too virtuous", with(map[string]int{"v1": 4, "v2": 4, "v3": 3}), nil, Options{}, StatusFlagged, 11.0 / 3, "at or above the agree point 3.5: may be answering to look good"},
		// (4+3)/2 = 3.5 exactly: flagged, but 2 of 3 answered is under 75%
		{"too few", with(map[string]int{"v1": 4, "v2": 3, "v3": 0}), nil, Options{}, StatusSkipped, nan, "2 of 3 unlikely-virtue items answered; at least 3 needed"},
		// The organisation's profile cut does not move the agree point.
		{"profile cut ignored", with(map[string]int{"v1": 4, "v2": 4, "v3": 3}), nil, Options{Cut: ptrTo(4)}, StatusFlagged, 11.0 / 3, ""},
	})
}

// The checks come in a fixed order and a clean response raises no flag.
func TestQualityShape(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	res := Score(q, Response{Answers: handAnswers(), PageSeconds: []float64{45, 36, 3}}, Options{})
	var codes []string
	for _, c := range res.Quality.Checks {
		codes = append(codes, c.Code)
	}
	if got, want := strings.Join(codes, ","), "instructed,speed,longstring,irv,synonyms,antonyms,virtues"; got != want {
		t.Errorf("checks %s, want %s", got, want)
	}
	if len(res.Quality.Flags) != 0 {
		t.Errorf("clean response flagged: %+v", res.Quality.Flags)
	}
	if c, ok := res.Quality.Check(CheckIRV); !ok || c.Code != CheckIRV || c.Value == nil {
		t.Errorf("Check(irv) = %+v, %v", c, ok)
	}
	if _, ok := res.Quality.Check("nope"); ok {
		t.Errorf("Check(nope) found a check")
	}
}
