package rolefit

import (
	"fmt"
	"regexp"
	"rolefit/internal/quantity"
	"strings"
	"time"
)

// PerformanceMonth is one calendar month of a staff member's work: the
// hours spent and the revenue brought in on new business and on account
// service. Placement values a person with records on their observed
// revenue per hour (PerformanceTotals.Rates) instead of an estimate.
type PerformanceMonth struct {
	OrgID    string
	PersonID string
	// Month is the calendar month, written YYYY-MM.
	Month              string
	NewBusinessHours   float64
	NewBusinessRevenue float64
	ServiceHours       float64
	ServiceRevenue     float64
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// PerformanceInput is one month as a manager enters it. Field errors are
// keyed by the snake-case names of the CSV columns and the API
// ("new_business_hours").
type PerformanceInput struct {
	// Person is the staff member's ID or, in a file, their e-mail address.
	Person             string
	Month              string
	NewBusinessHours   float64
	NewBusinessRevenue float64
	ServiceHours       float64
	ServiceRevenue     float64
}

var monthPattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

// Check cleans a month's input and returns what is wrong with it, keyed
// by field after prefix (such as "row 7: "). A month after now's month is
// in the future and refused: a record is of work done.
func (in PerformanceInput) Check(now time.Time, prefix string) (PerformanceInput, map[string]string) {
	f := map[string]string{}
	in.Person = strings.TrimSpace(in.Person)
	if in.Person == "" {
		f[prefix+"person"] = "is required (the person's ID or e-mail address)"
	}
	in.Month = strings.TrimSpace(in.Month)
	thisMonth := now.UTC().Format("2006-01")
	switch {
	case in.Month == "":
		f[prefix+"month"] = "is required, written YYYY-MM such as " + thisMonth
	case !monthPattern.MatchString(in.Month):
		f[prefix+"month"] = "must be a month written YYYY-MM, such as " + thisMonth
	case in.Month < "2000-01":
		f[prefix+"month"] = "must be January 2000 or later"
	case in.Month > thisMonth: // YYYY-MM compares as text in calendar order
		f[prefix+"month"] = "is in the future; this month is " + thisMonth
	}
	activity := func(name string, hours, revenue float64) {
		hk, rk := prefix+name+"_hours", prefix+name+"_revenue"
		if msg := quantity.MonthHours.Problem(hours); msg != "" {
			f[hk] = msg
		}
		if msg := quantity.MonthlyMoney.Problem(revenue); msg != "" {
			f[rk] = msg
		}
		if f[hk] != "" || f[rk] != "" || revenue == 0 {
			return
		}
		// The hours are the divisor of the observed rate: too few for the
		// revenue would make a rate no one earns, and every figure built
		// on it meaningless.
		switch rate := revenue / hours; {
		case hours == 0:
			f[rk] = "is above 0 with no " + name + "_hours: revenue needs the hours it was earned in"
		case !quantity.RevenueRate.Allows(rate):
			f[hk] = fmt.Sprintf("are too few for %s of revenue: that would be %s an hour, and revenue an hour is at most %s",
				quantity.Format(revenue), quantity.Format(rate), quantity.Format(quantity.RevenueRate.Max))
		}
	}
	activity("new_business", in.NewBusinessHours, in.NewBusinessRevenue)
	activity("service", in.ServiceHours, in.ServiceRevenue)
	if f[prefix+"new_business_hours"] == "" && f[prefix+"service_hours"] == "" && in.NewBusinessHours+in.ServiceHours > quantity.MaxMonthHours {
		f[prefix+"service_hours"] = fmt.Sprintf("with new_business_hours makes more than %d hours in one month", quantity.MaxMonthHours)
	}
	return in, f
}

// PerformanceTotals are a person's hours and revenue summed over every
// recorded month.
type PerformanceTotals struct {
	PersonID           string
	Months             int
	NewBusinessHours   float64
	NewBusinessRevenue float64
	ServiceHours       float64
	ServiceRevenue     float64
}

// TotalOf sums months of one person.
func TotalOf(ms []PerformanceMonth) PerformanceTotals {
	var t PerformanceTotals
	for _, m := range ms {
		t.PersonID = m.PersonID
		t.Months++
		t.NewBusinessHours += m.NewBusinessHours
		t.NewBusinessRevenue += m.NewBusinessRevenue
		t.ServiceHours += m.ServiceHours
		t.ServiceRevenue += m.ServiceRevenue
	}
	return t
}

// Rates returns the observed revenue per hour on new business and on
// account service: total revenue over total hours across the recorded
// months, so a month of many hours counts for more than a month of few
// (an hour-weighted mean, not a mean of monthly rates). Each is nil when
// no hours were recorded on that activity.
func (t PerformanceTotals) Rates() (newBusiness, service *float64) {
	rate := func(revenue, hours float64) *float64 {
		if hours <= 0 {
			return nil
		}
		r := revenue / hours
		return &r
	}
	return rate(t.NewBusinessRevenue, t.NewBusinessHours), rate(t.ServiceRevenue, t.ServiceHours)
}
