package assess

import (
	"fmt"
	"math"
	"slices"
)

// Codes of the careless-responding checks (DESIGN section 6). The indices
// follow Curran (2016), "Methods for the detection of carelessly invalid
// responses in survey data", and Meade & Craig (2012), "Identifying
// careless responses in survey data".
const (
	CheckInstructed = "instructed"
	CheckSpeed      = "speed"
	CheckLongstring = "longstring"
	CheckIRV        = "irv"
	CheckSynonyms   = "synonyms"
	CheckAntonyms   = "antonyms"
	CheckVirtues    = "virtues"
)

// CheckStatus is the outcome of one check.
type CheckStatus string

// The outcomes of a check.
const (
	StatusPassed  CheckStatus = "passed"
	StatusFlagged CheckStatus = "flagged"
	// StatusSkipped: the check could not be made (no timings, too few
	// pairs answered, an undefined correlation); Detail says why.
	StatusSkipped CheckStatus = "skipped"
)

// Quality holds the outcome of every check and the flags raised. A flagged
// response is still stored and scored; a manager decides what it means.
type Quality struct {
	// Flags lists the checks that flagged, with reasons, in check order.
	Flags []Flag `json:"flags"`
	// Checks lists every check with what it measured, in a fixed order.
	Checks []Check `json:"checks"`
}

// Check returns the check with the given code (CheckIRV, ...), for
// example to collect the IRV of earlier responses into an IRV reference.
func (q Quality) Check(code string) (Check, bool) {
	for _, c := range q.Checks {
		if c.Code == code {
			return c, true
		}
	}
	return Check{}, false
}

// Flag is one raised flag.
type Flag struct {
	// Code names the check (CheckInstructed, ...).
	Code string `json:"code"`
	// Reason says what was found, with its numbers.
	Reason string `json:"reason"`
}

// Check is one check with its measured value.
type Check struct {
	// Code names the check (CheckInstructed, ...).
	Code string `json:"code"`
	// Status says whether it passed, flagged or could not be made.
	Status CheckStatus `json:"status"`
	// Value is what was measured (a count, seconds, a run length, an SD, a
	// correlation, a mean); null when the check was skipped.
	Value *float64 `json:"value"`
	// Limit is the value compared against; null when there is none.
	Limit *float64 `json:"limit"`
	// Z places Value in the organisation's distribution (IRV only).
	Z *float64 `json:"z,omitempty"`
	// N is the number of observations Value rests on.
	N int `json:"n"`
	// Detail says in words what was measured and how it compares, or why
	// the check was skipped.
	Detail string `json:"detail"`
}

// Thresholds of the checks.
const (
	// speedLimit: median seconds per answered item below which a page was
	// answered faster than statements can be read (Huang et al. 2012,
	// "Detecting and deterring insufficient effort responding to surveys",
	// use 2 s per item).
	speedLimit = 2.0
	// minLongstringLimit is the least longstring limit; on questionnaires
	// with short pages half a page is too short a run to mean anything.
	minLongstringLimit = 6
	// minIRVAnswers: an SD of fewer answers says little about a pattern.
	minIRVAnswers = 5
	// irvZLimit: |z| above 2.5 is rarer than about 1 in 80 in a normal
	// distribution; Dunn et al. (2018), "Intra-individual response
	// variability as an indicator of insufficient effort responding", flag
	// IRV at the extremes of the sample's distribution.
	irvZLimit = 2.5
	// minPairs: a correlation over fewer than 3 pairs is meaningless
	// (DESIGN section 6).
	minPairs = 3
)

// LongstringLimit returns the run length above which the longstring check
// flags: half the agree-scale items on the questionnaire's longest page
// (rounded down), and never less than 6. On a questionnaire whose pages mix
// facets and keying directions, an attentive person rarely gives the same
// answer to more than half a page in a row; straight-lining a page does.
// (Johnson 2005 and Curran 2016 set longstring limits from the instrument
// in the same way.)
func (q *Questionnaire) LongstringLimit() int {
	return max(q.index().longestPage/2, minLongstringLimit)
}

