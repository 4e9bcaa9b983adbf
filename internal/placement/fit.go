package placement

import "math"

// FitPart is one scale's share of a fit.
type FitPart struct {
	Scale string `json:"scale"`
	// Weight is the profile weight as a share of the weights of the scales
	// the person has a standing on (the shares add up to 1).
	Weight float64 `json:"weight"`
	// Standing is the person's standing on the scale, 0–100, and Source
	// says how it was found: "percentile" or "score".
	Standing float64 `json:"standing"`
	Source   string  `json:"source"`
	// Points is Weight × Standing: the part's points of the fit.
	Points float64 `json:"points"`
}

// FitResult is a person's fit for a role with its parts.
type FitResult struct {
	// Fit is 0–100; meaningful only when Known.
	Fit   float64   `json:"fit"`
	Known bool      `json:"known"`
	Parts []FitPart `json:"parts"`
	// Missing lists the profile's scales the person has no standing on;
	// their weight is shared among the others.
	Missing []string `json:"missing,omitempty"`
}

// standing maps a Standing onto 0–100 (internal/placement/doc.go: the local
// percentile when norms exist, else the score mapped linearly), clamped to
// the range.
func standing(s Standing) (float64, string) {
	if s.Percentile != nil {
		return clamp(*s.Percentile, 0, 100), "percentile"
	}
	if s.Min == 0 && s.Max == 0 {
		return clamp(s.Score, 0, 100), "score"
	}
	return clamp(100*(s.Score-s.Min)/(s.Max-s.Min), 0, 100), "score"
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// Fit is person p's fit for role r: the weighted average of the person's
// standings on the scales of the role's profile (internal/placement/doc.go). Scales
// the person has no standing on are left out and listed; with none left
// the fit is not known. The role must be valid (Team).
func Fit(p Person, r Role) FitResult { return fit(p, r, true) }

// fit is Fit, with the parts and missing scales listed only when detail is
// set: the team placement values every cell and needs only the number.
func fit(p Person, r Role, detail bool) FitResult {
	var res FitResult
	total := 0.0
	for _, w := range r.Profile {
		if w.Weight <= 0 {
			continue
		}
		if _, ok := p.Scales[w.Scale]; ok {
			total += w.Weight
		} else if detail {
			res.Missing = append(res.Missing, w.Scale)
		}
	}
	if total == 0 {
		return res
	}
	res.Known = true
	for _, w := range r.Profile {
		s, ok := p.Scales[w.Scale]
		if w.Weight <= 0 || !ok {
			continue
		}
		v, src := standing(s)
		share := w.Weight / total
		res.Fit += share * v
		if detail {
			res.Parts = append(res.Parts, FitPart{Scale: w.Scale, Weight: share, Standing: v, Source: src, Points: share * v})
		}
	}
	return res
}
