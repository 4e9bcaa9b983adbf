package assess

import (
	"math"
	"math/rand/v2"
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
	// severity and supports are what the check must say besides.
	severity Severity
	supports bool
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
			if c.Severity != tt.severity {
				t.Errorf("severity %q, want %q", c.Severity, tt.severity)
			}
			if c.Supports != tt.supports {
				t.Errorf("supports %v, want %v (%s)", c.Supports, tt.supports, c.Detail)
			}
			flagged := false
			for _, f := range res.Quality.Flags {
				if f.Code == code {
					flagged = true
					if !strings.HasPrefix(f.Reason, c.Detail+" (") || f.Severity != c.Severity || f.FalseFlagRate != c.FalseFlagRate {
						t.Errorf("flag %+v does not carry the check's detail %q, severity %q and rate %v", f, c.Detail, c.Severity, c.FalseFlagRate)
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
		{name: "as instructed", answers: handAnswers(), status: StatusPassed, value: 0, detail: "all 2 instructed items answered as instructed"},
		// chk1 asks for 2: 3 is one point off, a possible slip
		{name: "one point off", answers: with(map[string]int{"chk1": 3}), status: StatusPassed, value: 1, detail: "1 of 2 instructed items answered one point away from the instruction, which a slip of the finger explains: not flagged alone", supports: true},
		// 4 is two points off: no slip of one point gives it
		{name: "two points off", answers: with(map[string]int{"chk1": 4}), status: StatusFlagged, value: 1, detail: "1 of 2 instructed items answered two or more points away", severity: SeverityLook},
		{name: "both wrong", answers: with(map[string]int{"chk1": 3, "chk2": 5}), status: StatusFlagged, value: 2, detail: "2 of 2 instructed items", severity: SeverityLikely},
		{name: "one unanswered", answers: with(map[string]int{"chk1": 0}), status: StatusPassed, value: 0, detail: "all 1 instructed items"},
		{name: "none answered", answers: with(map[string]int{"chk1": 0, "chk2": 0}), status: StatusSkipped, value: nan, detail: "none of the 2 instructed items was answered"},
	})
}

func TestCheckSpeed(t *testing.T) {
	// handAnswers answers 9, 9 and 3 items on the three pages.
	runQualityCases(t, CheckSpeed, []qualityCase{
		// 45/9 = 5, 36/9 = 4, 3/3 = 1 s per item: median 4
		{name: "normal pace", answers: handAnswers(), seconds: []float64{45, 36, 3}, status: StatusPassed, value: 4, detail: "median 4.0 s per answered item over 3 pages"},
		// 15/9 = 1.67, 36/9 = 4, 5/3 = 1.67: median 1.67, below 2 but not 1.5
		{name: "fast", answers: handAnswers(), seconds: []float64{15, 36, 5}, status: StatusFlagged, value: 5.0 / 3, detail: "below 2 s", severity: SeverityLook},
		// 9/9 = 1, 36/9 = 4, 3/3 = 1: median 1
		{name: "too fast", answers: handAnswers(), seconds: []float64{9, 36, 3}, status: StatusFlagged, value: 1, detail: "below 1.5 s: too fast to have read the statements", severity: SeverityLikely},
		// 18/9 = 2 exactly, twice: not below 2
		{name: "exactly 2 s", answers: handAnswers(), seconds: []float64{18, 18, 6}, status: StatusPassed, value: 2, detail: "median 2.0"},
		// two pages: (1 + 3)/2 = 2
		{name: "even number of pages", answers: with(map[string]int{"p1": 0, "p2": 0, "p3": 0}), seconds: []float64{9, 27, 0}, status: StatusPassed, value: 2, detail: "over 2 pages"},
		{name: "no timings", answers: handAnswers(), status: StatusSkipped, value: nan, detail: "no page timings (for example a paper form or the API): speed not checked"},
		{name: "timings do not match", answers: handAnswers(), seconds: []float64{45, 36}, status: StatusSkipped, value: nan, detail: "timings for 2 pages but the questionnaire has 3"},
		{name: "invalid timings", answers: handAnswers(), seconds: []float64{math.NaN(), -1, math.Inf(1)}, status: StatusSkipped, value: nan, detail: "no page with both answers and a valid timing"},
	})
}

func TestCheckLongstring(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	// The longest page holds 11 agree-scale items: the limit is
	// max(11, 6) = 11.
	if got := q.LongstringLimit(); got != 11 {
		t.Fatalf("LongstringLimit() = %d, want 11", got)
	}
	order := []string{"b1", "d1", "c1", "o1", "b2", "d2", "chk1", "c2", "o2", "v1", "b3", "d3", "c3", "o3", "v2", "chk2", "b4", "d4", "c4", "o4", "v3"}
	// run answers the first n agree-scale items 3 and the next one 4.
	run := func(n int) map[string]int {
		a := handAnswers()
		for i, id := range order {
			switch {
			case i < n:
				a[id] = 3
			case i == n:
				a[id] = 4
			}
		}
		return a
	}
	runQualityCases(t, CheckLongstring, []qualityCase{
		// handAnswers: b1=5 d1=4 c1=2 o1=3 b2=1 d2=2 chk1=2 c2=4 − − v1=2: longest run 2
		{name: "varied", answers: handAnswers(), status: StatusPassed, value: 2, detail: "longest run of identical answers: 2"},
		{name: "a page in a row", answers: run(11), status: StatusPassed, value: 11, detail: `11 ("Neither agree nor disagree") in a row`},
		{name: "more than a page", answers: run(12), status: StatusFlagged, value: 12, detail: "more than 11, the longest page", severity: SeverityLook},
		// an unanswered item ends a run: 1..6 then d2 missing then chk1 = 3
		{name: "broken by a gap", answers: with(map[string]int{"b1": 3, "d1": 3, "c1": 3, "o1": 3, "b2": 3, "d2": 0, "chk1": 3, "c2": 3, "o2": 3}), status: StatusPassed, value: 5},
		{name: "nothing answered", answers: map[string]int{"p1": 1}, status: StatusSkipped, value: nan, detail: "no agree-scale item was answered"},
	})
	// Two full pages of one answer are likely careless: straight-lining
	// the shipped questionnaire gives a run of all 69 statements.
	big := shippedSalesServiceV2(t)
	c := checkOf(t, Score(big, Response{Answers: straightAnswers(big, rand.New(rand.NewPCG(1, 1)))}, Options{}).Quality, CheckLongstring)
	if c.Status != StatusFlagged || c.Severity != SeverityLikely || *c.Value != 69 || !strings.Contains(c.Detail, "more than 22, two full pages") {
		t.Errorf("straight-lining: %+v", c)
	}
}

func TestCheckIRV(t *testing.T) {
	five := map[string]int{"b1": 1, "b2": 2, "b3": 3, "b4": 4, "d1": 5}
	same := map[string]int{"b1": 4, "b2": 4, "b3": 4, "b4": 4, "d1": 4, "chk1": 2}
	// alternating returns 40 values alternating between lo and hi: mean
	// (lo+hi)/2, SD (hi−lo)/2·sqrt(40/39).
	alternating := func(lo, hi float64) []float64 {
		var ref []float64
		for i := range 40 {
			ref = append(ref, lo+(hi-lo)*float64(i%2))
		}
		return ref
	}
	ordinary := []float64{1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6, 1.5, 1.6, 1.5, 1.7, 1.4, 1.6}
	runQualityCases(t, CheckIRV, []qualityCase{
		// mean 3; squares 4+1+0+1+4 = 10; SD = sqrt(10/4) = 1.5811
		{name: "varied", answers: five, status: StatusPassed, value: math.Sqrt(2.5), detail: "SD of the answers: 1.58 over 5 statements"},
		// the instructed item's answer does not count
		{name: "all the same", answers: same, status: StatusFlagged, value: 0, detail: "all 5 answers were the same (SD 0)", severity: SeverityLikely},
		{name: "too few answers", answers: map[string]int{"b1": 1, "b2": 2, "b3": 3, "b4": 4}, status: StatusSkipped, value: nan, detail: "4 agree-scale answers; at least 5 needed"},
		// reference mean 1.0, SD = 0.1·sqrt(40/39) = 0.10127: z = (1.5811 − 1)/0.10127 = 5.74
		{name: "extreme against the organisation", answers: five, opt: Options{IRV: NewMoments(alternating(0.9, 1.1))}, status: StatusFlagged, value: math.Sqrt(2.5), detail: "z = 5.74 against the organisation's 40 responses (mean 1.00, SD 0.10): more than 3.5 SDs from the mean", severity: SeverityLook},
		// reference mean 1.3, same SD: z = (1.5811 − 1.3)/0.10127 = 2.78
		{name: "unusual against the organisation", answers: five, opt: Options{IRV: NewMoments(alternating(1.2, 1.4))}, status: StatusPassed, value: math.Sqrt(2.5), detail: "z = 2.78 against the organisation's 40 responses (mean 1.30, SD 0.10): more than 2.5 SDs from the mean, not flagged alone", supports: true},
		{name: "ordinary against the organisation", answers: five, opt: Options{IRV: NewMoments(ordinary)}, status: StatusPassed, value: math.Sqrt(2.5), detail: "against the organisation's 30 responses"},
		{name: "reference too small", answers: five, opt: Options{IRV: NewMoments(alternating(0.9, 1.1)[:10])}, status: StatusPassed, value: math.Sqrt(2.5), detail: "not compared: the organisation has 10 earlier responses, 30 needed"},
		{name: "reference without spread", answers: five, opt: Options{IRV: NewMoments(alternating(1, 1))}, status: StatusPassed, value: math.Sqrt(2.5), detail: "not compared: the organisation's 40 responses all have the same SD"},
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
		{name: "consistent", answers: pairs(x, same, mirror), status: StatusPassed, value: 1, detail: "correlation over 4 synonym pairs: 1.00"},
		{name: "close", answers: pairs(x, close, mirror), status: StatusPassed, value: 0.8, detail: "0.80"},
		// never a flag alone, only supporting evidence
		{name: "opposite", answers: pairs(x, mirror, mirror), status: StatusPassed, value: -1, detail: "below -0.6: statements meaning the same were answered differently; supporting evidence only", supports: true},
		{name: "two pairs", answers: map[string]int{"b1": 5, "b3": 1, "d1": 1, "d3": 5}, status: StatusSkipped, value: nan, detail: "2 synonym pairs answered; at least 3 needed"},
		{name: "undefined", answers: pairs([4]int{3, 3, 3, 3}, x, mirror), status: StatusSkipped, value: nan, detail: "correlation over 4 synonym pairs is undefined"},
	})
	runQualityCases(t, CheckAntonyms, []qualityCase{
		{name: "consistent", answers: pairs(x, same, mirror), status: StatusPassed, value: -1, detail: "correlation over 4 antonym pairs: -1.00"},
		{name: "alike", answers: pairs(x, same, same), status: StatusPassed, value: 1, detail: "above 0.6: statements meaning the opposite were answered alike; supporting evidence only", supports: true},
		// (5,4,2,1) against (4,5,1,2): r = 0.8, above 0.6
		{name: "close", answers: pairs(x, same, close), status: StatusPassed, value: 0.8, detail: "0.80, above 0.6", supports: true},
		{name: "undefined", answers: pairs(x, same, [4]int{2, 2, 2, 2}), status: StatusSkipped, value: nan, detail: "undefined"},
	})
	mini := mustParseFixture(t, "minimal.yaml")
	res := Score(mini, Response{Answers: map[string]int{"E1": 3}}, Options{})
	if c := checkOf(t, res.Quality, CheckSynonyms); c.Status != StatusSkipped || c.Detail != "the questionnaire has no synonym pairs" {
		t.Errorf("minimal synonyms: %+v", c)
	}
}

func TestCheckVirtues(t *testing.T) {
	// handAnswers' tendency to agree: items keyed 1 b1 b3 d1 d3 c1 c3 o1 =
	// 5 4 4 3 2 3 3, mean 24/7; keyed −1 b2 b4 d2 c2 c4 o4 = 1 2 2 4 3 5,
	// mean 17/6; (24/7 + 17/6)/2 − 3 = 0.130952.
	const acq = (24.0/7+17.0/6)/2 - 3
	runQualityCases(t, CheckVirtues, []qualityCase{
		// (2+1+2)/3 = 1.67, less 0.13
		{name: "modest", answers: handAnswers(), status: StatusPassed, value: 5.0/3 - acq, detail: "mean agreement with 3 unlikely virtues: 1.67, 1.54 after allowing for a general tendency to agree of +0.13"},
		// (4+3+3)/3 = 3.33, less 0.13 = 3.20
		{name: "just below", answers: with(map[string]int{"v1": 4, "v2": 3, "v3": 3}), status: StatusPassed, value: 10.0/3 - acq},
		// (4+4+3)/3 = 3.67, less 0.13 = 3.54 ≥ 3.5
		{name: "too virtuous", answers: with(map[string]int{"v1": 4, "v2": 4, "v3": 3}), status: StatusFlagged, value: 11.0/3 - acq, detail: "at or above the agree point 3.5: may be answering to look good", severity: SeverityLook},
		// The same virtues from someone who agrees with most things: keyed −1
		// now 2 3 3 5 4 5, mean 22/6; tendency (24/7 + 22/6)/2 − 3 = 0.547619;
		// 3.67 − 0.55 = 3.12, not flagged.
		{name: "acquiescent", answers: with(map[string]int{"v1": 4, "v2": 4, "v3": 3, "b2": 2, "b4": 3, "d2": 3, "c2": 5, "c4": 4}), status: StatusPassed, value: 11.0/3 - ((24.0/7+22.0/6)/2 - 3), detail: "after allowing for a general tendency to agree of +0.55"},
		// (4+3)/2 = 3.5 exactly, but 2 of 3 answered is under 75%
		{name: "too few", answers: with(map[string]int{"v1": 4, "v2": 3, "v3": 0}), status: StatusSkipped, value: nan, detail: "2 of 3 unlikely-virtue items answered; at least 3 needed"},
		// The organisation's profile cut does not move the agree point.
		{name: "profile cut ignored", answers: with(map[string]int{"v1": 4, "v2": 4, "v3": 3}), opt: Options{Cut: ptrTo(4)}, status: StatusFlagged, value: 11.0/3 - acq, severity: SeverityLook},
		// Without items keyed both ways there is no adjustment.
		{name: "one keying only", answers: map[string]int{"b1": 4, "v1": 4, "v2": 4, "v3": 3}, status: StatusFlagged, value: 11.0 / 3, detail: "(no items keyed both ways to allow for a tendency to agree)", severity: SeverityLook},
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
	if got, want := strings.Join(codes, ","), "instructed,speed,longstring,irv,distance,consistency,synonyms,antonyms,virtues,agreement"; got != want {
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