// checkQuality runs every check on one response.
func checkQuality(q *Questionnaire, ix *index, vals []int, seconds []float64, opt Options) Quality {
	checks := []Check{
		checkInstructed(ix, vals),
		checkSpeed(q, ix, vals, seconds),
		checkLongstring(q, ix, vals),
		checkIRV(ix, vals, opt.IRV),
		checkPairs(CheckSynonyms, ix.synonyms, vals),
		checkPairs(CheckAntonyms, ix.antonyms, vals),
		checkVirtues(q, ix, vals),
	}
	flags := []Flag{}
	for _, c := range checks {
		if c.Status == StatusFlagged {
			flags = append(flags, Flag{Code: c.Code, Reason: c.Detail})
		}
	}
	return Quality{Flags: flags, Checks: checks}
}

func floatPtr(v float64) *float64 { return &v }

func skippedCheck(code, detail string) Check {
	return Check{Code: code, Status: StatusSkipped, Detail: detail}
}

// checkInstructed counts check items answered differently from the
// instruction ("for this statement, choose Disagree"); one is enough to
// flag (Meade & Craig 2012 recommend instructed items for this purpose).
func checkInstructed(ix *index, vals []int) Check {
	if len(ix.checks) == 0 {
		return skippedCheck(CheckInstructed, "the questionnaire has no instructed items")
	}
	answered, wrong := 0, 0
	for _, p := range ix.checks {
		if vals[p] == missingAnswer {
			continue
		}
		answered++
		if vals[p] != ix.items[p].Check {
			wrong++
		}
	}
	if answered == 0 {
		return skippedCheck(CheckInstructed, fmt.Sprintf("none of the %d instructed items was answered", len(ix.checks)))
	}
	c := Check{Code: CheckInstructed, Status: StatusPassed, Value: floatPtr(float64(wrong)), Limit: floatPtr(0), N: answered}
	if wrong > 0 {
		c.Status = StatusFlagged
		c.Detail = fmt.Sprintf("%d of %d instructed items answered differently from the instruction", wrong, answered)
	} else {
		c.Detail = fmt.Sprintf("all %d instructed items answered as instructed", answered)
	}
	return c
}

// checkSpeed takes, for each page with answers, the seconds per answered
// item, and flags when their median is below 2 s (Huang et al. 2012).
// The median over pages keeps one page left open during a phone call from
// hiding fast answering everywhere else.
func checkSpeed(q *Questionnaire, ix *index, vals []int, seconds []float64) Check {
	if len(seconds) == 0 {
		return skippedCheck(CheckSpeed, "no page timings (for example a paper form): speed not checked")
	}
	if len(seconds) != len(q.Pages) {
		return skippedCheck(CheckSpeed, fmt.Sprintf("timings for %d pages but the questionnaire has %d: speed not checked", len(seconds), len(q.Pages)))
	}
	answered := make([]int, len(q.Pages))
	for p, v := range vals {
		if v != missingAnswer {
			answered[ix.page[p]]++
		}
	}
	var rates []float64
	for p, s := range seconds {
		if answered[p] == 0 || math.IsNaN(s) || math.IsInf(s, 0) || s < 0 {
			continue
		}
		rates = append(rates, s/float64(answered[p]))
	}
	if len(rates) == 0 {
		return skippedCheck(CheckSpeed, "no page with both answers and a valid timing: speed not checked")
	}
	med := medianOf(rates)
	c := Check{Code: CheckSpeed, Status: StatusPassed, Value: floatPtr(med), Limit: floatPtr(speedLimit), N: len(rates)}
	c.Detail = fmt.Sprintf("median %.1f s per answered item over %d pages", med, len(rates))
	if med < speedLimit {
		c.Status = StatusFlagged
		c.Detail += fmt.Sprintf(", below %.0f s: faster than statements can be read", speedLimit)
	}
	return c
}

