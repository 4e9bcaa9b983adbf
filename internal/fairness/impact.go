package fairness

import "cmp"

// The small-group rules (DESIGN.md §15).
const (
	// MinGroup is the fewest people a group needs to enter the ratios.
	MinGroup = 5
	// MinShare is the share of everyone assessed under which a group may
	// be left out of the ratios, as Local Law 144's rules allow.
	MinShare = 0.02
)

// Reasons a group is left out of the ratios.
const (
	ReasonFewerThan5 = "fewer than 5"
	ReasonUnder2Pct  = "under 2% of those assessed"
)

// Count is one group's tally for a decision: the people assessed and how
// many of them were selected.
type Count struct {
	Group    string
	Assessed int
	Selected int
}

// Options are the choices the rules leave to the report.
type Options struct {
	// ExcludeUnder2Pct leaves groups under MinShare of everyone assessed
	// out of the ratios.
	ExcludeUnder2Pct bool
}

// Group is one group's figures. Ratio, P and the flag are set only for a
// group in the ratios (Excluded is empty) when the reference rate is above
// zero; the reference group itself has a ratio of 1 and no P.
type Group struct {
	Count
	Rate float64
	// Ratio is the impact ratio, nil when the group is not in the ratios.
	Ratio *float64
	// P is Fisher's exact two-sided p against the reference group.
	P *float64
	// BelowFourFifths flags a ratio under 0.8.
	BelowFourFifths bool
	// Shortfall is how many more selections the group needed to reach
	// four fifths of the reference rate.
	Shortfall int
	Reference bool
	// Excluded says why the group is left out of the ratios, or "".
	Excluded string
}

// Report is the adverse-impact analysis of one decision by one grouping.
type Report struct {
	Groups []Group
	// Reference names the group with the highest rate among those in the
	// ratios, "" when no group qualifies or nobody was selected.
	Reference string
}

// Analyse computes rates, impact ratios, the four-fifths flag, Fisher's exact
// test and the shortfall of each group. Groups keep the order given. A count
// with Selected outside 0..Assessed is clamped into it, never trusted.
func Analyse(counts []Count, opt Options) Report {
	total := 0
	for _, c := range counts {
		total += max(0, c.Assessed)
	}
	groups := make([]Group, len(counts))
	for i, c := range counts {
		c.Assessed = max(0, c.Assessed)
		c.Selected = min(max(0, c.Selected), c.Assessed)
		g := Group{Count: c}
		if c.Assessed > 0 {
			g.Rate = float64(c.Selected) / float64(c.Assessed)
		}
		switch {
		case c.Assessed < MinGroup:
			g.Excluded = ReasonFewerThan5
		case opt.ExcludeUnder2Pct && float64(c.Assessed) < MinShare*float64(total):
			g.Excluded = ReasonUnder2Pct
		}
		groups[i] = g
	}
	ref := -1
	for i, g := range groups {
		if g.Excluded != "" {
			continue
		}
		if ref < 0 || better(g.Count, groups[ref].Count) {
			ref = i
		}
	}
	rep := Report{Groups: groups}
	if ref < 0 {
		return rep
	}
	r := groups[ref].Count
	if r.Selected == 0 {
		// Nobody was selected anywhere in the ratios: no group had a
		// higher rate than another, and a ratio to zero means nothing.
		return rep
	}
	rep.Reference = r.Group
	groups[ref].Reference = true
	for i := range groups {
		g := &groups[i]
		if g.Excluded != "" {
			continue
		}
		ratio := g.Rate / groups[ref].Rate
		g.Ratio = &ratio
		if g.Reference {
			continue
		}
		p := FisherExact(r.Selected, r.Assessed-r.Selected, g.Selected, g.Assessed-g.Selected)
		g.P = &p
		g.BelowFourFifths = 5*g.Selected*r.Assessed < 4*r.Selected*g.Assessed
		g.Shortfall = Shortfall(r, g.Count)
	}
	return rep
}

// Shortfall is max(0, ⌈0.8·rate_ref·n_g⌉ − s_g), in integers.
func Shortfall(ref, g Count) int {
	if ref.Assessed == 0 {
		return 0
	}
	num, den := 4*ref.Selected*g.Assessed, 5*ref.Assessed
	need := (num + den - 1) / den
	return max(0, need-g.Selected)
}

// better says whether a has a higher rate than b, comparing s_a/n_a with
// s_b/n_b in integers; ties go to the larger group, then to the name, so the
// reference group does not depend on the order of the rows.
func better(a, b Count) bool {
	l, r := a.Selected*b.Assessed, b.Selected*a.Assessed
	if l != r {
		return l > r
	}
	if a.Assessed != b.Assessed {
		return a.Assessed > b.Assessed
	}
	return cmp.Less(a.Group, b.Group)
}
