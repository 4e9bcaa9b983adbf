package assess

import (
	"fmt"
	"math"
	"slices"
)

// Response is what a respondent handed in.
type Response struct {
	// Answers maps item IDs to answers: a point of the response scale, or
	// the 1-based position of the chosen option for choice items.
	Answers map[string]int `json:"answers"`
	// PageSeconds holds the seconds spent on each page, by page index.
	// Empty when unknown (an imported paper form): the speed check is then
	// skipped and says so.
	PageSeconds []float64 `json:"page_seconds,omitempty"`
}

// MeasuredReliability is a scale's or composite's reliability measured on
// the organisation's own responses (Reliability), with the SD of its
// score over the same responses, on the same metric as the score (the mean
// item score on the response scale).
type MeasuredReliability struct {
	// Alpha is the reliability coefficient, Cronbach's alpha.
	Alpha float64 `json:"alpha"`
	// SD is the standard deviation of the score across the responses.
	SD float64 `json:"sd"`
	// N is the number of responses it was measured on.
	N int `json:"n"`
}

// SEM is the standard error of measurement of a score, in the score's own
// units (points of the response scale): SD·sqrt(1 − alpha) (Crocker &
// Algina 1986, ch. 6), a negative alpha read as 0. A score's 95% band is
// the score ± BandHalfWidth.
func (m MeasuredReliability) SEM() float64 { return m.SD * math.Sqrt(1-max(m.Alpha, 0)) }

// BandHalfWidth is how far a score's 95% band reaches either side of it,
// 1.96·SEM, before the band is clipped to the response scale.
func (m MeasuredReliability) BandHalfWidth() float64 { return bandZ * m.SEM() }

// Options hands Score what the organisation knows beyond one response.
// The zero value scores with the defaults and no organisation data.
type Options struct {
	// Cut separates low from high on the 2×2 profile grid; nil means the
	// response scale's agree point (3.5 on 1–5).
	Cut *float64
	// Reliability holds measured reliabilities by scale or composite ID.
	// Entries measured on fewer than MinReferenceN responses are not used.
	Reliability map[string]MeasuredReliability
	// Norms are the organisation's reference groups; nil means no norms.
	Norms *Norms
	// NormGroup says which responses Norms were made of (a language's, or
	// every language's pooled); nil when the caller does not say.
	NormGroup *NormGroup
	// Language is the language the response was answered in, recorded
	// in the result; "" when not known.
	Language string
	// IRV summarises the organisation's within-person SDs (the Value of
	// earlier responses' "irv" check) as a mean and SD that a caller can
	// keep as a snapshot and update with Moments.Add as responses arrive;
	// nil means no comparison.
	IRV *Moments
	// Answers is the reference of the Mahalanobis-distance check: the
	// organisation's complete answer vectors, summarised in an
	// AnswerMoments (which a caller can keep as a snapshot and update with
	// Add) and prepared with its Reference method; nil, or fewer than 200
	// responses, means no comparison.
	Answers *DistanceReference
}

// Result is a scored response. It is stored as JSON and returned by the
// API: every list is in questionnaire order, and a missing value is null,
// never NaN.
type Result struct {
	// Questionnaire, Version and Hash identify the definition scored against.
	Questionnaire string `json:"questionnaire"`
	Version       int    `json:"version"`
	Hash          string `json:"hash"`
	// ScoringVersion is the ScoringVersion of the rules that produced the
	// result; 0 in a result stored before it was recorded (version 1).
	ScoringVersion int `json:"scoring_version"`
	// Language is the language the answers were given in; absent in a
	// result stored before languages were recorded (English).
	Language string `json:"language,omitempty"`
	// NormGroup says which earlier responses the norms were made of;
	// absent when not recorded.
	NormGroup *NormGroup `json:"norm_group,omitempty"`
	// Answered counts the valid answers; Items counts the items.
	Answered int `json:"answered"`
	Items    int `json:"items"`
	// Ignored lists, sorted, the IDs of answers that were left out because
	// they name no item or are off the item's allowed values.
	Ignored []string `json:"ignored,omitempty"`
	// Scales are the facet scores, in definition order.
	Scales []ScaleScore `json:"scales"`
	// Composites are the composite scores, in definition order.
	Composites []ScaleScore `json:"composites"`
	// Profile is the 2×2 class; null when the questionnaire has no hunter
	// and farmer composites.
	Profile *Profile `json:"profile"`
	// Preference is the work-preference index; null when the questionnaire
	// has no choice items.
	Preference *Preference `json:"preference"`
	// Quality holds the careless-responding checks.
	Quality Quality `json:"quality"`
}

