package server

import (
	"fmt"
	"html/template"
	"maps"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// costsPage is the Costs page: the capacity model's inputs and, when they
// are valid, its results.
type costsPage struct {
	Groups   []costsGroup
	Currency string
	// Result is nil when the inputs had problems.
	Result *costsResult
	// All is set when the table shows every month.
	All bool
	// Sources says, by input name, where an input's default came from
	// when it is the organisation's own figure rather than the founding
	// case's.
	Sources map[string]string
	// Exposure is each seller's key-person exposure, the largest first.
	Exposure []exposureRow
	// Seller names the seller the model starts from ("" for the founding
	// case), Split is the cost of their split, and Sellers are the
	// others it can start from.
	Seller  string
	Split   *splitBox
	Sellers []sellerOption
}

// sellerOption is a seller the Costs page can start from.
type sellerOption struct {
	ID, Name string
	Selected bool
}

// exposureRow is one seller's exposure, formatted.
type exposureRow struct {
	ID, Name, Revenue, Share, AtRisk string
	// Split is what their split between selling and serving costs a
	// month, empty when they serve no accounts.
	Split  string
	Months int
	// Width is the share as a bar's width in per cent.
	Width int
}

// costsResult is what the page shows of econ.Outputs, formatted.
type costsResult struct {
	Months int
	// Breakeven is the month the dedicated-service policy pulls ahead, 0
	// when it does not within Months.
	Breakeven int
	// Steady is the seller-serves book's steady state, "" when it grows
	// without bound; SteadyFormula shows H/(s + a·c) with the inputs, ""
	// when the steady state is one of the special cases.
	Steady, SteadyFormula string
	// ShareFirst, ShareLast and ShareSteady are the seller's share of time
	// on service in the first and last month and at the steady state.
	ShareFirst, ShareLast, ShareSteady string
	// SellerTotal and DedicatedTotal are the cumulative contributions at
	// the end; Ahead is the dedicated policy's lead (negative: behind).
	SellerTotal, DedicatedTotal, Ahead string
	AheadPositive                      bool
	Notes                              []string
	Rows                               []costsRow
	// Compact is set when Rows leaves months out.
	Compact bool
	// Link is the address that holds this scenario; AllLink shows every
	// month of it.
	Link, AllLink               string
	CumulativeChart, HoursChart template.HTML
}

// costsRow is one month of the table.
type costsRow struct {
	Month     int
	Breakeven bool
	// Seller serves own accounts.
	SAccounts, SSell, SServe, SShare, SRevenue, SContribution, SCumulative string
	// Dedicated service.
	DAccounts, DSell, DServe, DRevenue, DCost, DContribution, DCumulative string
	DPeople                                                               int
	Difference, CumulativeDifference                                      string
	// Ahead is set when the dedicated policy is ahead to date.
	Ahead bool
}

// handleCosts is the Costs page: the seller-capacity model with the inputs
// in the address, so a scenario can be shared as a link. Bad input shows
// the page again with 400, each problem beside its input, and the values
// as typed.
func handleCosts(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		def, err := uc.CostDefaults(c.UserContext(), actorOf(c), c.Query("person"))
		if err != nil {
			return err
		}
		in, typed, bad := parseCostsInputsFrom(def.Inputs, func(name string) string { return c.Query(name) })
		currency, err := uc.Currency(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("costs.title"), "costs")
		v.Form = typed
		page := costsPage{Groups: costsGroups(), Currency: currency, All: c.Query("all") == "1", Sources: def.Sources,
			Split: splitBoxOf(def.Split, moneyIn(currency))}
		if def.Seller != nil {
			page.Seller = def.Seller.Name
		}
		if page.Sellers, err = sellerOptions(c, uc, def); err != nil {
			return err
		}
		v.Stored = def.Problems
		if page.Exposure, err = exposureRows(c, uc, moneyIn(currency)); err != nil {
			return err
		}
		out, err := uc.Simulate(c.UserContext(), actorOf(c), in)
		if code := errs.Code(err); len(bad) > 0 || code == errs.CodeInvalid {
			// A box that is not a number is reported as such, not as
			// whatever econ says of the default standing in for it.
			fields := errs.FieldsOf(err)
			if fields == nil {
				fields = map[string]string{}
			}
			maps.Copy(fields, bad)
			v.Message, v.Errors = rnd.english.T("costs.message.inputs"), fields
			v.Data = page
			return rnd.render(c, fiber.StatusBadRequest, "costs", v)
		}
		if err != nil {
			return err
		}
		page.Result = costsResultOf(in, out, moneyIn(currency), page.All, rnd.english)
		v.Data = page
		return rnd.render(c, fiber.StatusOK, "costs", v)
	}
}

