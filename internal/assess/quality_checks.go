package assess

import (
	"fmt"
	"math"
	"slices"
)

// checkInstructed counts instructed items ("for this statement, choose
// Disagree") answered otherwise, which Meade & Craig (2012) recommend as
// the most direct check. A careful person's finger can slip to the next
// point, so one answer one point off is only weak evidence; one answer two
// or more points off cannot be such a slip and is worth a look; two or more
// missed items are likely careless. A random responder misses each item
// with probability (k−1)/k on a k-point scale.
func checkInstructed(q *Questionnaire, ix *index, vals []int) Check {
	if len(ix.checks) == 0 {
		return skippedCheck(CheckInstructed, "the questionnaire has no instructed items")
	}
	answered, missed, far := 0, 0, 0
	for _, p := range ix.checks {
		v := vals[p]
		if v == missingAnswer {
			continue
		}
		answered++
		if v != ix.items[p].Check {
			missed++
			if abs(v-ix.items[p].Check) >= 2 {
				far++
			}
		}
	}
	if answered == 0 {
		return skippedCheck(CheckInstructed, fmt.Sprintf("none of the %d instructed items was answered", len(ix.checks)))
	}
	c := Check{Code: CheckInstructed, Status: StatusPassed, Value: floatPtr(float64(missed)), Limit: floatPtr(1), N: answered}
	switch {
	case missed == 0:
		c.Detail = fmt.Sprintf("all %d instructed items answered as instructed", answered)
	case missed >= 2:
		c.flag(SeverityLikely, rateInstructedTwo)
		c.Detail = fmt.Sprintf("%d of %d instructed items (\"please choose …\") answered differently from the instruction", missed, answered)
	case far == 1:
		c.flag(SeverityLook, rateInstructedFar)
		c.Detail = fmt.Sprintf("1 of %d instructed items answered two or more points away from the instruction, more than a slip of the finger", answered)
	default:
		c.Supports = true
		c.Detail = fmt.Sprintf("1 of %d instructed items answered one point away from the instruction, which a slip of the finger explains: not flagged alone", answered)
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// checkSpeed takes, for each page with answers, the seconds per answered
// item, and flags when their median is below 2 s (Huang et al. 2012),
// likely careless below 1.5 s. The median over pages keeps one page left
// open during a phone call from hiding fast answering everywhere else.
func checkSpeed(q *Questionnaire, ix *index, vals []int, seconds []float64) Check {
	if len(seconds) == 0 {
		return skippedCheck(CheckSpeed, "no page timings (for example a paper form or the API): speed not checked")
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
	switch {
	case med < speedLikely:
		c.flag(SeverityLikely, rateSpeedLikely)
		c.Detail += fmt.Sprintf(", below %.1f s: too fast to have read the statements", speedLikely)
	case med < speedLimit:
		c.flag(SeverityLook, rateSpeed)
		c.Detail += fmt.Sprintf(", below %.0f s: faster than statements are usually read", speedLimit)
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

// LongstringLimit returns the run length above which the longstring check
// flags: the number of agree-scale items on the questionnaire's longest
// page, and never less than 6. A run longer than a whole page of mixed
// facets and keying directions is rare for a careful person (calibrated in
// docs/QUALITY.md: at most 0.5% of attentive respondents on sales-service);
// straight-lining gives runs of the whole questionnaire. (Johnson 2005 and
// Curran 2016 set longstring limits from the instrument in the same way.)
func (q *Questionnaire) LongstringLimit() int {
	return max(q.index().longestPage, minLongstringLimit)
}

// checkLongstring finds the longest run of identical consecutive answers
// to agree-scale items in page order (Johnson 2005; Curran 2016). An
// unanswered item ends a run. Choice items are left out: they have their
// own two-point scale. A run over twice the limit is likely careless.
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
	switch {
	case longest > 2*limit:
		c.flag(SeverityLikely, rateLongstringLong)
		c.Detail += fmt.Sprintf(", more than %d, two full pages", 2*limit)
	case longest > limit:
		c.flag(SeverityLook, rateLongstring)
		c.Detail += fmt.Sprintf(", more than %d, the longest page", limit)
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
// same answer everywhere) as likely careless and, when the organisation's
// distribution of IRV is known (at least MinReferenceN responses), an IRV
// more than 3.5 SDs from its mean as worth a look (2.5 SDs counts as weak
// evidence): very low means near straight-lining, very high answers
// jumping between the extremes.
func checkIRV(ix *index, vals []int, ref *Moments) Check {
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
		c.flag(SeverityLikely, rateIRVZero)
		c.Limit = floatPtr(0)
		c.Detail = fmt.Sprintf("all %d answers were the same (SD 0)", int(n))
		return c
	}
	switch {
	case ref == nil:
	case ref.N() < MinReferenceN:
		c.Detail += fmt.Sprintf("; not compared: the organisation has %d earlier responses, %d needed", ref.N(), MinReferenceN)
	default:
		z, ok := ref.Z(sd)
		if !ok {
			c.Detail += fmt.Sprintf("; not compared: the organisation's %d responses all have the same SD", ref.N())
			break
		}
		c.Z = floatPtr(z)
		c.Limit = floatPtr(irvZLimit)
		c.Detail += fmt.Sprintf(", z = %.2f against the organisation's %d responses (mean %.2f, SD %.2f)", z, ref.N(), ref.Mean, ref.SD())
		switch {
		case math.Abs(z) > irvZLimit:
			c.flag(SeverityLook, rateIRVZ)
			c.Detail += fmt.Sprintf(": more than %.1f SDs from the mean", irvZLimit)
		case math.Abs(z) > irvZSupport:
			c.Supports = true
			c.Detail += fmt.Sprintf(": more than %.1f SDs from the mean, not flagged alone", irvZSupport)
		}
	}
	return c
}

// checkVirtues takes the mean raw agreement with the unlikely-virtue items
// ("I have never been annoyed by anyone"), less the person's acquiescence,
// and flags it at or above the response scale's agree point: agreeing on
// average with claims few people can truthfully make suggests answering to
// look good (the approach of lie scales such as the MMPI's L scale and
// Tellegen's Unlikely Virtues scale). Acquiescence, the tendency to agree
// whatever the content, is the mean of the person's mean raw answer to the
// items keyed each way, less the scale's midpoint: content cancels between
// the two directions (Paulhus 1991, "Measurement and control of response
// bias"). Without that adjustment a careful person who tends to agree is
// flagged for claiming virtues. It needs 75% of the items answered.
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
	acq, ok := acquiescence(q, ix, vals)
	adjusted := mean - acq
	limit := q.Scale.AgreePoint() + virtueMargin
	c := Check{Code: CheckVirtues, Status: StatusPassed, Value: floatPtr(adjusted), Limit: floatPtr(limit), N: n}
	if ok {
		c.Detail = fmt.Sprintf("mean agreement with %d unlikely virtues: %.2f, %.2f after allowing for a general tendency to agree of %+.2f", n, mean, adjusted, acq)
	} else {
		c.Detail = fmt.Sprintf("mean agreement with %d unlikely virtues: %.2f (no items keyed both ways to allow for a tendency to agree)", n, mean)
	}
	if adjusted >= limit {
		c.flag(SeverityLook, rateVirtues)
		c.Detail += fmt.Sprintf(", at or above the agree point %.1f: may be answering to look good", limit)
	}
	return c
}

// acquiescence returns the mean of the mean raw answers to the scored items
// keyed 1 and to those keyed −1, less the scale's midpoint, and false when
// either direction has no answer.
func acquiescence(q *Questionnaire, ix *index, vals []int) (float64, bool) {
	var sum [2]float64
	var n [2]int
	for _, p := range ix.scored {
		if vals[p] == missingAnswer {
			continue
		}
		k := 0
		if ix.items[p].Key < 0 {
			k = 1
		}
		sum[k] += float64(vals[p])
		n[k]++
	}
	if n[0] == 0 || n[1] == 0 {
		return 0, false
	}
	mid := float64(q.Scale.Min+q.Scale.Max) / 2
	return (sum[0]/float64(n[0])+sum[1]/float64(n[1]))/2 - mid, true
}
