package quantity

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// NotANumber is the message for text that Parse cannot read, as a form
// shows it beside the box.
const NotANumber = "must be a number written with digits and a decimal point, such as 1250.5 or 1,250.5"

// NotAWholeNumber is the message for text that ParseWhole cannot read.
const NotAWholeNumber = "must be a whole number written with digits, such as 12 or 1,200"

// errNotANumber is Parse's error; its text is NotANumber.
var errNotANumber = errors.New(NotANumber)

// Parse reads a decimal number as a person types it into a form, or a
// spreadsheet writes it into a CSV cell: an optional sign, digits, and an
// optional decimal point with digits after it; the whole part may be
// grouped by thousands with commas ("1,250.50"), as money is often typed.
// Surrounding spaces are ignored.
//
// It refuses what Go's strconv would accept but a person does not mean:
// hexadecimal ("0x1p4"), digits separated by "_" ("1_000"), exponents
// ("1e3"), "NaN" and "Inf"; and commas that do not group thousands
// ("1,5", which in much of the world means one and a half). A number too
// large for a float64 reads as ±Inf, which every Range refuses with its
// own message.
func Parse(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if !decimal(s) {
		return 0, errNotANumber
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, errNotANumber
	}
	return v, nil
}

// ParseWhole reads a whole number as Parse does ("12", "1,200", "2.0"),
// refusing a fraction ("2.5"). A number beyond what an int holds on every
// platform (±2,147,483,647) is refused too: no count rolefit asks for
// comes near it.
func ParseWhole(s string) (int, error) {
	v, err := Parse(s)
	if err != nil || v != math.Trunc(v) || v > math.MaxInt32 || v < math.MinInt32 {
		return 0, errors.New(NotAWholeNumber)
	}
	return int(v), nil
}

// ParseShare reads a share typed either as a fraction ("0.5") or as a
// percentage ("50%", "50 %"), and returns the fraction.
func ParseShare(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, err := Parse(p)
		if err != nil {
			return 0, errors.New("must be a share such as 0.5 or a percentage such as 50%")
		}
		return v / 100, nil
	}
	v, err := Parse(s)
	if err != nil {
		return 0, errors.New("must be a share such as 0.5 or a percentage such as 50%")
	}
	return v, nil
}

// decimal reports whether s is [sign] [whole] [. fraction], with at least
// one digit, the whole part either plain digits or grouped by thousands
// with commas ("1,250,000"): a leading group of one to three digits, then
// groups of exactly three.
func decimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	whole, frac, point := strings.Cut(s, ".")
	if point && (frac == "" || !digits(frac)) {
		return false
	}
	if whole == "" {
		return point
	}
	if !strings.Contains(whole, ",") {
		return digits(whole)
	}
	groups := strings.Split(whole, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 || !digits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !digits(g) {
			return false
		}
	}
	return true
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