// costsResultOf formats the model's outputs for the page.
func costsResultOf(in econ.Inputs, out econ.Outputs, m money, all bool, p *i18n.Printer) *costsResult {
	months := out.Months
	last := months[len(months)-1]
	r := &costsResult{
		Months:         len(months),
		ShareFirst:     percent(months[0].SellerServes.ServiceShare),
		ShareLast:      percent(last.SellerServes.ServiceShare),
		SellerTotal:    m.Whole(last.SellerServes.Cumulative),
		DedicatedTotal: m.Whole(last.Dedicated.Cumulative),
		Ahead:          m.Whole(last.CumulativeDifference),
		AheadPositive:  last.CumulativeDifference > 0,
		Notes:          out.Notes,
		Compact:        !all,
	}
	if out.BreakevenMonth != nil {
		r.Breakeven = *out.BreakevenMonth
	}
	if n := out.SteadyStateAccounts; n != nil {
		r.Steady = oneDecimal(*n)
		if in.Hours > 0 {
			r.ShareSteady = percent(min(in.Hours, in.ServiceHoursPerAccount**n) / in.Hours)
		}
	}
	// the steady state H/(s + a·c) is shown worked out, in words, when it
	// is the answer;
	// the special cases (no churn, a binding cap) are explained by the
	// notes.
	if n := out.SteadyStateAccounts; n != nil && in.Churn > 0 &&
		*n == in.Hours/(in.ServiceHoursPerAccount+in.SellingHoursPerAccount*in.Churn) {
		r.SteadyFormula = fmt.Sprintf("%s / (%s + %s × %s)", formatInput(in.Hours), formatInput(in.ServiceHoursPerAccount),
			formatInput(in.SellingHoursPerAccount), formatInput(in.Churn))
	}
	query := costsQuery(in)
	r.Link = "/costs?" + query
	r.AllLink = r.Link + "&all=1"

	shown := shownMonths(len(months), r.Breakeven)
	if all {
		shown = make([]int, 0, len(months))
		for i := range months {
			shown = append(shown, i+1)
		}
	}
	r.Compact = len(shown) < len(months)
	for _, t := range shown {
		mo := months[t-1]
		s, d := mo.SellerServes, mo.Dedicated
		r.Rows = append(r.Rows, costsRow{
			Month: mo.Month, Breakeven: mo.Month == r.Breakeven,
			SAccounts: fixed1(s.Accounts), SSell: fixed1(s.SellHours), SServe: fixed1(s.ServeHours),
			SShare: percent(s.ServiceShare), SRevenue: m.Whole(s.Revenue), SContribution: m.Whole(s.Contribution),
			SCumulative: m.Whole(s.Cumulative),
			DAccounts:   oneDecimal(d.Accounts), DSell: oneDecimal(d.SellHours), DServe: oneDecimal(d.ServeHours),
			DPeople: d.ServicePeople, DRevenue: m.Whole(d.Revenue), DCost: m.Whole(d.Cost),
			DContribution: m.Whole(d.Contribution), DCumulative: m.Whole(d.Cumulative),
			Difference: m.Whole(mo.Difference), CumulativeDifference: m.Whole(mo.CumulativeDifference),
			Ahead: mo.CumulativeDifference > 0,
		})
	}
	r.CumulativeChart, r.HoursChart = costsCharts(in, out, m, r, p)
	return r
}

// compactAfter is the longest horizon the table shows month by month.
const compactAfter = 36

