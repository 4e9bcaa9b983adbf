package assess

import (
	"cmp"
	"slices"
)

// Guide sizes (DESIGN §14): an interview of 2–4 facets, two questions
// each, fits a 45-minute slot and one or two printed pages.
const (
	GuideMinFacets   = 2
	GuideMaxFacets   = 4
	GuideQuestions   = 2
	borderlineMargin = 0.25 // on the 1–5 scale, when a score has no band
)

// Why a facet is in a guide.
const (
	GuideBelow      = "below"      // scored below the cut on a facet the role needs
	GuideBorderline = "borderline" // at or above the cut, but the band reaches below it
	GuideUnknown    = "unknown"    // the role needs it and there is no score
	GuideFill       = "fill"       // added so that the guide asks at least two facets
)

// FacetStanding is a person's score on one facet with its 95% band; Low
// and High are nil when the band is not known.
type FacetStanding struct {
	Score     float64
	Low, High *float64
}

// GuideInput is what a guide is made from: the role's target weight per
// facet (FacetTargets), the person's facet scores (a facet without a score
// is absent), the organisation's cut and the codes of the quality flags
// the person's self-report raised.
type GuideInput struct {
	Target map[string]float64
	Scores map[string]FacetStanding
	Cut    float64
	Flags  []string
}

// Guide is an interview guide: the facets to ask about with their
// questions and anchors, and the probes for each quality flag.
type Guide struct {
	Facets []GuideFacet
	Flags  []FlagProbes
}

// GuideFacet is one facet of a guide.
type GuideFacet struct {
	Facet string
	// Weight is the role's target weight; Score is nil without a score.
	Weight float64
	Score  *float64
	// Reason is GuideBelow, GuideBorderline, GuideUnknown or GuideFill;
	// Priority is weight × (cut − score) for GuideBelow.
	Reason    string
	Priority  float64
	Questions []BankQuestion
	// Anchors are the rating scale's anchors by point, 1 to 5.
	Anchors map[int]string
}

// MakeGuide picks the facets an interview asks about (DESIGN §14): the
// facets the role needs (target weight above 0) where the person scores
// below the cut, ranked by weight × (cut − score); then the borderline
// ones (at or above the cut, with the 95% band reaching below it, or
// within a quarter point of it without a band) and those the role needs
// without a score, by weight; at most four. When that gives fewer than
// two, the role's other facets by weight and then the bank's facets by
// lowest score fill it up to two. Each facet gets the bank's first two
// questions; each quality flag its probes.
func MakeGuide(b *InterviewBank, in GuideInput) Guide {
	type cand struct {
		GuideFacet
		tier int
	}
	var cs []cand
	for _, bf := range b.Facets {
		c := cand{GuideFacet: GuideFacet{Facet: bf.Facet, Weight: in.Target[bf.Facet], Anchors: bf.Anchors}}
		s, scored := in.Scores[bf.Facet]
		if scored {
			c.Score = &s.Score
		}
		switch {
		case c.Weight > 0 && scored && s.Score < in.Cut:
			c.tier, c.Reason, c.Priority = 0, GuideBelow, c.Weight*(in.Cut-s.Score)
		case c.Weight > 0 && scored && borderline(s, in.Cut):
			c.tier, c.Reason = 1, GuideBorderline
		case c.Weight > 0 && !scored:
			c.tier, c.Reason = 1, GuideUnknown
		case c.Weight > 0:
			c.tier, c.Reason = 2, GuideFill
		default:
			c.tier, c.Reason = 3, GuideFill
		}
		n := min(GuideQuestions, len(bf.Questions))
		c.Questions = bf.Questions[:n]
		cs = append(cs, c)
	}
	slices.SortStableFunc(cs, func(x, y cand) int {
		if x.tier != y.tier {
			return cmp.Compare(x.tier, y.tier)
		}
		if x.tier == 0 {
			return cmp.Compare(y.Priority, x.Priority)
		}
		if x.Weight != y.Weight {
			return cmp.Compare(y.Weight, x.Weight)
		}
		return cmp.Compare(scoreOr(x.Score, 6), scoreOr(y.Score, 6))
	})
	var g Guide
	for _, c := range cs {
		if len(g.Facets) == GuideMaxFacets || (c.tier >= 2 && len(g.Facets) >= GuideMinFacets) {
			break
		}
		g.Facets = append(g.Facets, c.GuideFacet)
	}
	for _, code := range FlagCodes {
		if slices.Contains(in.Flags, code) {
			g.Flags = append(g.Flags, FlagProbes{Flag: code, Probes: b.FlagProbes(code)})
		}
	}
	return g
}

// borderline reports whether a score at or above the cut could be below
// it: its band reaches below the cut, or, without a band, it is within
// borderlineMargin of it.
func borderline(s FacetStanding, cut float64) bool {
	if s.Low != nil {
		return *s.Low < cut
	}
	return s.Score-cut < borderlineMargin
}

func scoreOr(p *float64, v float64) float64 {
	if p == nil {
		return v
	}
	return *p
}

// FacetTargets turns a role's target profile, whose weights may be on
// facets or on composites, into a weight per facet of q: a composite's
// weight is shared equally among its facets (a composite score is the
// unweighted mean of its facets, Score). Scales q does not have are left
// out.
func FacetTargets(q *Questionnaire, weights map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for id, w := range weights {
		if fs := q.CompositeScales(id); len(fs) > 0 {
			for _, f := range fs {
				out[f.ID] += w / float64(len(fs))
			}
			continue
		}
		for _, s := range q.Scales {
			if s.ID == id {
				out[id] += w
			}
		}
	}
	return out
}
