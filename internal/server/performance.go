package server

import (
	"math"
	"rolefit"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// performanceView is the Performance section of a staff member's page:
// every figure already formatted in the organisation's currency.
type performanceView struct {
	Months []performanceRow
	// NewBusinessRate and ServiceRate are the observed revenue per hour,
	// "—" without hours on that activity.
	NewBusinessRate, ServiceRate   string
	NewBusinessHours, ServiceHours string
	Currency                       string
	// Message and CSV are a rejected form's summary and the pasted file,
	// kept so nothing typed is lost.
	Message string
	CSV     string
	// Import is set when the message is about the file, not the form.
	Import bool
	// ThisMonth is the default of the month field, YYYY-MM.
	ThisMonth string
}

// performanceRow is one recorded month on the page.
type performanceRow struct {
	Month                                        string
	NewBusinessHours, NewBusinessRevenue, NBRate string
	ServiceHours, ServiceRevenue, ServiceRate    string
}

// performanceViewOf formats a staff member's performance in m.
func performanceViewOf(p *app.Performance, m money, now time.Time) *performanceView {
	if p == nil {
		return nil
	}
	rate := func(r *float64) string {
		if r == nil {
			return "—"
		}
		return m.Whole(*r)
	}
	perHour := func(revenue, hours float64) string {
		if hours <= 0 {
			return "—"
		}
		return m.Whole(revenue / hours)
	}
	t := rolefit.TotalOf(p.Months)
	v := &performanceView{NewBusinessRate: rate(p.NewBusinessRate), ServiceRate: rate(p.ServiceRate),
		NewBusinessHours: hoursText(t.NewBusinessHours), ServiceHours: hoursText(t.ServiceHours),
		Currency: m.Code, ThisMonth: now.UTC().Format("2006-01")}
	for _, pm := range p.Months {
		v.Months = append(v.Months, performanceRow{Month: pm.Month,
			NewBusinessHours: hoursText(pm.NewBusinessHours), NewBusinessRevenue: m.Whole(pm.NewBusinessRevenue),
			NBRate:       perHour(pm.NewBusinessRevenue, pm.NewBusinessHours),
			ServiceHours: hoursText(pm.ServiceHours), ServiceRevenue: m.Whole(pm.ServiceRevenue),
			ServiceRate: perHour(pm.ServiceRevenue, pm.ServiceHours)})
	}
	return v
}

// hoursText shows hours to a tenth, without a trailing ".0".
func hoursText(h float64) string {
	return groupThousands(strconv.FormatFloat(math.Round(h*10)/10, 'f', -1, 64))
}

// performanceFields are the form's fields, as the API and CSV name them.
var performanceFields = []string{"month", "new_business_hours", "new_business_revenue", "service_hours", "service_revenue"}

// handlePerformanceCreate records one month from the form on a staff
// member's page. A figure that is not a number, a month already recorded
// without "replace" ticked, and every other bad input come back on the
// page with what was typed.
func handlePerformanceCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{}
		for _, k := range performanceFields {
			form[k] = c.FormValue(k)
		}
		replace := c.FormValue("replace") == "yes"
		if replace {
			form["replace"] = "yes"
		}
		in := rolefit.PerformanceInput{Month: form["month"]}
		bad := map[string]string{}
		for k, dst := range map[string]*float64{"new_business_hours": &in.NewBusinessHours, "new_business_revenue": &in.NewBusinessRevenue,
			"service_hours": &in.ServiceHours, "service_revenue": &in.ServiceRevenue} {
			if form[k] == "" {
				continue // empty is none
			}
			v, err := quantity.Parse(form[k])
			if err != nil {
				bad[k] = rnd.english.T("performance.error.figure", err.Error())
			}
			*dst = v
		}
		var err error
		if len(bad) > 0 {
			err = errs.InvalidFields(rnd.english.T("performance.error.fields"), bad)
		} else {
			_, err = uc.RecordPerformance(c.UserContext(), actorOf(c), c.Params("id"), in, replace)
		}
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("person.title"), "people")
			v.Errors, v.Form = errs.FieldsOf(err), form
			return renderPersonWith(c, uc, rnd, statusOf[code], v, nil, performanceForm{Message: errs.Message(err)})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("performance.flash.recorded", in.Month))
		return c.Redirect("/people/"+c.Params("id")+"#performance", fiber.StatusSeeOther)
	}
}

// handlePerformanceImport records months from a CSV uploaded or pasted on
// a staff member's page: all of them, or, when any row has a problem,
// none, with each problem listed by row and column. The file may hold
// the whole team's months (the person column names each one).
func handlePerformanceImport(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		// The page the file is sent from must be one of the
		// organisation's staff, as for any route with an ID.
		if err := uc.CheckPerson(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		text, err := readImport(c)
		if err != nil {
			return err
		}
		replace := c.FormValue("replace") == "yes"
		res, err := uc.ImportPerformance(c.UserContext(), actorOf(c), text, replace)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("person.title"), "people")
			v.Errors = errs.FieldsOf(err)
			v.Form = map[string]string{}
			if replace {
				v.Form["import_replace"] = "yes"
			}
			return renderPersonWith(c, uc, rnd, statusOf[code], v, nil, performanceForm{Message: errs.Message(err), CSV: string(text), Import: true})
		}
		if err != nil {
			return err
		}
		flash(c, res.Message())
		return c.Redirect("/people/"+c.Params("id")+"#performance", fiber.StatusSeeOther)
	}
}