// shownMonths picks the months the table shows: all of them up to
// compactAfter months; beyond, every month up to 24, then every 6th, and
// always the last month and the breakeven month (0: none). The JSON API
// has every month.
func shownMonths(total, breakeven int) []int {
	var shown []int
	for t := 1; t <= total; t++ {
		if total <= compactAfter || t <= 24 || t%6 == 0 || t == total || t == breakeven {
			shown = append(shown, t)
		}
	}
	return shown
}

// costsCharts draws the two charts: cumulative contribution of both
// policies, and the seller's selling and service hours when they serve
// their own accounts.
func costsCharts(in econ.Inputs, out econ.Outputs, m money, r *costsResult, p *i18n.Printer) (template.HTML, template.HTML) {
	n := len(out.Months)
	x := make([]float64, n)
	sellerCum, dedicatedCum := make([]float64, n), make([]float64, n)
	sell, serve := make([]float64, n), make([]float64, n)
	for i, mo := range out.Months {
		x[i] = float64(mo.Month)
		sellerCum[i], dedicatedCum[i] = mo.SellerServes.Cumulative, mo.Dedicated.Cumulative
		sell[i], serve[i] = mo.SellerServes.SellHours, mo.SellerServes.ServeHours
	}
	first, last := out.Months[0].SellerServes, out.Months[n-1].SellerServes
	pulls := p.T("costs.chart.never", strconv.Itoa(n))
	if r.Breakeven > 0 {
		pulls = p.T("costs.chart.ahead", strconv.Itoa(r.Breakeven))
	}
	month := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	cum := lineChart{
		ID:      "chart-cumulative",
		Title:   p.T("costs.chart.cumulative"),
		Summary: p.T("costs.chart.cumulative.summary", strconv.Itoa(n), r.SellerTotal, r.DedicatedTotal, pulls),
		XLabel:  p.T("costs.months.month"), YLabel: p.T("costs.chart.cumulative.y", m.Code),
		X: x, XStep: 1, XTick: month, YTick: m.Short,
		Series: []chartSeries{
			{Name: p.T("costs.months.seller"), Class: "series-1", Y: sellerCum},
			{Name: p.T("costs.months.dedicated"), Class: "series-2", Y: dedicatedCum},
		},
	}
	hrs := lineChart{
		ID:    "chart-hours",
		Title: p.T("costs.chart.hours.title"),
		Summary: p.T("costs.chart.hours.summary",
			oneDecimal(first.SellHours), oneDecimal(last.SellHours), strconv.Itoa(n), oneDecimal(first.ServeHours), oneDecimal(last.ServeHours),
			oneDecimal(min(in.Hours, in.Cap()))),
		XLabel: p.T("costs.months.month"), YLabel: p.T("costs.chart.hours.y"),
		X: x, XStep: 1, XTick: month,
		Series: []chartSeries{
			{Name: p.T("costs.chart.hours.selling"), Class: "series-1", Y: sell},
			{Name: p.T("costs.chart.hours.serving"), Class: "series-2", Y: serve},
		},
	}
	return cum.SVG(), hrs.SVG()
}

// oneDecimal shows hours and accounts: one decimal, none when whole.
func oneDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// fixed1 shows a table's hours and accounts with one decimal always, so
// a column's decimal points line up.
func fixed1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// percent shows a share as a whole percentage.
func percent(share float64) string { return strconv.FormatFloat(100*share, 'f', 0, 64) + "%" }

// sellerOptions are the staff members with performance records, for the
// Costs page's choice of whose state the model starts from.
func sellerOptions(c *fiber.Ctx, uc *app.App, def *app.ModelDefaults) ([]sellerOption, error) {
	people, err := uc.MoveChoices(c.UserContext(), actorOf(c))
	if err != nil {
		return nil, err
	}
	out := make([]sellerOption, len(people))
	for i, p := range people {
		out[i] = sellerOption{ID: p.ID, Name: p.Name, Selected: def.Seller != nil && def.Seller.ID == p.ID}
	}
	return out, nil
}
