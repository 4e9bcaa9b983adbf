package assess

import (
	"fmt"
	"math/bits"
)

// Codes of the careless-responding checks (docs/QUALITY.md,
// docs/QUALITY.md). The indices follow Curran (2016), "Methods for the
// detection of carelessly invalid responses in survey data", Meade & Craig
// (2012), "Identifying careless responses in survey data", Huang et al.
// (2012) and Dunn et al. (2018).
const (
	CheckInstructed  = "instructed"
	CheckSpeed       = "speed"
	CheckLongstring  = "longstring"
	CheckIRV         = "irv"
	CheckDistance    = "distance"
	CheckConsistency = "consistency"
	CheckSynonyms    = "synonyms"
	CheckAntonyms    = "antonyms"
	CheckVirtues     = "virtues"
	// CheckAgreement flags when two or more independent indices each show
	// weak evidence (Supports) and none flagged on its own.
	CheckAgreement = "agreement"
)

// CheckStatus is the outcome of one check.
type CheckStatus string

// The outcomes of a check.
const (
	StatusPassed  CheckStatus = "passed"
	StatusFlagged CheckStatus = "flagged"
	// StatusSkipped: the check could not be made (no timings, too few
	// pairs answered, an undefined correlation); Detail says why.
	StatusSkipped CheckStatus = "skipped"
)

// Severity says how strong the evidence behind a flag is.
type Severity string

// The severities, strongest first. A Quality with no flag has severity "".
const (
	// SeverityLikely, "likely careless": an extreme value, or two
	// independent indices agreeing.
	SeverityLikely Severity = "likely"
	// SeverityLook, "worth a look": one index past its calibrated limit.
	SeverityLook Severity = "look"
)

// Quality holds the outcome of every check and the flags raised. A flagged
// response is still stored and scored; a manager decides what it means.
type Quality struct {
	// Severity is the strongest evidence over all flags: SeverityLikely
	// when any flag is likely, or checks of two independent families of
	// careless-responding indices flagged, or one flagged and an index of
	// another family shows weak evidence (Supports); SeverityLook when
	// anything else flagged; "" when nothing did.
	Severity Severity `json:"severity"`
	// Flags lists the checks that flagged, with reasons, in check order.
	Flags []Flag `json:"flags"`
	// Checks lists every check with what it measured, in a fixed order.
	Checks []Check `json:"checks"`
}

// Check returns the check with the given code (CheckIRV, ...), for
// example to collect the IRV of earlier responses into an IRV reference.
func (q Quality) Check(code string) (Check, bool) {
	for _, c := range q.Checks {
		if c.Code == code {
			return c, true
		}
	}
	return Check{}, false
}

// Flag is one raised flag.
type Flag struct {
	// Code names the check (CheckInstructed, ...).
	Code string `json:"code"`
	// Severity is SeverityLikely or SeverityLook.
	Severity Severity `json:"severity"`
	// Reason says in plain words what was found, with its numbers, and how
	// often the rule flags careful respondents.
	Reason string `json:"reason"`
	// FalseFlagRate is the share of attentive respondents the rule that
	// raised the flag flags, the highest over the calibration models of
	// docs/QUALITY.md (0.004 = 0.4%).
	FalseFlagRate float64 `json:"false_flag_rate"`
}

// Check is one check with its measured value.
type Check struct {
	// Code names the check (CheckInstructed, ...).
	Code string `json:"code"`
	// Status says whether it passed, flagged or could not be made.
	Status CheckStatus `json:"status"`
	// Severity is the flag's severity when Status is StatusFlagged.
	Severity Severity `json:"severity,omitempty"`
	// Supports is true when the value is past the check's supporting
	// limit: weak evidence that does not flag alone but counts towards
	// CheckAgreement and the overall severity.
	Supports bool `json:"supports,omitempty"`
	// Value is what was measured (a count, seconds, a run length, an SD, a
	// correlation, a mean); null when the check was skipped.
	Value *float64 `json:"value"`
	// Limit is the value compared against; null when there is none.
	Limit *float64 `json:"limit"`
	// Z places Value in the organisation's distribution (IRV only).
	Z *float64 `json:"z,omitempty"`
	// N is the number of observations Value rests on.
	N int `json:"n"`
	// Detail says in words what was measured and how it compares, or why
	// the check was skipped.
	Detail string `json:"detail"`
	// FalseFlagRate is, when the check flagged, the false-flag rate of the
	// rule that flagged (Flag).
	FalseFlagRate float64 `json:"false_flag_rate,omitempty"`
}

// family groups the careless-responding checks by the evidence they read,
// as a bit, and is 0 for the others: virtues measure answering to look
// good, not carelessness, and agreement is itself a combination. The
// distance reads the whole pattern against the organisation's answers. The
// consistency index and the designed pairs all read agreement between
// statements on the same facets, so evidence from two of them is one piece
// of evidence, not two: in the calibration they go together.
func family(code string) uint8 {
	switch code {
	case CheckInstructed:
		return 1
	case CheckLongstring:
		return 2
	case CheckIRV:
		return 4
	case CheckConsistency, CheckSynonyms, CheckAntonyms:
		return 8
	case CheckDistance:
		return 16
	case CheckSpeed:
		return 32
	}
	return 0
}