// ScaleScore is the score of one facet or composite.
type ScaleScore struct {
	// ID and Name are the facet's or composite's.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Composite is the composite a facet belongs to.
	Composite string `json:"composite,omitempty"`
	// Score is on the response scale; null when too little was answered.
	Score *float64 `json:"score"`
	// Answered and Of count items (facets) or scored facets (composites).
	Answered int `json:"answered"`
	Of       int `json:"of"`
	// Missing says why Score is null.
	Missing string `json:"missing,omitempty"`
	// Band is the 95% band around the score; null when the reliability is
	// not yet known, and BandNote then says so.
	Band     *Band  `json:"band"`
	BandNote string `json:"band_note,omitempty"`
	// Norm places the score in the organisation's reference group; null
	// without norms. NormNote says why norms exist but were not applied.
	Norm     *Standing `json:"norm"`
	NormNote string    `json:"norm_note,omitempty"`
}

// Band is the uncertainty of a score: SEM = SD·sqrt(1 − reliability)
// (Crocker & Algina 1986, ch. 6) and Low..High = score ± 1.96·SEM, the
// scoreBand that holds the true score 95% of the time, clipped to the response
// scale.
type Band struct {
	// Low and High bound the band on the response scale.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// SEM is the standard error of measurement.
	SEM float64 `json:"sem"`
	// Reliability, SD and N are the measured values the band rests on.
	Reliability float64 `json:"reliability"`
	SD          float64 `json:"sd"`
	N           int     `json:"n"`
}

// bandZ is the normal quantile of a two-sided 95% band.
const bandZ = 1.96

// The share of a facet's items (or a composite's facets) that must be
// answered for a score: 3 of 4. Below it a mean rests on too few answers
// and is shown as missing, not as zero or as a guess.
const (
	minAnsweredNum = 3
	minAnsweredDen = 4
)

// enoughAnswered reports whether answered of total meets the 75% rule.
func enoughAnswered(answered, total int) bool {
	return total > 0 && answered*minAnsweredDen >= total*minAnsweredNum
}

// neededAnswers returns the smallest count that meets the 75% rule.
func neededAnswers(total int) int {
	return (total*minAnsweredNum + minAnsweredDen - 1) / minAnsweredDen
}

// missingAnswer marks an unanswered item; any int is a possible scale point.
const missingAnswer = math.MinInt

// Score scores one response (internal/assess/doc.go and docs/QUALITY.md).
//
// A facet's score is the mean of its answered items after reversal
// (min+max−x for key −1); with fewer than 75% of its items answered it has
// no score. A composite's score is the unweighted mean of the scores of its
// facets that have one, provided at least 75% of its facets do (4 of 5);
// otherwise it has none. Answers that name no item or are off an item's
// allowed values are left out and listed in Ignored. A response that the
// quality checks flag is still scored.
func Score(q *Questionnaire, r Response, opt Options) Result {
	// A result is the same whatever language the answers were given in:
	// it is scored, and its notes are written, with the source's texts.
	q = q.sourceDef()
	ix := q.index()
	vals, answered := answerVector(q, ix, r.Answers)
	res := Result{
		Questionnaire:  q.ID,
		Version:        q.Version,
		Hash:           q.Hash,
		ScoringVersion: ScoringVersion,
		Language:       opt.Language,
		NormGroup:      opt.NormGroup,
		Answered:       answered,
		Items:          len(ix.items),
		Scales:         make([]ScaleScore, len(q.Scales)),
		Composites:     make([]ScaleScore, len(q.Composites)),
	}
	if answered != len(r.Answers) {
		res.Ignored = ignoredAnswers(ix, vals, r.Answers)
	}

	facet := make([]float64, len(q.Scales)) // NaN when missing
	for s, sc := range q.Scales {
		sum, n := 0, 0
		for _, p := range ix.scaleItems[s] {
			v := vals[p]
			if v == missingAnswer {
				continue
			}
			if ix.items[p].Key < 0 {
				v = q.Scale.Reverse(v)
			}
			sum += v
			n++
		}
		out := ScaleScore{ID: sc.ID, Name: sc.Name, Composite: sc.Composite, Answered: n, Of: len(ix.scaleItems[s])}
		facet[s] = math.NaN()
		if enoughAnswered(n, out.Of) {
			facet[s] = float64(sum) / float64(n)
		} else {
			out.Missing = fmt.Sprintf("%d of %d items answered; at least %d needed", n, out.Of, neededAnswers(out.Of))
		}
		res.Scales[s] = finishScore(q, out, facet[s], opt)
	}

	composite := make([]float64, len(q.Composites))
	for c, co := range q.Composites {
		sum, n := 0.0, 0
		for _, s := range ix.compositeScales[c] {
			if !math.IsNaN(facet[s]) {
				sum += facet[s]
				n++
			}
		}
		out := ScaleScore{ID: co.ID, Name: co.Name, Answered: n, Of: len(ix.compositeScales[c])}
		composite[c] = math.NaN()
		if enoughAnswered(n, out.Of) {
			composite[c] = sum / float64(n)
		} else {
			out.Missing = fmt.Sprintf("%d of %d facets scored; at least %d needed", n, out.Of, neededAnswers(out.Of))
		}
		res.Composites[c] = finishScore(q, out, composite[c], opt)
	}

	res.Profile = classifyProfile(q, ix, res.Composites, opt)
	res.Preference = preferenceOf(q, ix, vals)
	res.Quality = checkQuality(q, ix, vals, r.PageSeconds, opt)
	return res
}

