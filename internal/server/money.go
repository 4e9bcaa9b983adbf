package server

import (
	"math"
	"strconv"
	"strings"
)

// money shows amounts of one currency on pages. Amounts are plain numbers
// in the organisation's currency (the API conventions in README.md); this only decides
// how they look.
type money struct {
	// Code is the ISO 4217 code, such as "USD".
	Code string
	// prefix goes before the digits: a symbol, or the code and a space.
	prefix string
}

// currencySymbols are the symbols a reader of that currency expects
// before an amount. Other currencies show their code, which is never
// ambiguous (a bare "$" could be any of a dozen dollars).
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}

// moneyIn returns the formatting for a currency code; "" is USD.
func moneyIn(code string) money {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		code = "USD"
	}
	if sym, ok := currencySymbols[code]; ok {
		return money{Code: code, prefix: sym}
	}
	return money{Code: code, prefix: code + "\u00a0"}
}

// Whole shows an amount rounded to a whole unit with thousands
// separators: $5,000, −$1,250, CHF 12,000.
func (m money) Whole(v float64) string {
	if !finite(v) {
		return "—"
	}
	r := math.Round(v)
	sign := ""
	switch {
	case r == 0:
		r = 0 // not −0
	case r < 0:
		sign, r = "−", -r
	}
	return sign + m.prefix + groupThousands(strconv.FormatFloat(r, 'f', 0, 64))
}

// Short shows an amount in at most about four characters of digits, for
// chart axes: $950, $12k, $1.5M, $2B.
func (m money) Short(v float64) string {
	if !finite(v) {
		return "—"
	}
	sign := ""
	if v < 0 {
		sign, v = "−", -v
	}
	unit, div := "", 1.0
	switch {
	case v >= 1e12:
		unit, div = "T", 1e12
	case v >= 1e9:
		unit, div = "B", 1e9
	case v >= 1e6:
		unit, div = "M", 1e6
	case v >= 1e3:
		unit, div = "k", 1e3
	}
	q := v / div
	digits := strconv.FormatFloat(q, 'f', 1, 64)
	if q >= 100 || q == math.Trunc(q) || div == 1 {
		digits = strconv.FormatFloat(q, 'f', 0, 64)
	}
	digits = strings.TrimSuffix(digits, ".0")
	if digits == "0" {
		sign = ""
	}
	return sign + m.prefix + digits + unit
}

// groupThousands puts a comma between each three digits of a whole
// number's digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Cents shows an amount to the cent with thousands separators: $244,134.70.
// The cost of a seller's split is shown this way on every page, as the
// API gives it, so a reader can see it is the same figure.
func (m money) Cents(v float64) string {
	if !finite(v) {
		return "—"
	}
	r := math.Round(100*v) / 100
	sign := ""
	switch {
	case r == 0:
		r = 0
	case r < 0:
		sign, r = "−", -r
	}
	s := strconv.FormatFloat(r, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	return sign + m.prefix + groupThousands(whole) + "." + frac
}
