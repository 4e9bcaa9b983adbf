package quantity

import (
	"fmt"
	"math"
)

// Range is a kind of quantity: the values it may take and the words that
// say so. The zero Range allows only 0.
type Range struct {
	// What names the quantity in a message about a value typed: "revenue
	// an hour" in "must be between 0 and 1,000,000 (revenue an hour)".
	What string
	// Unit follows a number or a span: "an hour" in "0–1,000,000 an
	// hour"; "" for a pure number such as a share.
	Unit string
	// Min and Max are the least and the greatest value allowed.
	Min, Max float64
	// BelowMax makes Max itself not allowed: a churn of 1 would lose every
	// account each month.
	BelowMax bool
	// Zero, when not "", also allows 0 below Min and says what 0 means
	// ("no quota"); such a 0 is never a divisor.
	Zero string
	// Whole allows whole numbers only (seats, hires, months counted).
	Whole bool
}

// Allows reports whether v is a value of the range. NaN and ±Inf never
// are.
func (r Range) Allows(v float64) bool {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return false
	case r.Whole && v != math.Trunc(v):
		return false
	case v == 0 && r.Zero != "":
		return true
	case v < r.Min || v > r.Max:
		return false
	case r.BelowMax && v == r.Max:
		return false
	}
	return true
}

// Problem says what is wrong with a typed value v, in the words a form
// shows beside its box ("must be between 0 and 1,000,000 (revenue an
// hour)"), or "" when v is allowed.
func (r Range) Problem(v float64) string {
	if r.Allows(v) {
		return ""
	}
	return r.Rule()
}

// Rule says the range as a rule for a value: "must be between 0 and
// 1,000,000 (revenue an hour)".
func (r Range) Rule() string {
	number := "must be "
	if r.Whole {
		number = "must be a whole number "
	}
	span := fmt.Sprintf("between %s and %s", Format(r.Min), Format(r.Max))
	if r.BelowMax {
		span = fmt.Sprintf("at least %s and below %s", Format(r.Min), Format(r.Max))
	}
	if r.Zero != "" {
		span = fmt.Sprintf("0 (%s) or %s", r.Zero, span)
		if !r.Whole {
			number = "must be "
		}
	}
	if r.What == "" {
		return number + span
	}
	return number + span + " (" + r.What + ")"
}

// Span says the range in a few words, with its unit: "0–1,000,000 an
// hour", "1–120 months", "0 (no quota) or 1–10,000,000,000 a year".
func (r Range) Span() string {
	s := Format(r.Min) + "–" + Format(r.Max)
	if r.BelowMax {
		s = Format(r.Min) + " to below " + Format(r.Max)
	}
	if r.Zero != "" {
		s = "0 (" + r.Zero + ") or " + s
	}
	if r.Unit != "" {
		s += " " + r.Unit
	}
	return s
}

// Outside says that a stored value is not in the range, for a page that
// meets it: "1e300 is outside 0–1,000,000 an hour". It is for values
// saved before the range was checked, or by an older rolefit.
func (r Range) Outside(v float64) string {
	return Format(v) + " is outside " + r.Span()
}
