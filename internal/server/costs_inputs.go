package server

import (
	"net/url"
	"strconv"
	"strings"

	"rolefit/internal/econ"
)

// costsInput is one input of the capacity model as the Costs page shows
// it. Name is its JSON name (econ.Inputs), which is also its query
// parameter, so a scenario's address and the API's body use one
// vocabulary, and econ's field errors land on the right box.
type costsInput struct {
	Name  string
	Label string
	// Unit follows the label; "{money}" stands for the currency code.
	Unit string
	// Hint is the one-line explanation, starting with the symbol the
	// model uses (internal/econ/doc.go).
	Hint string
	// number, whole or optional reach the field of econ.Inputs; exactly one
	// is set. An optional input left empty takes the value named in Hint.
	number   func(*econ.Inputs) *float64
	whole    func(*econ.Inputs) *int
	optional func(*econ.Inputs) **float64
}

// costsGroup is a set of inputs shown together.
type costsGroup struct {
	Title  string
	Inputs []costsInput
}

// costsGroups are the capacity model's inputs, every one of them, in the
// order the page asks for them.
var costsGroups = []costsGroup{
	{"The seller", []costsInput{
		{Name: "hours", Label: "Productive hours", Unit: "hours a month",
			Hint:   "H: the hours a seller has each month for selling and serving.",
			number: func(in *econ.Inputs) *float64 { return &in.Hours }},
		{Name: "new_rate", Label: "Revenue per selling hour", Unit: "{money} an hour",
			Hint:   "r_n: what an hour spent winning new business brings in.",
			number: func(in *econ.Inputs) *float64 { return &in.NewRate }},
		{Name: "service_rate", Label: "Revenue per service hour", Unit: "{money} an hour",
			Hint:   "r_s: what an hour of serving and upselling existing accounts brings in when the seller does it.",
			number: func(in *econ.Inputs) *float64 { return &in.ServiceRate }},
	}},
	{"Accounts", []costsInput{
		{Name: "service_hours_per_account", Label: "Service per account", Unit: "hours a month",
			Hint:   "s: the service time each account needs every month.",
			number: func(in *econ.Inputs) *float64 { return &in.ServiceHoursPerAccount }},
		{Name: "selling_hours_per_account", Label: "Selling time per new account", Unit: "hours",
			Hint:   "a: the selling hours it takes to win one account.",
			number: func(in *econ.Inputs) *float64 { return &in.SellingHoursPerAccount }},
		{Name: "churn", Label: "Monthly churn", Unit: "share, 0.01 = 1%",
			Hint:   "c: the share of accounts lost each month, from 0 to below 1.",
			number: func(in *econ.Inputs) *float64 { return &in.Churn }},
		{Name: "start_accounts", Label: "Accounts at the start", Unit: "accounts",
			Hint:   "n0: the book the seller already serves in the first month.",
			number: func(in *econ.Inputs) *float64 { return &in.StartAccounts }},
	}},
	{"Market and margin", []costsInput{
		{Name: "selling_cap", Label: "Selling cap", Unit: "hours a month",
			Hint:     "H_cap: the most selling hours the market can absorb; empty means the seller's hours, no cap.",
			optional: func(in *econ.Inputs) **float64 { return &in.SellingCap }},
		{Name: "margin", Label: "Gross margin", Unit: "share, 0.7 = 70%",
			Hint:   "g: the share of revenue left after direct costs.",
			number: func(in *econ.Inputs) *float64 { return &in.Margin }},
		{Name: "months", Label: "Months to show", Unit: "1 to " + strconv.Itoa(econ.MaxMonths),
			Hint:  "T: how far ahead the model looks.",
			whole: func(in *econ.Inputs) *int { return &in.Months }},
	}},
	{"A dedicated service person", []costsInput{
		{Name: "service_person_hours", Label: "Productive hours", Unit: "hours a month",
			Hint:   "H_v: the hours one service person has for serving accounts.",
			number: func(in *econ.Inputs) *float64 { return &in.ServicePersonHours }},
		{Name: "service_person_rate", Label: "Revenue per service hour", Unit: "{money} an hour",
			Hint:     "r_v: what their hour of service brings in; empty means the same as the seller's.",
			optional: func(in *econ.Inputs) **float64 { return &in.ServicePersonRate }},
		{Name: "service_person_cost", Label: "Loaded monthly cost", Unit: "{money} a month",
			Hint:   "C_v: pay, benefits and overhead of one service person (default: 60,000 a year × 1.25 ÷ 12).",
			number: func(in *econ.Inputs) *float64 { return &in.ServicePersonCost }},
		{Name: "service_person_cph", Label: "Cost per hire", Unit: "{money} a hire",
			Hint:   "CPH_v: what recruiting one service person costs, paid once per hire.",
			number: func(in *econ.Inputs) *float64 { return &in.ServicePersonCPH }},
	}},
}

// UnitIn is the input's unit with the currency filled in.
func (ci costsInput) UnitIn(currency string) string {
	return strings.ReplaceAll(ci.Unit, "{money}", currency)
}

// value prints the input's value in in as the form shows it: "" for an
// optional input that is not set.
func (ci costsInput) value(in *econ.Inputs) string {
	switch {
	case ci.whole != nil:
		return strconv.Itoa(*ci.whole(in))
	case ci.optional != nil:
		if p := *ci.optional(in); p != nil {
			return formatInput(*p)
		}
		return ""
	}
	return formatInput(*ci.number(in))
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
func parseCostsInputsFrom(base econ.Inputs, get func(name string) string) (econ.Inputs, map[string]string, map[string]string) {
	in := base
	typed := map[string]string{}
	bad := map[string]string{}
	for _, g := range costsGroups {
		for _, ci := range g.Inputs {
			raw := strings.TrimSpace(get(ci.Name))
			if raw == "" {
				typed[ci.Name] = ci.value(&in)
				continue
			}
			typed[ci.Name] = raw
			// Thousands separators are a common way to type money.
			clean := strings.ReplaceAll(raw, ",", "")
			if ci.whole != nil {
				n, err := strconv.Atoi(clean)
				if err != nil {
					bad[ci.Name] = "must be a whole number"
					continue
				}
				*ci.whole(&in) = n
				continue
			}
			v, err := strconv.ParseFloat(clean, 64)
			if err != nil {
				bad[ci.Name] = "must be a number"
				continue
			}
			if ci.optional != nil {
				*ci.optional(&in) = &v
			} else {
				*ci.number(&in) = v
			}
		}
	}
	return in, typed, bad
}

// costsQuery is the query string that holds a scenario: every input, in
// the page's order, so the same scenario always has the same address.
func costsQuery(in econ.Inputs) string {
	var parts []string
	for _, g := range costsGroups {
		for _, ci := range g.Inputs {
			parts = append(parts, url.QueryEscape(ci.Name)+"="+url.QueryEscape(ci.value(&in)))
		}
	}
	return strings.Join(parts, "&")
}