// checkQuality runs every check on one response and combines them.
func checkQuality(q *Questionnaire, ix *index, vals []int, seconds []float64, opt Options) Quality {
	checks := []Check{
		checkInstructed(q, ix, vals),
		checkSpeed(q, ix, vals, seconds),
		checkLongstring(q, ix, vals),
		checkIRV(ix, vals, opt.IRV),
		checkDistance(ix, vals, opt.Answers),
		checkConsistency(q, ix, vals),
		checkPairs(CheckSynonyms, ix.synonyms, vals),
		checkPairs(CheckAntonyms, ix.antonyms, vals),
		checkVirtues(q, ix, vals),
	}
	checks = append(checks, checkAgreement(checks))
	out := Quality{Flags: []Flag{}, Checks: checks}
	flagged := 0
	var flaggedFamilies, supportFamilies uint8
	for _, c := range checks {
		if c.Supports {
			supportFamilies |= family(c.Code)
		}
		if c.Status != StatusFlagged {
			continue
		}
		flagged++
		flaggedFamilies |= family(c.Code)
		out.Flags = append(out.Flags, Flag{
			Code:          c.Code,
			Severity:      c.Severity,
			Reason:        c.Detail + rateWords(c.FalseFlagRate),
			FalseFlagRate: c.FalseFlagRate,
		})
		if c.Severity == SeverityLikely {
			out.Severity = SeverityLikely
		}
	}
	switch {
	case flagged == 0:
	case out.Severity == SeverityLikely:
	case bits.OnesCount8(flaggedFamilies) >= 2, supportedElsewhere(flaggedFamilies, supportFamilies):
		// Two independent pieces of evidence pointing the same way.
		out.Severity = SeverityLikely
	default:
		out.Severity = SeverityLook
	}
	return out
}

// supportedElsewhere reports whether a flagged family has weak evidence
// from another family beside it.
func supportedElsewhere(flagged, support uint8) bool {
	if flagged == 0 || support == 0 {
		return false
	}
	// Only one family flagged and the same one alone supporting leaves no
	// pair of different families.
	return !(flagged == support && flagged&(flagged-1) == 0)
}

// rateWords says a rule's false-flag rate in words a manager reads.
func rateWords(rate float64) string {
	if rate <= 0 {
		return " (no careful respondent in the calibration was flagged by this rule)"
	}
	return fmt.Sprintf(" (this rule also flags up to %s of careful respondents)", percentWords(rate))
}

// percentWords writes a rate as a percentage with one significant place
// below 1%: 0.004 → "0.4%".
func percentWords(rate float64) string {
	if rate < 0.01 {
		return fmt.Sprintf("%.1f%%", 100*rate)
	}
	return fmt.Sprintf("%.0f%%", 100*rate)
}

func floatPtr(v float64) *float64 { return &v }

func skippedCheck(code, detail string) Check {
	return Check{Code: code, Status: StatusSkipped, Detail: detail}
}

// flag marks c as flagged by a rule with the given severity and rate.
func (c *Check) flag(sev Severity, rate float64) {
	c.Status, c.Severity, c.FalseFlagRate = StatusFlagged, sev, rate
}

// checkAgreement flags when no check flagged on its own but weak evidence
// comes from at least agreementMin independent families of careless
// indices: independent indices agreeing are stronger than either (Meade &
// Craig 2012 combine indices for the same reason).
func checkAgreement(checks []Check) Check {
	var which []string
	var seen uint8
	for _, c := range checks {
		if c.Status == StatusFlagged {
			return Check{Code: CheckAgreement, Status: StatusPassed, Value: floatPtr(0), Limit: floatPtr(agreementMin),
				Detail: "not needed: a check flagged on its own"}
		}
		if f := family(c.Code); c.Supports && f != 0 && seen&f == 0 {
			seen |= f
			which = append(which, c.Code)
		}
	}
	n := len(which)
	c := Check{Code: CheckAgreement, Status: StatusPassed, Value: floatPtr(float64(n)), Limit: floatPtr(agreementMin), N: n}
	c.Detail = fmt.Sprintf("%d independent indices show weak evidence of careless answering", n)
	if n > 0 {
		c.Detail += fmt.Sprintf(" (%s)", joinWords(which))
	}
	if n >= agreementMin {
		c.flag(SeverityLook, rateAgreement)
		c.Detail += fmt.Sprintf(": %d or more independent indices agree, though none is strong alone", agreementMin)
	}
	return c
}

// joinWords joins codes with commas and a final "and".
func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	s := ws[0]
	for _, w := range ws[1 : len(ws)-1] {
		s += ", " + w
	}
	return s + " and " + ws[len(ws)-1]
}
