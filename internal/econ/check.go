package econ

import (
	"fmt"
	"math"
	"strconv"

	"rolefit/internal/errs"
)

// Limits that keep every output finite. They are far beyond any real
// business, so they only refuse input that is certainly a mistake.
const (
	// maxMonthHours is the number of hours in the longest month (31 × 24).
	maxMonthHours = 744
	// maxRate bounds revenue per hour.
	maxRate = 1e9
	// maxMoney bounds any amount of money: a cost, a salary, a quota.
	maxMoney = 1e12
	// maxAccounts bounds a book of accounts.
	maxAccounts = 1e9
	// minHoursPerAccount is the least selling time a new account can take
	// (36 seconds); less would let the book explode within 600 months.
	minHoursPerAccount = 0.01
	// MaxMonths is the longest simulation.
	MaxMonths = 600
)

// checker collects what is wrong with each input, the first problem per
// field, for one errs.InvalidFields error.
type checker map[string]string

func (c checker) add(field, format string, args ...any) {
	if _, ok := c[field]; !ok {
		c[field] = fmt.Sprintf(format, args...)
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
