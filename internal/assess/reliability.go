package assess

import (
	"fmt"
	"math"
)

// MissingMode says which answers enter the reliability statistics when some
// respondents skipped some items.
type MissingMode int

const (
	// Pairwise uses every answer there is: each covariance is computed over
	// the respondents who answered both of its items, each variance over those
	// who answered the item. It is the default of R's psych::alpha
	// (use = "pairwise") and of rolefit.
	Pairwise MissingMode = iota
	// Listwise keeps only the respondents who answered every item of the
	// scale, as psych::alpha does on na.omit(x).
	Listwise
)

// String returns the mode's name as the --missing flag spells it.
func (m MissingMode) String() string {
	switch m {
	case Pairwise:
		return "pairwise"
	case Listwise:
		return "listwise"
	}
	return fmt.Sprintf("MissingMode(%d)", int(m))
}

// ParseMissingMode reads "pairwise" or "listwise".
func ParseMissingMode(s string) (MissingMode, error) {
	switch s {
	case "pairwise":
		return Pairwise, nil
	case "listwise":
		return Listwise, nil
	}
	return 0, fmt.Errorf("missing-data mode %q: want pairwise or listwise", s)
}

// ScaleReliability holds the reliability statistics of one scale or
// composite (internal/assess/doc.go).
type ScaleReliability struct {
	// ID is the scale's or composite's ID.
	ID string `json:"id"`
	// N is the number of respondents whose answers entered the figures: in
	// pairwise mode those who answered at least one of the items, in listwise
	// mode those who answered all of them.
	N int `json:"n"`
	// K is the number of items.
	K int `json:"k"`
	// Mean and SD describe the scale score, each respondent's mean over the
	// items they answered, on the response scale (psych's rowMeans with
	// na.rm = TRUE); SD divides by N−1.
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	// Alpha is Cronbach's (1951) coefficient alpha from the covariances:
	// k/(k−1)·(1 − Σ item variances / variance of the sum).
	Alpha float64 `json:"alpha"`
	// StdAlpha is alpha of the standardised items, k·r̄/(1 + (k−1)·r̄).
	StdAlpha float64 `json:"std_alpha"`
	// Lambda6 is Guttman's (1945) lambda-6, 1 − Σ(1 − SMC_j)/ΣR, where SMC_j is
	// item j's squared multiple correlation with the other items.
	Lambda6 float64 `json:"lambda6"`
	// AverageR is r̄, the mean correlation between two different items.
	AverageR float64 `json:"average_r"`
	// SEM is the standard error of measurement of the sum score,
	// SD_sum·sqrt(1 − alpha), with SD_sum = sqrt(ΣC) the standard deviation
	// of the sum of all k items implied by the covariance matrix C (with
	// complete answers, the sample SD of the row sums, which is K·SD).
	SEM float64 `json:"sem"`
	// Items holds one row per item, in the order the items were given.
	Items []ItemReliability `json:"items"`
}

// ItemReliability holds the statistics of one item within its scale.
type ItemReliability struct {
	// ID is the item's ID.
	ID string `json:"id"`
	// RDrop is the corrected item–total correlation: the item against the sum
	// of the other items of the scale.
	RDrop float64 `json:"r_drop"`
	// AlphaIfDropped is the raw alpha of the scale without this item. It is
	// nil for a two-item scale, where the rest is a single item and has no
	// alpha. (psych prints C12/C22 in that place, which is not an alpha.)
	AlphaIfDropped *float64 `json:"alpha_if_dropped"`
}

// ReliabilityError says why the statistics of a scale could not be computed.
// Reliability never returns NaN or infinite figures; it returns this error
// instead.
type ReliabilityError struct {
	// Scale is the ID of the scale or composite.
	Scale string
	// Reason says what is missing or degenerate, in words for the user.
	Reason string
}

func (e *ReliabilityError) Error() string {
	return fmt.Sprintf("reliability of %s: %s", e.Scale, e.Reason)
}

// ReverseAnswer reverses an answer on the response scale lo..hi as
// lo + hi − x, using the scale's theoretical bounds rather than the observed
// ones (internal/assess/doc.go), so reversing twice gives the answer back. A missing
// answer (NaN) stays missing.
func ReverseAnswer(x, lo, hi float64) float64 {
	return lo + hi - x
}

