package server

import (
	"math"
	"strconv"
	"strings"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// corrText writes a correlation with two decimals and a true minus sign.
func corrText(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if strings.HasPrefix(s, "-") {
		if s == "-0.00" {
			return "0.00"
		}
		return "−" + s[1:]
	}
	return s
}

// pText writes a p value as a reader expects it: three decimals, and
// "< 0.001" below that.
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

// strength names the size of a correlation in Cohen's words (Statistical
// Power Analysis for the Behavioral Sciences, 2nd ed., 1988: .10 small,
// .30 medium, .50 large).
func strength(r float64) string {
	switch a := math.Abs(r); {
	case a < 0.10:
		return managerEnglish.T("evidence.strength.none")
	case a < 0.30:
		return managerEnglish.T("evidence.strength.weak")
	case a < 0.50:
		return managerEnglish.T("evidence.strength.moderate")
	}
	return managerEnglish.T("evidence.strength.strong")
}

// planningText is how far the 95% interval would reach either side of a
// correlation near zero with app.PlanningN people: "±0.36".
func planningText() string {
	return halfText(app.PlanningN)
}

// halfText is the half-width of a 95% interval around r = 0 over n
// people, as "±0.75".
func halfText(n int) string {
	h, _ := evidence.HalfWidth(n)
	return "±" + strconv.FormatFloat(h, 'f', 2, 64)
}

// verdictOf says in plain words what one scale against one criterion
// shows, respecting n: no data, too few to tell, or what the interval
// allows; finding reports whether it may be read as a result.
func verdictOf(it app.ValidityItem) (text string, finding bool) {
	crit := strings.ToLower(it.Criterion.Name)
	l := managerEnglish
	people := func(n int) string { return l.T("evidence.verdict.people", n) }
	switch {
	case it.N == 0 && it.Criterion.ID == app.CriterionInterview:
		return l.T("evidence.verdict.no_interviews"), false
	case it.N == 0:
		return l.T("evidence.verdict.nobody", crit), false
	case it.N < evidence.MinFinding:
		if _, ok := evidence.HalfWidth(it.N); ok {
			// The interval is always said: at this n it is so wide that
			// any r would be consistent with almost anything.
			return l.T("evidence.verdict.far_too_few_over", people(it.N), it.N, halfText(it.N), app.PlanningN, planningText()), false
		}
		return l.T("evidence.verdict.far_too_few", people(it.N), app.PlanningN, planningText()), false
	case it.R == nil:
		return l.T("evidence.verdict.no_variation", people(it.N), crit), false
	}
	r := *it.R
	head := l.T("evidence.verdict.head", people(it.N), corrText(r), strength(r))
	if it.Low == nil || it.High == nil {
		return head + ".", true
	}
	span := l.T("evidence.verdict.span", corrText(*it.Low), corrText(*it.High))
	var says string
	switch {
	case *it.Low > 0:
		says = l.T("evidence.verdict.higher", crit, span)
	case *it.High < 0:
		says = l.T("evidence.verdict.lower", crit, span)
	default:
		says = l.T("evidence.verdict.unclear", span)
		if it.N < app.PlanningN {
			says += " " + l.T("evidence.verdict.planning", app.PlanningN, planningText())
		}
	}
	return head + ". " + says, true
}

// intervalText writes an interval "−0.12 to 0.61", or a dash.
func intervalText(lo, hi *float64) string {
	if lo == nil || hi == nil {
		return "—"
	}
	return managerEnglish.T("evidence.interval", corrText(*lo), corrText(*hi))
}

// figure writes a correlation, or a dash when there is none.
func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return corrText(*v)
}