// medianOf returns the median of xs, reordering xs.
func medianOf(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// checkLongstring finds the longest run of identical consecutive answers
// to agree-scale items in page order (Johnson 2005; Curran 2016). An
// unanswered item ends a run. Choice items are left out: they have their
// own two-point scale.
func checkLongstring(q *Questionnaire, ix *index, vals []int) Check {
	longest, value, run, prev, answered := 0, 0, 0, missingAnswer, 0
	for _, p := range ix.agree {
		v := vals[p]
		if v == missingAnswer {
			run, prev = 0, missingAnswer
			continue
		}
		answered++
		if v == prev {
			run++
		} else {
			run, prev = 1, v
		}
		if run > longest {
			longest, value = run, v
		}
	}
	if answered == 0 {
		return skippedCheck(CheckLongstring, "no agree-scale item was answered")
	}
	limit := q.LongstringLimit()
	c := Check{Code: CheckLongstring, Status: StatusPassed, Value: floatPtr(float64(longest)), Limit: floatPtr(float64(limit)), N: answered}
	c.Detail = fmt.Sprintf("longest run of identical answers: %d (%q) in a row", longest, labelOr(q, value))
	if longest > limit {
		c.Status = StatusFlagged
		c.Detail += fmt.Sprintf(", more than %d, half the longest page", limit)
	}
	return c
}

func labelOr(q *Questionnaire, v int) string {
	if l := q.Scale.Label(v); l != "" {
		return l
	}
	return fmt.Sprint(v)
}

// checkIRV computes the intra-individual response variability, the SD of
// the person's raw answers to the agree-scale items they chose freely
// (scored and unlikely-virtue items, not the instructed ones), with
// divisor n−1 as R's sd() in Dunn et al. (2018). It flags an SD of 0 (the
// same answer everywhere) and, when the organisation's distribution of IRV
// is known (at least MinReferenceN responses), an IRV more than 2.5 SDs
// from its mean: very low means near straight-lining, very high means
// answers jumping between the extremes.
func checkIRV(ix *index, vals []int, ref *Reference) Check {
	var sum, n float64
	for _, p := range ix.agree {
		if ix.items[p].Kind == KindCheck || vals[p] == missingAnswer {
			continue
		}
		sum += float64(vals[p])
		n++
	}
	if n < minIRVAnswers {
		return skippedCheck(CheckIRV, fmt.Sprintf("%.0f agree-scale answers; at least %d needed", n, minIRVAnswers))
	}
	mean := sum / n
	var ss float64
	for _, p := range ix.agree {
		if ix.items[p].Kind == KindCheck || vals[p] == missingAnswer {
			continue
		}
		d := float64(vals[p]) - mean
		ss += d * d
	}
	sd := math.Sqrt(ss / (n - 1))
	c := Check{Code: CheckIRV, Status: StatusPassed, Value: floatPtr(sd), N: int(n)}
	c.Detail = fmt.Sprintf("SD of the answers: %.2f over %d statements", sd, int(n))
	if sd == 0 {
		c.Status = StatusFlagged
		c.Limit = floatPtr(0)
		c.Detail = fmt.Sprintf("all %d answers were the same (SD 0)", int(n))
		return c
	}
	switch z, ok := zAgainst(ref, sd); {
	case ref == nil:
	case !ok:
		c.Detail += fmt.Sprintf("; not compared: the organisation has %d earlier responses, %d needed", ref.N(), MinReferenceN)
	default:
		c.Z = floatPtr(z)
		c.Limit = floatPtr(irvZLimit)
		c.Detail += fmt.Sprintf(", z = %.2f against the organisation's %d responses (mean %.2f, SD %.2f)", z, ref.N(), ref.Mean(), ref.SD())
		if math.Abs(z) > irvZLimit {
			c.Status = StatusFlagged
			c.Detail += fmt.Sprintf(": more than %.1f SDs from the mean", irvZLimit)
		}
	}
	return c
}

// zAgainst returns x's z-score in ref when ref is large enough and varies.
func zAgainst(ref *Reference, x float64) (float64, bool) {
	if ref == nil || ref.N() < MinReferenceN {
		return 0, false
	}
	return ref.Z(x)
}

// checkPairs correlates the raw answers to the first and second items of
// the designed synonym or antonym pairs (psychometric synonyms and
// antonyms, Curran 2016; Meade & Craig 2012). Synonyms should correlate
// positively and flag below 0; antonyms negatively and flag above 0.
func checkPairs(code string, pairs [][2]int, vals []int) Check {
	what := "synonym"
	if code == CheckAntonyms {
		what = "antonym"
	}
	if len(pairs) == 0 {
		return skippedCheck(code, fmt.Sprintf("the questionnaire has no %s pairs", what))
	}
	var xs, ys [16]float64 // the pairs of one questionnaire usually fit; append grows past
	x, y := xs[:0], ys[:0]
	for _, p := range pairs {
		a, b := vals[p[0]], vals[p[1]]
		if a == missingAnswer || b == missingAnswer {
			continue
		}
		x = append(x, float64(a))
		y = append(y, float64(b))
	}
	if len(x) < minPairs {
		return skippedCheck(code, fmt.Sprintf("%d %s pairs answered; at least %d needed", len(x), what, minPairs))
	}
	r, ok := pairPearson(x, y)
	if !ok {
		return Check{Code: code, Status: StatusSkipped, N: len(x),
			Detail: fmt.Sprintf("correlation over %d %s pairs is undefined: one side of the pairs got the same answer every time", len(x), what)}
	}
	c := Check{Code: code, Status: StatusPassed, Value: floatPtr(r), Limit: floatPtr(0), N: len(x)}
	c.Detail = fmt.Sprintf("correlation over %d %s pairs: %.2f", len(x), what, r)
	if code == CheckSynonyms && r < 0 {
		c.Status = StatusFlagged
		c.Detail += ", below 0: statements meaning the same were answered in opposite ways"
	}
	if code == CheckAntonyms && r > 0 {
		c.Status = StatusFlagged
		c.Detail += ", above 0: statements meaning the opposite were answered alike"
	}
	return c
}

// pairPearson returns the Pearson correlation of x and y, and false when either
// has zero variance (the correlation is then undefined, not 0).
func pairPearson(x, y []float64) (float64, bool) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0, false
	}
	return sxy / math.Sqrt(sxx*syy), true
}

