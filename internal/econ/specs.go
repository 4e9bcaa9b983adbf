package econ

import (
	"strings"

	"rolefit/internal/quantity"
)

// InputSpec describes one input of the capacity model, once: the command's
// flags, the Costs page's form, the API's schema and Inputs.Validate are
// all made from InputSpecs, so a range or a default changed here changes
// them all.
type InputSpec struct {
	// Name is the input's JSON name: the field of a file of inputs and of
	// POST /api/v1/simulate, the query parameter of the Costs page and
	// the field an error names. The command's flag is Flag().
	Name string
	// Symbol is the model's letter for it (internal/econ/doc.go).
	Symbol string
	// Label and Unit are what the form says before and after the box; in
	// Unit "{money}" stands for the organisation's currency.
	Label, Unit string
	// Group is the set of inputs the form shows it with.
	Group string
	// Explanation says what the input is, in one line.
	Explanation string
	// Range is the values it may take.
	Range quantity.Range
	// Default is the founding case's value. An optional input has none:
	// left out, it takes the value of the input named by Follows.
	Default float64
	Follows string
	// FollowsText says, for an optional input, what leaving it out means.
	FollowsText string

	number   func(*Inputs) *float64
	whole    func(*Inputs) *int
	optional func(*Inputs) **float64
}

// The form's groups, in the order it shows them.
const (
	GroupSeller   = "The seller"
	GroupAccounts = "Accounts"
	GroupMarket   = "Market and margin"
	GroupService  = "A dedicated service person"
	moneyAnHour   = "{money} an hour"
	hoursAMonth   = "hours a month"
)

// inputSpecs is the table, in the order the form asks for the inputs.
var inputSpecs = []InputSpec{
	{Name: "hours", Symbol: "H", Label: "Productive hours", Unit: hoursAMonth, Group: GroupSeller,
		Explanation: "the hours a seller has each month for selling and serving",
		Range:       quantity.MonthHours, Default: DefaultHours,
		number: func(in *Inputs) *float64 { return &in.Hours }},
	{Name: "new_rate", Symbol: "r_n", Label: "Revenue per selling hour", Unit: moneyAnHour, Group: GroupSeller,
		Explanation: "what an hour spent winning new business brings in",
		Range:       quantity.RevenueRate, Default: DefaultNewRate,
		number: func(in *Inputs) *float64 { return &in.NewRate }},
	{Name: "service_rate", Symbol: "r_s", Label: "Revenue per service hour", Unit: moneyAnHour, Group: GroupSeller,
		Explanation: "what an hour of serving and upselling existing accounts brings in when the seller does it",
		Range:       quantity.RevenueRate, Default: DefaultServiceRate,
		number: func(in *Inputs) *float64 { return &in.ServiceRate }},
	{Name: "service_hours_per_account", Symbol: "s", Label: "Service per account", Unit: hoursAMonth, Group: GroupAccounts,
		Explanation: "the service time each account needs every month",
		Range:       quantity.MonthHours, Default: DefaultServiceHoursPerAccount,
		number: func(in *Inputs) *float64 { return &in.ServiceHoursPerAccount }},
	{Name: "selling_hours_per_account", Symbol: "a", Label: "Selling time per new account", Unit: "hours", Group: GroupAccounts,
		Explanation: "the selling hours it takes to win one account",
		Range:       quantity.HoursPerAccount, Default: DefaultSellingHoursPerAccount,
		number: func(in *Inputs) *float64 { return &in.SellingHoursPerAccount }},
	{Name: "churn", Symbol: "c", Label: "Monthly churn", Unit: "share, 0.01 = 1%", Group: GroupAccounts,
		Explanation: "the share of accounts lost each month",
		Range:       quantity.Churn, Default: DefaultChurn,
		number: func(in *Inputs) *float64 { return &in.Churn }},
	{Name: "start_accounts", Symbol: "n0", Label: "Accounts at the start", Unit: "accounts", Group: GroupAccounts,
		Explanation: "the book the seller already serves in the first month",
		Range:       quantity.Accounts, Default: 0,
		number: func(in *Inputs) *float64 { return &in.StartAccounts }},
	{Name: "selling_cap", Symbol: "H_cap", Label: "Selling cap", Unit: hoursAMonth, Group: GroupMarket,
		Explanation: "the most selling hours the market can absorb",
		Range:       quantity.MonthHours, Follows: "hours", FollowsText: "the seller's hours, no cap",
		optional: func(in *Inputs) **float64 { return &in.SellingCap }},
	{Name: "margin", Symbol: "g", Label: "Gross margin", Unit: "share, 0.7 = 70%", Group: GroupMarket,
		Explanation: "the share of revenue left after direct costs",
		Range:       quantity.Share, Default: DefaultMargin,
		number: func(in *Inputs) *float64 { return &in.Margin }},
	{Name: "months", Symbol: "T", Label: "Months to show", Unit: "months", Group: GroupMarket,
		Explanation: "how far ahead the model looks",
		Range:       quantity.ModelMonths, Default: DefaultMonths,
		whole: func(in *Inputs) *int { return &in.Months }},
	{Name: "service_person_hours", Symbol: "H_v", Label: "Productive hours", Unit: hoursAMonth, Group: GroupService,
		Explanation: "the hours one service person has for serving accounts",
		Range:       quantity.WorkingHours, Default: DefaultServicePersonHours,
		number: func(in *Inputs) *float64 { return &in.ServicePersonHours }},
	{Name: "service_person_rate", Symbol: "r_v", Label: "Revenue per service hour", Unit: moneyAnHour, Group: GroupService,
		Explanation: "what their hour of service brings in",
		Range:       quantity.RevenueRate, Follows: "service_rate", FollowsText: "the same as the seller's",
		optional: func(in *Inputs) **float64 { return &in.ServicePersonRate }},
	{Name: "service_person_cost", Symbol: "C_v", Label: "Loaded monthly cost", Unit: "{money} a month", Group: GroupService,
		Explanation: "pay, benefits and overhead of one service person; without your own figures, 60,000 a year × 1.25 ÷ 12",
		Range:       quantity.MonthlyMoney, Default: DefaultServicePersonCost,
		number: func(in *Inputs) *float64 { return &in.ServicePersonCost }},
	{Name: "service_person_cph", Symbol: "CPH_v", Label: "Cost per hire", Unit: "{money} a hire", Group: GroupService,
		Explanation: "what recruiting one service person costs, paid once per hire",
		Range:       quantity.OneOffCost, Default: DefaultServicePersonCPH,
		number: func(in *Inputs) *float64 { return &in.ServicePersonCPH }},
}

