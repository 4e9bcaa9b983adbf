package app

import (
	"context"
	"encoding/json"
	"fmt"
	"rolefit"
	"sort"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

// Feedback is a respondent's plain-language summary of their own profile,
// shown after they submit where the organisation allows it
// (Settings.RespondentFeedback): their strengths as words and which kind
// of work they lean towards, from their own scores only. It holds no
// percentile, no comparison with anyone and no advice about hiring.
type Feedback struct {
	// Lean is "hunter", "farmer", "both" or "neither": the composites at
	// or above the organisation's cut, as the 2×2 class reads them.
	Lean string
	// Strengths are the IDs of the facets scored at or above the cut,
	// highest first, at most three.
	Strengths []string
	// Names are the facets' names as the questionnaire gives them, for a
	// facet the message catalogues do not describe.
	Names       map[string]string
	SubmittedAt time.Time
	// Until is when the link stops showing it.
	Until time.Time
}

// maxStrengths is how many strengths the summary names: enough to be
// useful, few enough to read as the person's own.
const maxStrengths = 3

// FeedbackShown says whether the respondent may see their summary now:
// the organisation shows it, they have submitted, and their link has not
// expired.
func (rs *Respondent) FeedbackShown() bool {
	return rs.r.Org.RespondentFeedback && rs.State() == rolefit.InvitationSubmitted && rs.a.now().Before(rs.r.Inv.ExpiresAt)
}

// Feedback returns the respondent's own summary, from the response of
// their link and nothing else. Where it is not shown, it is not found: the
// link says nothing about settings it is not given.
func (rs *Respondent) Feedback(ctx context.Context) (*Feedback, error) {
	if !rs.FeedbackShown() {
		return nil, errs.NotFound("summary")
	}
	org := rs.a.st.Scope(rs.r.Org.ID)
	resps, err := org.PersonResponses(ctx, rs.r.Person.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range resps {
		if r.InvitationID == nil || *r.InvitationID != rs.r.Inv.ID {
			continue
		}
		var res assess.Result
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return nil, fmt.Errorf("read the scores of response %s: %w", r.ID, err)
		}
		fb := feedbackOf(res, rs.r.Org.ProfileCut)
		fb.SubmittedAt, fb.Until = r.SubmittedAt, rs.r.Inv.ExpiresAt
		return fb, nil
	}
	return nil, errs.NotFound("summary")
}

// feedbackOf reads a scored result as words: the composites and facets at
// or above cut.
func feedbackOf(res assess.Result, cut float64) *Feedback {
	fb := &Feedback{Names: map[string]string{}}
	high := map[string]bool{}
	for _, c := range res.Composites {
		high[c.ID] = c.Score != nil && *c.Score >= cut
	}
	switch {
	case high["hunter"] && high["farmer"]:
		fb.Lean = "both"
	case high["hunter"]:
		fb.Lean = "hunter"
	case high["farmer"]:
		fb.Lean = "farmer"
	default:
		fb.Lean = "neither"
	}
	var facets []assess.ScaleScore
	for _, s := range res.Scales {
		if s.Score != nil && *s.Score >= cut {
			facets = append(facets, s)
		}
	}
	sort.SliceStable(facets, func(i, j int) bool { return *facets[i].Score > *facets[j].Score })
	for _, s := range facets[:min(len(facets), maxStrengths)] {
		fb.Strengths = append(fb.Strengths, s.ID)
		fb.Names[s.ID] = s.Name
	}
	return fb
}