// checkVirtues takes the mean raw agreement with the unlikely-virtue items
// ("I have never been annoyed by anyone") and flags it at or above the
// response scale's agree point: agreeing on average with claims few people
// can truthfully make suggests answering to look good (the approach of
// lie scales such as the MMPI's L scale and Tellegen's Unlikely Virtues
// scale). The agree point is fixed by the scale, not
// by the organisation's profile cut. It needs 75% of the items answered,
// as a facet does.
func checkVirtues(q *Questionnaire, ix *index, vals []int) Check {
	if len(ix.virtues) == 0 {
		return skippedCheck(CheckVirtues, "the questionnaire has no unlikely-virtue items")
	}
	sum, n := 0, 0
	for _, p := range ix.virtues {
		if vals[p] != missingAnswer {
			sum += vals[p]
			n++
		}
	}
	if !enoughAnswered(n, len(ix.virtues)) {
		return skippedCheck(CheckVirtues, fmt.Sprintf("%d of %d unlikely-virtue items answered; at least %d needed", n, len(ix.virtues), neededAnswers(len(ix.virtues))))
	}
	mean := float64(sum) / float64(n)
	limit := q.Scale.AgreePoint()
	c := Check{Code: CheckVirtues, Status: StatusPassed, Value: floatPtr(mean), Limit: floatPtr(limit), N: n}
	c.Detail = fmt.Sprintf("mean agreement with %d unlikely virtues: %.2f", n, mean)
	if mean >= limit {
		c.Status = StatusFlagged
		c.Detail += fmt.Sprintf(", at or above the agree point %.1f: may be answering to look good", limit)
	}
	return c
}