// answerVector lays the valid answers out by item position, with
// missingAnswer for the rest, and counts them.
func answerVector(q *Questionnaire, ix *index, answers map[string]int) ([]int, int) {
	vals := make([]int, len(ix.items))
	n := 0
	for p, it := range ix.items {
		vals[p] = missingAnswer
		v, ok := answers[it.ID]
		if !ok {
			continue
		}
		if it.Kind == KindChoice {
			ok = v >= 1 && v <= len(it.Options)
		} else {
			ok = q.Scale.Contains(v)
		}
		if ok {
			vals[p] = v
			n++
		}
	}
	return vals, n
}

// ignoredAnswers lists, sorted, the answers answerVector left out.
func ignoredAnswers(ix *index, vals []int, answers map[string]int) []string {
	var out []string
	for id := range answers {
		if p, ok := ix.byID[id]; !ok || vals[p] == missingAnswer {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// finishScore sets the score, its band and its norm.
func finishScore(q *Questionnaire, out ScaleScore, score float64, opt Options) ScaleScore {
	if math.IsNaN(score) {
		return out
	}
	out.Score = &score
	out.Band, out.BandNote = scoreBand(q, out.ID, score, opt)
	if opt.Norms != nil {
		if st, ok := opt.Norms.Standing(out.ID, score); ok {
			out.Norm = st
		} else {
			n := 0
			if r, ok := opt.Norms.Reference(out.ID); ok {
				n = r.N()
			}
			out.NormNote = fmt.Sprintf("no norms yet: %d earlier scores, %d needed", n, MinReferenceN)
		}
	}
	return out
}

// scoreBand computes the 95% band from the measured reliability, or says why
// there is none.
func scoreBand(q *Questionnaire, id string, score float64, opt Options) (*Band, string) {
	rel, ok := opt.Reliability[id]
	switch {
	case !ok:
		return nil, "reliability not yet known"
	case rel.N < MinReferenceN:
		return nil, fmt.Sprintf("reliability not yet known: measured on %d responses, %d needed", rel.N, MinReferenceN)
	case math.IsNaN(rel.Alpha) || math.IsInf(rel.Alpha, 0) || rel.Alpha > 1 ||
		math.IsNaN(rel.SD) || math.IsInf(rel.SD, 0) || rel.SD < 0:
		return nil, "reliability not usable: the measured values are out of range"
	}
	// A negative alpha (items that disagree more than chance) is read as 0:
	// the score then carries no reliable information and the band is ±1.96 SD.
	sem := rel.SEM()
	lo, hi := float64(q.Scale.Min), float64(q.Scale.Max)
	return &Band{
		Low:         min(max(score-bandZ*sem, lo), hi),
		High:        max(min(score+bandZ*sem, hi), lo),
		SEM:         sem,
		Reliability: rel.Alpha,
		SD:          rel.SD,
		N:           rel.N,
	}, ""
}
