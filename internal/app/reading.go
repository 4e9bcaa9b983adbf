package app

import (
	"fmt"
	"math"
	"strings"

	"rolefit/internal/assess"
)

// Reading is what a scored response means for placement, in plain words
// and built from its numbers: what the class suggests, then how far the
// numbers can be trusted (the source, the bands, the reference group, the
// quality flags). Each part is one short paragraph.
type Reading struct {
	// Placement says what the class and the preference suggest.
	Placement []string
	// Limits says what the reader should keep in mind.
	Limits []string
}

// ReadingOf reads a scored response. manager is set for a manager's
// rating, which is read as one observer's view rather than a self-report.
func ReadingOf(res assess.Result, manager bool) Reading {
	var r Reading
	hunter, farmer := compositeOf(res, "hunter"), compositeOf(res, "farmer")
	who := "Their own answers describe"
	if manager {
		who = "The manager's rating describes"
	}
	if p := res.Profile; p != nil {
		scores := ""
		if hunter != nil && hunter.Score != nil && farmer != nil && farmer.Score != nil {
			scores = fmt.Sprintf(" (hunter %.2f, farmer %.2f; %.2f or more counts as high)", *hunter.Score, *farmer.Score, p.Cut)
		}
		switch p.Class {
		case assess.ClassHunter:
			r.Placement = append(r.Placement, who+" someone drawn to winning new business more than to looking after existing customers: a hunter"+scores+
				". For placement that points to new-business selling. Keeping them busy with account service would spend selling hours on work a service person can do.")
		case assess.ClassFarmer:
			r.Placement = append(r.Placement, who+" someone drawn to looking after customers more than to winning new ones: a farmer"+scores+
				". For placement that points to account service or customer success, where they can spot a customer's next need and hand the sale to a seller.")
		case assess.ClassAmbidextrous:
			r.Placement = append(r.Placement, who+" someone high on both new-business selling and relationship service: ambidextrous"+scores+
				". They could do either; let the value of their hours decide. New business usually earns more an hour, so as their book of accounts grows, hand its service to someone else.")
		case assess.ClassDeveloping:
			r.Placement = append(r.Placement, who+" someone below the cut on both new-business selling and relationship service: developing"+scores+
				". The answers alone do not point to either kind of role; look at observed performance and talk with them before placing them.")
		default:
			r.Placement = append(r.Placement, "Too little was answered to place this response on the hunter–farmer grid, so it says nothing about placement yet.")
		}
		if p.Borderline {
			on := "the band of the " + joinAnd(p.BorderlineOn) + " composite contains"
			if len(p.BorderlineOn) > 1 {
				on = "the bands of the " + joinAnd(p.BorderlineOn) + " composites contain"
			}
			r.Placement = append(r.Placement, fmt.Sprintf("The class is borderline: %s the cut %.2f, so the measurement cannot tell on which side of it they stand. Give the class less weight than the scores and their bands.",
				on, p.Cut))
		}
	}
	if pref := res.Preference; pref != nil && pref.Index != nil {
		idx := *pref.Index
		// A minus sign, not a hyphen, as on the rest of the page.
		v := strings.Replace(fmt.Sprintf("%+.2f", idx), "-", "−", 1)
		var s string
		switch {
		case idx >= 0.3:
			s = "Asked to choose between a selling task and a service task, they mostly chose selling (preference " + v + ", from −1 for always service to +1 for always selling)."
		case idx <= -0.3:
			s = "Asked to choose between a selling task and a service task, they mostly chose service (preference " + v + ", from −1 for always service to +1 for always selling)."
		default:
			s = "Asked to choose between a selling task and a service task, they chose each about as often (preference " + v + ", from −1 for always service to +1 for always selling)."
		}
		if agrees, ok := prefAgrees(res.Profile, idx); ok {
			if agrees {
				s += " That agrees with the class."
			} else {
				s += " That does not match the class: worth asking them about."
			}
		}
		r.Placement = append(r.Placement, s)
	}

	if manager {
		r.Limits = append(r.Limits, "This is one manager's rating of what they have seen at work: an observer's view, with that observer's blind spots. Read it beside the person's own answers and their recorded performance.")
	} else {
		r.Limits = append(r.Limits, "These are the person's own answers about how they like to work: a self-report, which shows how they see themselves, not what they achieve. Put it beside observed performance and, for staff, a manager's rating.")
	}
	r.Limits = append(r.Limits, bandSentence(res))
	r.Limits = append(r.Limits, normSentence(res))
	r.Limits = append(r.Limits, flagSentence(res.Quality))
	r.Limits = append(r.Limits, "A questionnaire is one piece of evidence: use it to ask better questions and to weigh a decision, never to make it alone.")
	return r
}

