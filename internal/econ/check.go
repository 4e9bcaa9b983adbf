package econ

import (
	"fmt"
	"math"
	"strconv"

	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// MaxMonths is the longest simulation, quantity.ModelMonths' bound: fifty
// years.
const MaxMonths = 600

// maxPeriodMoney bounds an amount summed over a period longer than a
// month, such as a seller's new-business revenue of a year: a thousand
// times MonthlyMoney's bound, still far from overflowing any sum.
const maxPeriodMoney = 1e12

// checker collects what is wrong with each input, the first problem per
// field, for one errs.InvalidFields error.
type checker map[string]string

func (c checker) add(field, format string, args ...any) {
	if _, ok := c[field]; !ok {
		c[field] = fmt.Sprintf(format, args...)
	}
}

// within checks v against the range of its kind (internal/quantity).
func (c checker) within(field string, v float64, r quantity.Range) {
	if msg := r.Problem(v); msg != "" {
		c.add(field, "%s", msg)
	}
}

// finite reports whether v is a number; NaN and ±Inf arrive from flags and
// forms ("NaN" parses as a float) and are refused by name.
func (c checker) finite(field string, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.add(field, "must be a finite number")
		return false
	}
	return true
}

// between checks lo ≤ v ≤ hi.
func (c checker) between(field string, v, lo, hi float64) {
	if !c.finite(field, v) {
		return
	}
	switch {
	case v < 0 && lo == 0:
		c.add(field, "must not be negative")
	case v < lo || v > hi:
		c.add(field, "must be between %s and %s", num(lo), num(hi))
	}
}

// flawsErr returns flaws as one invalid error with message, or nil.
func flawsErr(fs quantity.Flaws, message string) error {
	if len(fs) == 0 {
		return nil
	}
	return errs.InvalidFields(message, fs.Fields(""))
}

// err returns the collected problems as one invalid error, or nil.
func (c checker) err(message string) error {
	if len(c) == 0 {
		return nil
	}
	return errs.InvalidFields(message, c)
}

// num prints a limit without exponent noise for the sizes used here.
func num(v float64) string {
	if v >= 1e6 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
