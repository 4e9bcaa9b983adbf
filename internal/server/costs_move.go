package server

import (
	"fmt"
	"html/template"
	"rolefit"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// movePage is the "move this person" page: a picker, and for the person
// picked the three options compared.
type movePage struct {
	Currency string
	Choices  []rolefit.Person
	PersonID string
	// Result is nil until a person with performance records is picked.
	Result *moveResult
}

type moveResult struct {
	Name, PersonID string
	Inputs         []moveInput
	Options        []moveOption
	Horizons       []int
	Best           []string
	Rows           []moveRow
	Chart          template.HTML
	// Split is the cost of their split today, as on every page; nil when
	// they serve no accounts.
	Split *splitBox
}

type moveInput struct{ Label, Value, Source string }

type moveOption struct {
	Key, Title, Says string
	Totals           []moveTotal
	First, Last      string
}

type moveTotal struct {
	Contribution, Versus string
	Best, Ahead          bool
}

type moveRow struct {
	Month int
	Cells []moveCell
}

// moveCell is one figure of the month table; Start marks the first of an
// option's columns.
type moveCell struct {
	Value string
	Start bool
}

// moveLabel says an option in words: its title and what it means.
func moveLabel(p *i18n.Printer, o econ.MoveOption) (title, says string) {
	switch o {
	case econ.KeepSellingHire:
		return p.T("costs_move.option.hire"), p.T("costs_move.option.hire.says")
	case econ.MoveToService:
		return p.T("costs_move.option.service"), p.T("costs_move.option.service.says")
	case econ.KeepBoth:
		return p.T("costs_move.option.both"), p.T("costs_move.option.both.says")
	}
	return string(o), ""
}

// handleMove is the "move this person" page (?person=ID). A person of
// another organisation is not found; a staff member without performance
// records, or a candidate, gets the page with the reason and 400.
func handleMove(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx, act := c.UserContext(), actorOf(c)
		cur, err := uc.Currency(ctx, act)
		if err != nil {
			return err
		}
		choices, err := uc.MoveChoices(ctx, act)
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("costs_move.title"), "costs")
		page := movePage{Currency: cur, Choices: choices, PersonID: c.Query("person")}
		v.Data = &page
		if page.PersonID == "" {
			return rnd.render(c, fiber.StatusOK, "costs_move", v)
		}
		mv, err := uc.MovePerson(ctx, act, page.PersonID)
		if errs.Code(err) == errs.CodeInvalid {
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			return rnd.render(c, fiber.StatusBadRequest, "costs_move", v)
		}
		if err != nil {
			return err
		}
		v.Title = rnd.english.T("costs.exposure.move", mv.Person.Name)
		page.Result = moveResultOf(mv, moneyIn(cur), rnd.english)
		return rnd.render(c, fiber.StatusOK, "costs_move", v)
	}
}

