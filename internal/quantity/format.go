package quantity

import (
	"math"
	"strconv"
	"strings"
)

// Format prints a number as a person reads it: digits grouped by
// thousands with commas and no trailing zeros ("1,000,000", "0.01",
// "744"), and in exponent form only when it is too large or too small for
// that ("1e300", "5e-324"), which only a value outside every range is.
func Format(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	a := math.Abs(v)
	if a != 0 && (a < 1e-4 || a >= 1e15) {
		return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), "e+", "e", 1)
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}
