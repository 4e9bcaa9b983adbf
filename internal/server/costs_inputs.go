package server

import (
	"net/url"
	"strconv"
	"strings"

	"rolefit/internal/econ"
	"rolefit/internal/i18n"
	"rolefit/internal/quantity"
)

// costsInput is one input of the capacity model as the Costs page shows
// it, made from its description (econ.InputSpec). Name is its JSON name,
// which is also its query parameter, so a scenario's address and the
// API's body use one vocabulary, and econ's field errors land on the
// right box.
type costsInput struct {
	econ.InputSpec
}

// costsGroup is a set of inputs shown together.
type costsGroup struct {
	Title  string
	Inputs []costsInput
}

// costsGroups are the capacity model's inputs, every one of them, in the
// order the page asks for them (econ.InputSpecs), grouped as the table
// groups them.
func costsGroups() []costsGroup {
	var out []costsGroup
	for _, s := range econ.InputSpecs() {
		if len(out) == 0 || out[len(out)-1].Title != s.Group {
			out = append(out, costsGroup{Title: s.Group})
		}
		g := &out[len(out)-1]
		g.Inputs = append(g.Inputs, costsInput{s})
	}
	return out
}

// UnitIn is the input's unit with the currency filled in.
func (ci costsInput) UnitIn(currency string) string {
	return strings.ReplaceAll(ci.Unit, "{money}", currency)
}

// Mode is the box's inputmode: a keypad with a decimal point, or without
// for a whole number.
func (ci costsInput) Mode() string {
	if ci.Whole() {
		return "numeric"
	}
	return "decimal"
}

// Bounds says the input's range as the form shows it beside the hint,
// such as "From 0 to 744." or "From 0 to below 1.".
func (ci costsInput) Bounds(p *i18n.Printer) string {
	r := ci.Range
	lo, hi := quantity.Format(r.Min), quantity.Format(r.Max)
	switch {
	case r.BelowMax && ci.Whole():
		return p.T("costs.bounds.below.whole", lo, hi)
	case r.BelowMax:
		return p.T("costs.bounds.below", lo, hi)
	case ci.Whole():
		return p.T("costs.bounds.whole", lo, hi)
	}
	return p.T("costs.bounds", lo, hi)
}

// Min, Max and Step are the range as the attributes of the box
// (data-min, data-max, data-step): the box is text, so that what a person
// typed ("6,000", or a slip) comes back as typed, and the page's script
// or a reader's tools can still see the range.
func (ci costsInput) Min() string { return formatInput(ci.Range.Min) }

// Max is the range's upper bound; see Min.
func (ci costsInput) Max() string { return formatInput(ci.Range.Max) }

// Step is 1 for a whole number and "any" otherwise; see Min.
func (ci costsInput) Step() string {
	if ci.Whole() {
		return "1"
	}
	return "any"
}

// value prints the input's value in in as the form shows it: "" for an
// optional input that is not set.
func (ci costsInput) value(in *econ.Inputs) string {
	v, ok := ci.Value(in)
	if !ok {
		return ""
	}
	if ci.Whole() {
		return strconv.Itoa(int(v))
	}
	return formatInput(v)
}

// formatInput prints an input without exponent or trailing zeros.
func formatInput(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// parseCostsInputs reads the model's inputs from a query string: each
// input present and not empty replaces the founding case's value. It
// returns the inputs, the values as typed (to show them again), and what
// could not be read as a number, by input name.
func parseCostsInputs(get func(name string) string) (econ.Inputs, map[string]string, map[string]string) {
	return parseCostsInputsFrom(econ.DefaultInputs(), get)
}

// parseCostsInputsFrom is parseCostsInputs with base in place of the
// founding case: an organisation's own defaults (app.CostDefaults).
// Numbers are read as a person types them (quantity.Parse: digits, a
// decimal point, commas between thousands); their ranges are econ's to
// check.
func parseCostsInputsFrom(base econ.Inputs, get func(name string) string) (econ.Inputs, map[string]string, map[string]string) {
	in := base
	typed := map[string]string{}
	bad := map[string]string{}
	for _, g := range costsGroups() {
		for _, ci := range g.Inputs {
			raw := strings.TrimSpace(get(ci.Name))
			if raw == "" {
				typed[ci.Name] = ci.value(&in)
				continue
			}
			typed[ci.Name] = raw
			var v float64
			var err error
			if ci.Whole() {
				var n int
				n, err = quantity.ParseWhole(raw)
				v = float64(n)
			} else {
				v, err = quantity.Parse(raw)
			}
			if err != nil {
				bad[ci.Name] = err.Error()
				continue
			}
			ci.Set(&in, v)
		}
	}
	return in, typed, bad
}

// costsQuery is the query string that holds a scenario: every input, in
// the page's order, so the same scenario always has the same address.
func costsQuery(in econ.Inputs) string {
	var parts []string
	for _, g := range costsGroups() {
		for _, ci := range g.Inputs {
			parts = append(parts, url.QueryEscape(ci.Name)+"="+url.QueryEscape(ci.value(&in)))
		}
	}
	return strings.Join(parts, "&")
}