func moveResultOf(mv *app.MoveView, m money, p *i18n.Printer) *moveResult {
	in := mv.Inputs
	r := &moveResult{Name: mv.Person.Name, PersonID: mv.Person.ID, Horizons: econ.MoveHorizons, Split: splitBoxOf(mv.Split, m)}
	src := func(name string) string {
		if s, ok := mv.Sources[name]; ok {
			return s
		}
		return p.T("costs_move.source.founding")
	}
	rate := func(r *float64) string {
		if r == nil {
			return p.T("costs_move.value.an_hour", m.Whole(in.ServiceRate))
		}
		return p.T("costs_move.value.an_hour", m.Whole(*r))
	}
	r.Inputs = []moveInput{
		{p.T("costs_move.input.hours"), oneDecimal(in.Hours), src("hours")},
		{p.T("costs_move.input.new_rate"), m.Whole(in.NewRate), src("new_rate")},
		{p.T("costs_move.input.service_rate"), m.Whole(in.ServiceRate), src("service_rate")},
		{p.T("costs_move.input.book"), p.T("costs_move.value.accounts", oneDecimal(in.StartAccounts)), src("start_accounts")},
		{p.T("costs_move.input.service"), p.T("costs_move.value.hours_a_month", oneDecimal(in.ServiceHoursPerAccount)), src("service_hours_per_account")},
		{p.T("costs_move.input.selling"), p.T("costs_move.value.hours", oneDecimal(in.SellingHoursPerAccount)), src("selling_hours_per_account")},
		{p.T("costs_move.input.churn"), percentOne(in.Churn), src("churn")},
		{p.T("costs_move.input.margin"), percent(in.Margin), src("margin")},
		{p.T("costs_move.input.person_hours"), p.T("costs_move.value.a_month", oneDecimal(in.ServicePersonHours)), src("service_person_hours")},
		{p.T("costs_move.input.person_rate"), rate(in.ServicePersonRate), src("service_person_rate")},
		{p.T("costs_move.input.person_cost"), p.T("costs_move.value.a_month", m.Whole(in.ServicePersonCost)), src("service_person_cost")},
		{p.T("costs_move.input.person_cph"), m.Whole(in.ServicePersonCPH), src("service_person_cph")},
	}
	cmp := mv.Comparison
	for _, b := range cmp.Best {
		title, _ := moveLabel(p, b)
		r.Best = append(r.Best, title)
	}
	n := len(cmp.Options[0].Months)
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i + 1)
	}
	var series []chartSeries
	for k, o := range cmp.Options {
		title, says := moveLabel(p, o.Option)
		opt := moveOption{Key: string(o.Option), Title: title, Says: says,
			First: m.Whole(o.Months[0].Contribution), Last: m.Whole(o.Months[n-1].Contribution)}
		for j, h := range o.Horizons {
			t := moveTotal{Contribution: m.Whole(h.Contribution), Best: cmp.Best[j] == o.Option, Ahead: h.VersusKeepBoth > 0}
			if o.Option != econ.KeepBoth { // the comparison's baseline
				t.Versus = signed(m, h.VersusKeepBoth)
			}
			opt.Totals = append(opt.Totals, t)
		}
		r.Options = append(r.Options, opt)
		y := make([]float64, n)
		for i, mo := range o.Months {
			y[i] = mo.Cumulative
		}
		series = append(series, chartSeries{Name: opt.Title, Class: fmt.Sprintf("series-%d", k+1), Y: y})
	}
	for t := 0; t < n; t++ {
		row := moveRow{Month: t + 1}
		for _, o := range cmp.Options {
			mo := o.Months[t]
			row.Cells = append(row.Cells, moveCell{m.Whole(mo.Contribution), true}, moveCell{m.Whole(mo.Cumulative), false})
		}
		r.Rows = append(r.Rows, row)
	}
	chart := lineChart{
		ID: "chart-move", Title: p.T("costs_move.chart"),
		Summary: p.T("costs_move.chart.summary", strconv.Itoa(n), summaryOf(r, m, cmp)),
		XLabel:  p.T("costs.months.month"), YLabel: p.T("costs.chart.cumulative.y", m.Code),
		X: x, XStep: 1, XTick: func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }, YTick: m.Short,
		Series: series,
	}
	r.Chart = chart.SVG()
	return r
}

func summaryOf(r *moveResult, m money, cmp econ.MoveComparison) string {
	s := ""
	for i, o := range cmp.Options {
		if i > 0 {
			s += "; "
		}
		s += r.Options[i].Title + " " + m.Whole(o.Months[len(o.Months)-1].Cumulative)
	}
	return s
}

// signed shows a difference with its sign: +$1,000, −$1,000, $0.
func signed(m money, v float64) string {
	if s := m.Whole(v); v > 0 && s != m.Whole(0) {
		return "+" + s
	}
	return m.Whole(v)
}

// percentOne shows a share as a percentage with one decimal.
func percentOne(share float64) string {
	return strconv.FormatFloat(100*share, 'f', 1, 64) + "%"
}
