package server

import (
	"fmt"
	"math"

	"rolefit/internal/app"
	"rolefit/internal/i18n"
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
	// L writes the box's words (peopleEnglish): the pages that show
	// it pass only the box.
	L *i18n.Printer
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
	l := peopleEnglish()
	hours := func(h float64) string { return oneDecimal(h) }
	rate := func(r float64) string { return l.T("split.an_hour", m.Whole(r)) }
	cap := l.T("split.source.no_cap")
	if sv.Cover.SellingCap > 0 {
		cap = l.T("split.source.cap", hours(sv.Cover.SellingCap))
	}
	b := &splitBox{PersonID: sv.Person.ID, Name: sv.Person.Name, Share: percent(s.ServiceShare()),
		ServiceHours: hours(s.ServiceHours), Hours: hours(s.Hours()), Cost: m.Cents(sv.CostAMonth), Gains: sv.CostAMonth > 0, L: l}
	b.Parts = []splitPart{
		{l.T("split.part.selling_hours"), hours(s.NewBusinessHours), sv.Sources["new_business_hours"]},
		{l.T("split.part.service_hours"), hours(s.ServiceHours), sv.Sources["service_hours"]},
		{l.T("split.part.selling_rate"), rate(s.NewRate), sv.Sources["new_business_rate"]},
		{l.T("split.part.service_rate"), rate(s.ServiceRate), sv.Sources["service_rate"]},
		{l.T("split.part.freed"), hours(sv.ExtraSellingHours), cap},
		{l.T("split.part.won"), m.Whole(sv.NewBusinessGained), l.T("split.source.won")},
		{l.T("split.part.given"), "−" + m.Whole(sv.ServiceGiven), l.T("split.source.given")},
		{l.T("split.part.covered"), m.Whole(sv.ServiceCovered),
			l.T("split.source.covered", rate(sv.Cover.ServiceRate), sv.Sources["service_person_rate"])},
		{l.T("split.part.margin"), percent(sv.Cover.Margin), sv.Sources["margin"]},
		{l.T("split.part.cover_cost"), "−" + m.Whole(sv.CoverCost),
			l.T("split.source.cover_cost", hours(s.ServiceHours), hours(sv.Cover.ServicePersonHours),
				twoDecimals(sv.ServicePeople), m.Whole(sv.Cover.ServicePersonCost), sv.Sources["service_person_cost"])},
	}
	return b
}

func twoDecimals(v float64) string { return fmt.Sprintf("%.2f", math.Round(100*v)/100) }
