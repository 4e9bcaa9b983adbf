package server

import (
	"fmt"
	"math"

	"rolefit/internal/app"
)

// splitBox is the cost of a seller's split as every page shows it (the
// "split" partial): the same figure, the same words, the same parts.
type splitBox struct {
	PersonID, Name string
	// Share is the share of their hours on service, ServiceHours and
	// Hours the hours a month serving and in all.
	Share, ServiceHours, Hours string
	// Cost is the cost of the split a month, to the cent; Gains says
	// whether covering their service would gain (a positive cost).
	Cost  string
	Gains bool
	Parts []splitPart
}

// splitPart is one line of how the cost is worked out.
type splitPart struct {
	Label, Value, Source string
}

// splitBoxOf formats a split for the pages.
func splitBoxOf(sv *app.SplitView, m money) *splitBox {
	if sv == nil {
		return nil
	}
	s := sv.State
	hours := func(h float64) string { return oneDecimal(h) }
	rate := func(r float64) string { return m.Whole(r) + " an hour" }
	cap := "no cap: every freed hour sells"
	if sv.Cover.SellingCap > 0 {
		cap = fmt.Sprintf("up to the cap of %s selling hours a month", hours(sv.Cover.SellingCap))
	}
	b := &splitBox{PersonID: sv.Person.ID, Name: sv.Person.Name, Share: percent(s.ServiceShare()),
		ServiceHours: hours(s.ServiceHours), Hours: hours(s.Hours()), Cost: m.Cents(sv.CostAMonth), Gains: sv.CostAMonth > 0}
	b.Parts = []splitPart{
		{"Hours a month selling new business", hours(s.NewBusinessHours), sv.Sources["new_business_hours"]},
		{"Hours a month serving accounts", hours(s.ServiceHours), sv.Sources["service_hours"]},
		{"Their revenue an hour selling", rate(s.NewRate), sv.Sources["new_business_rate"]},
		{"Their revenue an hour serving", rate(s.ServiceRate), sv.Sources["service_rate"]},
		{"Selling hours freed if a service person took over", hours(sv.ExtraSellingHours), cap},
		{"New business those hours would win, a month", m.Whole(sv.NewBusinessGained), "freed hours × their selling rate"},
		{"Their service revenue handed over, a month", "−" + m.Whole(sv.ServiceGiven), "service hours × their service rate"},
		{"What the service person earns in those hours, a month", m.Whole(sv.ServiceCovered),
			"service hours × " + rate(sv.Cover.ServiceRate) + ": " + sv.Sources["service_person_rate"]},
		{"Gross margin on that revenue", percent(sv.Cover.Margin), sv.Sources["margin"]},
		{"Cost of the service people, a month", "−" + m.Whole(sv.CoverCost),
			fmt.Sprintf("%s of %s hours = %s of a person × %s: %s", hours(s.ServiceHours), hours(sv.Cover.ServicePersonHours),
				twoDecimals(sv.ServicePeople), m.Whole(sv.Cover.ServicePersonCost), sv.Sources["service_person_cost"])},
	}
	return b
}

func twoDecimals(v float64) string { return fmt.Sprintf("%.2f", math.Round(100*v)/100) }
