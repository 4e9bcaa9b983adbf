package app

import (
	"context"
	"fmt"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/evidence"
)

// TechnicalReport is an organisation's technical report, built from its
// own data: the reliability of its self-report questionnaire, the size of
// its norms, its local validity, and what is not yet known
// (docs/TECHNICAL.md is the manual it stands beside).
type TechnicalReport struct {
	Reliability *Reliability
	Validity    *ValidityReport
	// At is when the report was built.
	At time.Time
	// Unknown says, in plain sentences, what the organisation's data
	// cannot tell yet.
	Unknown []string
}

// TechnicalReport gathers the report: reliability of the questionnaire
// most profiles answered (or the one with most responses), local
// validity, and what is not yet known.
func (a *App) TechnicalReport(ctx context.Context, act Actor) (*TechnicalReport, error) {
	v, err := a.Validity(ctx, act, ValidityQuery{})
	if err != nil {
		return nil, err
	}
	ref := ""
	if v.Questionnaire != nil {
		ref = Ref(v.Questionnaire)
	}
	r, err := a.Reliability(ctx, act, ref)
	if err != nil {
		return nil, err
	}
	return &TechnicalReport{Reliability: r, Validity: v, At: a.now(), Unknown: unknownsOf(r, v)}, nil
}

// unknownsOf lists what the figures cannot tell yet, most basic first.
func unknownsOf(r *Reliability, v *ValidityReport) []string {
	var out []string
	if v.Questionnaire == nil {
		out = append(out, "Everything: nobody has answered the questionnaire yet.")
		return out
	}
	if !r.Enough {
		out = append(out, fmt.Sprintf("How reliably the questionnaire measures on your people: it needs %d responses, there are %d.",
			assess.MinReferenceN, r.Responses))
	}
	switch {
	case r.NormsN < assess.MinReferenceN:
		out = append(out, fmt.Sprintf("Percentiles: they need %d responses to compare with.", assess.MinReferenceN))
	case r.NormsProvisional:
		out = append(out, fmt.Sprintf("Settled percentiles: the norms hold %d responses and stay provisional until %d.",
			r.NormsN, assess.ProvisionalBelowN))
	}
	if !v.CorrectsRange {
		out = append(out, fmt.Sprintf("How the scores would predict over all applicants rather than the staff chosen: the correction for range restriction needs %d responses.",
			MinRespondentsToCorrect))
	}
	for _, c := range Criteria {
		most := 0
		for _, it := range v.Items {
			if it.Criterion.ID == c.ID && it.Scale.Kind != "facet" {
				most = max(most, it.N)
			}
		}
		switch {
		case most == 0:
			out = append(out, fmt.Sprintf("Whether the scores go with %s: nobody has both a profile and one yet.", lowerFirst(c.Name)))
		case most < evidence.MinFinding:
			who := fmt.Sprintf("%d people have", most)
			if most == 1 {
				who = "1 person has"
			}
			out = append(out, fmt.Sprintf("Whether the scores go with %s: %s both, fewer than the %d a finding needs.",
				lowerFirst(c.Name), who, evidence.MinFinding))
		}
	}
	if len(r.Languages) > 1 && !r.LanguageNorms.Pooled {
		out = append(out, "Whether the languages' answers may share norms: "+r.LanguageNorms.Reason+".")
	}
	return out
}

// lowerFirst lowers a name's first letter for use inside a sentence
// ("Manager's rating" → "manager's rating").
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
