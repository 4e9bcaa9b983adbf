package server

import (
	"fmt"
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
		return "next to no"
	case a < 0.30:
		return "a weak"
	case a < 0.50:
		return "a moderate"
	}
	return "a strong"
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
	people := func(n int) string {
		if n == 1 {
			return "1 person"
		}
		return fmt.Sprintf("%d people", n)
	}
	switch {
	case it.N == 0 && it.Criterion.ID == app.CriterionInterview:
		return "Not yet recorded: nobody has interview ratings yet.", false
	case it.N == 0:
		return fmt.Sprintf("No one yet has both a profile and a %s.", crit), false
	case it.N < evidence.MinFinding:
		if _, ok := evidence.HalfWidth(it.N); ok {
			// The interval is always said: at this n it is so wide that
			// any r would be consistent with almost anything.
			return fmt.Sprintf("%s: far too few to tell; over %d people the 95%% interval is about %s around any r, and with %d it would be about %s.",
				people(it.N), it.N, halfText(it.N), app.PlanningN, planningText()), false
		}
		return fmt.Sprintf("%s: far too few to tell; with %d the interval would be about %s.", people(it.N), app.PlanningN, planningText()), false
	case it.R == nil:
		return fmt.Sprintf("%s, but their %s or their scores do not vary, so there is nothing to correlate.", people(it.N), crit), false
	}
	r := *it.R
	head := fmt.Sprintf("%s: r = %s, %s link", people(it.N), corrText(r), strength(r))
	if it.Low == nil || it.High == nil {
		return head + ".", true
	}
	span := fmt.Sprintf("the 95%% interval runs from %s to %s", corrText(*it.Low), corrText(*it.High))
	var says string
	switch {
	case *it.Low > 0:
		says = fmt.Sprintf("Higher scores went with a higher %s on your team; %s.", crit, span)
	case *it.High < 0:
		says = fmt.Sprintf("Higher scores went with a lower %s on your team; %s.", crit, span)
	default:
		says = fmt.Sprintf("Not clear yet: %s, which includes no link at all.", span)
		if it.N < app.PlanningN {
			says += fmt.Sprintf(" With %d people it would be about %s around zero.", app.PlanningN, planningText())
		}
	}
	return head + ". " + says, true
}

// intervalText writes an interval "−0.12 to 0.61", or a dash.
func intervalText(lo, hi *float64) string {
	if lo == nil || hi == nil {
		return "—"
	}
	return corrText(*lo) + " to " + corrText(*hi)
}

// figure writes a correlation, or a dash when there is none.
func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return corrText(*v)
}