// Reliability computes the reliability statistics of one scale. items names
// the columns of x, which holds one row per respondent and one column per
// item, already keyed (ReverseAnswer), with NaN for an unanswered item.
// The statistics are Cronbach's (1951) alpha, Guttman's (1945) lambda-6 and
// their companions, computed as Revelle's psych::alpha (psych 2.2.9) does with
// check.keys = FALSE, with use = "pairwise" for Pairwise and on na.omit(x)
// for Listwise, so that they agree with it to rounding:
//
//   - C is the covariance matrix (pairwise: each entry over the respondents
//     who answered both items, as R's cov(x, use = "pairwise")), and R is
//     cov2cor(C), the covariances scaled by the variances on C's diagonal.
//     With missing answers R is therefore not the matrix of pairwise
//     correlations, and all the correlation-based figures use it.
//   - alpha = (1 − tr C/ΣC)·k/(k−1); std. alpha = (1 − k/ΣR)·k/(k−1).
//   - SMC_j = 1 − 1/(R⁺)_jj with R⁺ the Moore–Penrose pseudo-inverse (psych's
//     Pinv, tolerance sqrt(machine epsilon) times the largest singular value),
//     so a singular R gives a figure rather than an error; SMCs above 1 are
//     set to 1 and below 0 to 0, as psych's smc does.
//   - r.drop of item i is (ΣC_i· − C_ii)/sqrt(C_ii·ΣC₋ᵢ), computed from the
//     matrix, not from rows of raw scores.
//
// An error of type *ReliabilityError names the scale and the reason when the
// statistics are undefined: fewer than two items or respondents, an item or
// pair of items answered by fewer than two respondents, an item everyone
// answered alike, or a sum without variance.
func Reliability(id string, items []string, x [][]float64, mode MissingMode) (ScaleReliability, error) {
	fail := func(format string, args ...any) (ScaleReliability, error) {
		return ScaleReliability{}, &ReliabilityError{Scale: id, Reason: fmt.Sprintf(format, args...)}
	}
	k := len(items)
	if k < 2 {
		return fail("it has %s; reliability needs at least 2", plural(k, "item"))
	}
	for r, row := range x {
		if len(row) != k {
			return fail("respondent %d has %d answers for %d items", r+1, len(row), k)
		}
		for j, v := range row {
			if math.IsInf(v, 0) {
				return fail("respondent %d has an infinite answer to item %s", r+1, items[j])
			}
		}
	}
	if mode == Listwise {
		x = completeRespondents(x)
		if len(x) < 2 {
			return fail("%s answered every item; listwise statistics need at least 2", plural(len(x), "respondent"))
		}
	} else if mode != Pairwise {
		return fail("unknown missing-data mode %v", mode)
	}
	cols := itemColumns(x, k)

	// The scale score: each respondent's mean over the items answered;
	// respondents who answered none have no score (rowMeans gives NaN and
	// psych's mean drops it).
	var scores []float64
	for _, row := range x {
		sum, m := 0.0, 0
		for _, v := range row {
			if !math.IsNaN(v) {
				sum += v
				m++
			}
		}
		if m > 0 {
			scores = append(scores, sum/float64(m))
		}
	}
	if len(scores) < 2 {
		return fail("%s answered any of its items; at least 2 are needed", plural(len(scores), "respondent"))
	}
	mean, sd := scoreMeanSD(scores)

	C, pairs := pairwiseCov(cols)
	for i := range k {
		if n := pairs[i*k+i]; n < 2 {
			return fail("item %s was answered by %s; at least 2 are needed", items[i], plural(n, "respondent"))
		}
	}
	for i := range k {
		for j := i + 1; j < k; j++ {
			if n := pairs[i*k+j]; n < 2 {
				return fail("items %s and %s were answered together by %s; pairwise statistics need at least 2", items[i], items[j], plural(n, "respondent"))
			}
		}
	}
	for i := range k {
		if !(C[i*k+i] > 0) {
			return fail("item %s has no variance: everyone who answered it gave the same answer", items[i])
		}
	}
	trC, sumC := matrixTrace(C, k), matrixSum(C)
	if msg := sumVarianceProblem(sumC, trC); msg != "" {
		return fail("the sum of its items %s", msg)
	}
	R := cov2cor(C, k)
	sumR := matrixSum(R)
	if !(sumR > 0) {
		return fail("the correlations of its items sum to %g; standardised alpha is undefined", sumR)
	}

	fk := float64(k)
	alpha := rawAlpha(trC, sumC, k)
	smc := smcOf(R, k)
	smcSum := 0.0
	for _, s := range smc {
		smcSum += s
	}
	out := ScaleReliability{
		ID:       id,
		N:        len(scores),
		K:        k,
		Mean:     mean,
		SD:       sd,
		Alpha:    alpha,
		StdAlpha: (1 - fk/sumR) * (fk / (fk - 1)),
		Lambda6:  1 - (fk-smcSum)/sumR,
		AverageR: (sumR - fk) / (fk * (fk - 1)),
		// psych gives no SEM; alpha ≤ 1 whenever C is positive
		// semi-definite, and the floor at 0 keeps a pairwise matrix that is
		// not from yielding NaN.
		SEM:   math.Sqrt(sumC) * math.Sqrt(math.Max(0, 1-alpha)),
		Items: make([]ItemReliability, k),
	}

	for i := range k {
		// The column sum of item i, and the sum of C without row and
		// column i (the variance of the sum of the other items), each
		// summed directly as psych does rather than by subtraction.
		colSum, vDrop := 0.0, 0.0
		for a := range k {
			colSum += C[a*k+i]
			if a == i {
				continue
			}
			for b := range k {
				if b != i {
					vDrop += C[a*k+b]
				}
			}
		}
		cii := C[i*k+i]
		if msg := sumVarianceProblem(vDrop, trC-cii); msg != "" {
			return fail("the sum of its items other than %s %s", items[i], msg)
		}
		item := ItemReliability{
			ID:    items[i],
			RDrop: (colSum - cii) / math.Sqrt(cii*vDrop),
		}
		if k > 2 {
			a := rawAlpha(trC-cii, vDrop, k-1)
			item.AlphaIfDropped = &a
		}
		out.Items[i] = item
	}
	if bad := firstNonFinite(out); bad != "" {
		return fail("%s is undefined for these answers", bad)
	}
	return out, nil
}

