package assess

import (
	"fmt"
	"math"
	"strings"
)

// Class is a place on the 2×2 grid of the hunter and farmer composites.
type Class string

// The profile classes. hunter and farmer are two separate scores: a person
// can be high on both (ambidextrous) or on neither (developing).
const (
	ClassHunter       Class = "hunter"
	ClassFarmer       Class = "farmer"
	ClassAmbidextrous Class = "ambidextrous"
	ClassDeveloping   Class = "developing"
	// ClassUnknown: a composite has no score.
	ClassUnknown Class = "unknown"
)

// Profile is the 2×2 class of a response.
type Profile struct {
	// Class is the place on the grid.
	Class Class `json:"class"`
	// Borderline is true when the band of a composite contains the cut, so
	// the measurement cannot tell on which side of it the person stands.
	Borderline bool `json:"borderline"`
	// BorderlineOn lists the composites whose band contains the cut.
	BorderlineOn []string `json:"borderline_on,omitempty"`
	// Cut is the cut that was applied to both composites.
	Cut float64 `json:"cut"`
	// Reason says in words how the class follows from the scores.
	Reason string `json:"reason"`
}

// classifyProfile places the response on the 2×2 grid (Classify). The cut
// is opt.Cut (when it is a finite number), else the response scale's
// agree point (3.5 on 1–5): a mean at or above it means the person agrees,
// on average, that the composite's statements describe them.
func classifyProfile(q *Questionnaire, ix *index, composites []ScaleScore, opt Options) *Profile {
	if ix.hunter < 0 || ix.farmer < 0 {
		return nil
	}
	cut := q.Scale.AgreePoint()
	if opt.Cut != nil && !math.IsNaN(*opt.Cut) && !math.IsInf(*opt.Cut, 0) {
		cut = *opt.Cut
	}
	return Classify(composites[ix.hunter], composites[ix.farmer], cut)
}

// Classify places a pair of hunter and farmer composites on the 2×2 grid
// with the given cut: a score at or above the cut is high, and a
// composite whose band contains the cut is borderline. It is the one rule
// of the class: scoring applies it to a new response, and rolefit applies
// it again with the organisation's cut whenever it shows a stored one, so
// a changed cut never leaves a stale class behind.
func Classify(hunter, farmer ScaleScore, cut float64) *Profile {
	p := &Profile{Cut: cut}
	var why []string
	var high [2]bool // hunter, farmer
	known := true
	for i, c := range [2]ScaleScore{hunter, farmer} {
		if c.Score == nil {
			known = false
			why = append(why, fmt.Sprintf("%s has no score (%s)", c.ID, c.Missing))
			continue
		}
		high[i] = *c.Score >= cut
		side := "below"
		if high[i] {
			side = "at or above"
		}
		text := fmt.Sprintf("%s %.2f is %s the cut %.2f", c.ID, *c.Score, side, cut)
		if c.Band != nil {
			text += fmt.Sprintf(" (band %.2f–%.2f)", c.Band.Low, c.Band.High)
			if c.Band.Low <= cut && cut <= c.Band.High {
				p.Borderline = true
				p.BorderlineOn = append(p.BorderlineOn, c.ID)
				text += ", borderline: the band contains the cut"
			}
		}
		why = append(why, text)
	}
	switch {
	case !known:
		p.Class = ClassUnknown
	case high[0] && high[1]:
		p.Class = ClassAmbidextrous
	case high[0]:
		p.Class = ClassHunter
	case high[1]:
		p.Class = ClassFarmer
	default:
		p.Class = ClassDeveloping
	}
	p.Reason = strings.Join(why, "; ")
	return p
}

// WithCut places the scored response on the 2×2 grid again with another
// cut (Classify), from its stored hunter and farmer composites. A result
// without a profile (its questionnaire has no hunter and farmer
// composites) keeps none.
func (r *Result) WithCut(cut float64) {
	if r.Profile == nil {
		return
	}
	var h, f *ScaleScore
	for i := range r.Composites {
		switch r.Composites[i].ID {
		case "hunter":
			h = &r.Composites[i]
		case "farmer":
			f = &r.Composites[i]
		}
	}
	if h == nil || f == nil {
		return
	}
	r.Profile = Classify(*h, *f, cut)
}

// Preference is the work-preference index from the choice items.
type Preference struct {
	// Index is (hunter choices − farmer choices)/answered choice items, from
	// −1 (always the service task) to +1 (always the selling task); null when
	// fewer than 75% of the choice items were answered or the questionnaire
	// has no hunter and farmer composites.
	Index *float64 `json:"index"`
	// Answered and Of count the choice items.
	Answered int `json:"answered"`
	Of       int `json:"of"`
	// Counts gives how often each composite was chosen, in definition order.
	Counts []PreferenceCount `json:"counts"`
}

// PreferenceCount is how often options of one composite were chosen.
type PreferenceCount struct {
	// Composite is the composite's ID.
	Composite string `json:"composite"`
	// Count is how many choice items were answered with its option.
	Count int `json:"count"`
}

// preferenceOf computes the work-preference index. It applies the same 75%
// rule as a facet score: an index from two of eight choices says little.
func preferenceOf(q *Questionnaire, ix *index, vals []int) *Preference {
	if len(ix.choices) == 0 {
		return nil
	}
	counts := make([]int, len(q.Composites))
	answered := 0
	for _, p := range ix.choices {
		v := vals[p]
		if v == missingAnswer {
			continue
		}
		answered++
		if c := ix.optionOf[p][v-1]; c >= 0 {
			counts[c]++
		}
	}
	pref := &Preference{Answered: answered, Of: len(ix.choices), Counts: make([]PreferenceCount, len(q.Composites))}
	for c, co := range q.Composites {
		pref.Counts[c] = PreferenceCount{Composite: co.ID, Count: counts[c]}
	}
	if ix.hunter >= 0 && ix.farmer >= 0 && enoughAnswered(answered, len(ix.choices)) {
		idx := float64(counts[ix.hunter]-counts[ix.farmer]) / float64(answered)
		pref.Index = &idx
	}
	return pref
}