// InputSpecs returns the description of every input of the capacity
// model, in the order the Costs page asks for them.
func InputSpecs() []InputSpec {
	out := make([]InputSpec, len(inputSpecs))
	copy(out, inputSpecs)
	return out
}

// Flag is the input's flag of `rolefit simulate`: its name with "-" for
// "_".
func (s InputSpec) Flag() string { return strings.ReplaceAll(s.Name, "_", "-") }

// Whole reports whether the input is a whole number (the months).
func (s InputSpec) Whole() bool { return s.whole != nil }

// Optional reports whether the input may be left out, taking the value of
// the input named by Follows.
func (s InputSpec) Optional() bool { return s.optional != nil }

// Hint is the one-line explanation as the form shows it, starting with
// the model's symbol: "H: the hours a seller has each month for selling
// and serving."
func (s InputSpec) Hint() string {
	h := s.Symbol + ": " + s.Explanation
	if s.Optional() {
		h += "; empty means " + s.FollowsText
	}
	return h + "."
}

// Value returns the input's value in in; ok is false for an optional
// input that is not set.
func (s InputSpec) Value(in *Inputs) (v float64, ok bool) {
	switch {
	case s.whole != nil:
		return float64(*s.whole(in)), true
	case s.optional != nil:
		if p := *s.optional(in); p != nil {
			return *p, true
		}
		return 0, false
	}
	return *s.number(in), true
}

// Set gives the input the value v in in; a whole input takes v's whole
// part, which Validate's range (whole numbers only) has checked before
// any caller relies on it.
func (s InputSpec) Set(in *Inputs, v float64) {
	switch {
	case s.whole != nil:
		*s.whole(in) = int(v)
	case s.optional != nil:
		*s.optional(in) = &v
	default:
		*s.number(in) = v
	}
}