// compositeOf returns the composite id of a result, nil without one.
func compositeOf(res assess.Result, id string) *assess.ScaleScore {
	for i := range res.Composites {
		if res.Composites[i].ID == id {
			return &res.Composites[i]
		}
	}
	return nil
}

// prefAgrees says whether a clear preference (|index| ≥ 0.3) points the
// way the class does; ok is false when there is nothing to compare.
func prefAgrees(p *assess.Profile, idx float64) (agrees, ok bool) {
	if p == nil || math.Abs(idx) < 0.3 {
		return false, false
	}
	switch p.Class {
	case assess.ClassHunter:
		return idx > 0, true
	case assess.ClassFarmer:
		return idx < 0, true
	}
	return false, false
}

// bandSentence says how wide the composites' 95% bands are, or that the
// reliability they rest on is not yet known.
func bandSentence(res assess.Result) string {
	var widths []string
	widest := 0.0
	for _, c := range res.Composites {
		if c.Band == nil || c.Score == nil {
			continue
		}
		w := (c.Band.High - c.Band.Low) / 2
		widest = max(widest, w)
		widths = append(widths, fmt.Sprintf("%s ±%.2f", strings.ToLower(c.Name), w))
	}
	if len(widths) == 0 {
		return "How precise these scores are is not yet known: rolefit measures the questionnaire's reliability on your organisation's own responses once there are at least 30, and draws the bands from it. Until then, treat small differences between scores as noise."
	}
	s := fmt.Sprintf("Each score has a 95%% band, the range its true value most likely lies in: %s points.", joinAnd(widths))
	if widest >= 0.5 {
		s += " That is wide: differences between scores smaller than a band say little."
	} else {
		s += " Differences between scores smaller than that say little."
	}
	return s
}

// normsOf returns how many responses the percentiles of a scored response
// compare it with (the largest reference group of its scales) and
// whether that group is provisional.
func normsOf(res assess.Result) (n int, provisional bool) {
	for _, c := range append(append([]assess.ScaleScore{}, res.Composites...), res.Scales...) {
		if c.Norm != nil && c.Norm.N > n {
			n, provisional = c.Norm.N, c.Norm.Provisional
		}
	}
	return n, provisional
}

// normSentence says what the percentiles compare with: the responses the
// organisation had before this one, when it was scored.
func normSentence(res assess.Result) string {
	n, provisional := normsOf(res)
	switch {
	case n == 0:
		return "There are no percentiles yet: rolefit compares people only with your organisation's own earlier responses, never with invented norms, and there are too few of them."
	case provisional:
		return fmt.Sprintf("The percentiles compare them with the %d responses your organisation had before theirs. Below %d responses they are provisional: a small group can move them a long way as more people answer.", n, assess.ProvisionalBelowN)
	}
	return fmt.Sprintf("The percentiles compare them with the %d responses your organisation had before theirs: people who applied or work there, not the population at large.", n)
}

// flagSentence says what the quality checks found.
func flagSentence(q assess.Quality) string {
	if len(q.Flags) == 0 {
		return "No response-quality check raised a flag."
	}
	checks := make([]string, len(q.Flags))
	for i, f := range q.Flags {
		checks[i] = f.Code
	}
	what := "flags"
	if len(q.Flags) == 1 {
		what = "flag"
	}
	if q.Severity == assess.SeverityLikely {
		return fmt.Sprintf("The response has %d quality %s (%s) with strong evidence of careless answering: read every score above as doubtful until you have talked with them or they have answered again.", len(q.Flags), what, strings.Join(checks, ", "))
	}
	return fmt.Sprintf("The response has %d quality %s (%s) worth a look: probably attentive answering, but check the reasons below before leaning on the scores.", len(q.Flags), what, strings.Join(checks, ", "))
}

// joinAnd joins words as a list in a sentence: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