// sumVarianceProblem says what is wrong with v, the variance of a sum of
// items computed from their covariances, whose variances add up to tr; it
// returns "" when v is usable. A v that is zero up to rounding (relative to
// tr) means the items cancel out; a negative v can only come from pairwise
// covariances over different respondents that do not fit together.
func sumVarianceProblem(v, tr float64) string {
	switch {
	case math.IsNaN(v) || v < -1e-12*tr:
		return "has a negative variance from pairwise covariances that do not fit together; listwise statistics may still be possible"
	case v <= 1e-12*tr:
		return "has no variance"
	}
	return ""
}

// plural counts things in words: "1 item", "0 items".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// rawAlpha is Cronbach's alpha from the trace and the sum of a k×k covariance
// matrix, in psych's alpha.1 form.
func rawAlpha(tr, sum float64, k int) float64 {
	fk := float64(k)
	return (1 - tr/sum) * (fk / (fk - 1))
}

// firstNonFinite names the first figure of s that is NaN or infinite, or
// returns "".
func firstNonFinite(s ScaleReliability) string {
	figures := []struct {
		name string
		v    float64
	}{
		{"the mean", s.Mean}, {"the SD", s.SD}, {"alpha", s.Alpha},
		{"standardised alpha", s.StdAlpha}, {"lambda-6", s.Lambda6},
		{"the average correlation", s.AverageR}, {"the SEM", s.SEM},
	}
	for _, f := range figures {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return f.name
		}
	}
	for _, it := range s.Items {
		if math.IsNaN(it.RDrop) || math.IsInf(it.RDrop, 0) {
			return "the corrected item-total correlation of " + it.ID
		}
		if a := it.AlphaIfDropped; a != nil && (math.IsNaN(*a) || math.IsInf(*a, 0)) {
			return "alpha without " + it.ID
		}
	}
	return ""
}
