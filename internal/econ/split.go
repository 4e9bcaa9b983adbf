package econ

import (
	"math"
	"slices"

	"rolefit/internal/quantity"
)

// The cost of a seller's split between selling and serving: one definition
// (DESIGN.md §9), which every page and the API show the same.

// SplitMonths is how many of a seller's latest recorded months their
// current state is read from.
const SplitMonths = 12

// MonthRecord is one recorded month of a person's work: hours and revenue
// on new business and on account service.
type MonthRecord struct {
	NewBusinessHours   float64
	NewBusinessRevenue float64
	ServiceHours       float64
	ServiceRevenue     float64
}

// SellerState is where a seller stands today, read from their last
// SplitMonths recorded months (all of them when there are fewer): the
// hours a month on each activity and the revenue an hour each earned.
type SellerState struct {
	// Months is how many recorded months the state is read from.
	Months int
	// NewBusinessHours (h_n) and ServiceHours (h_s) are hours a month.
	NewBusinessHours float64
	ServiceHours     float64
	// NewRate (r_n,i) and ServiceRate (r_s,i) are the revenue an hour,
	// total revenue over total hours of the months; 0 on an activity
	// without hours (HasNewRate, HasServiceRate say so).
	NewRate        float64
	ServiceRate    float64
	HasNewRate     bool
	HasServiceRate bool
}

// Hours is the seller's productive hours a month, selling and serving.
func (s SellerState) Hours() float64 { return s.NewBusinessHours + s.ServiceHours }

// ServiceShare is the share of the seller's hours spent serving.
func (s SellerState) ServiceShare() float64 {
	if h := s.Hours(); h > 0 {
		return s.ServiceHours / h
	}
	return 0
}

// StateOf reads a seller's state from their recorded months, oldest
// first: the latest SplitMonths of them.
func StateOf(months []MonthRecord) SellerState {
	if len(months) > SplitMonths {
		months = months[len(months)-SplitMonths:]
	}
	var sum MonthRecord
	for _, m := range months {
		sum.NewBusinessHours += m.NewBusinessHours
		sum.NewBusinessRevenue += m.NewBusinessRevenue
		sum.ServiceHours += m.ServiceHours
		sum.ServiceRevenue += m.ServiceRevenue
	}
	return StateOfTotals(len(months), sum)
}

// StateOfTotals is a seller's state from n recorded months summed in
// total. The rates are hour-weighted (all the revenue over all the
// hours), so a month of many hours counts for more than a month of few.
func StateOfTotals(n int, total MonthRecord) SellerState {
	s := SellerState{Months: n}
	s.NewRate, s.HasNewRate = perHour(total.NewBusinessRevenue, total.NewBusinessHours)
	s.ServiceRate, s.HasServiceRate = perHour(total.ServiceRevenue, total.ServiceHours)
	if !s.HasNewRate {
		s.NewRate = 0
	}
	if !s.HasServiceRate {
		s.ServiceRate = 0
	}
	if n > 0 {
		s.NewBusinessHours = total.NewBusinessHours / float64(n)
		s.ServiceHours = total.ServiceHours / float64(n)
	}
	return s
}

// Cover is what covering a seller's service hours with dedicated service
// people brings and costs: their revenue an hour of service (r_v), their
// productive hours a month (H_v) and their loaded monthly cost (C_v); and
// the two figures of the model the split needs: the most selling hours a
// month the market absorbs (H_cap, 0 for no cap below the seller's own
// hours) and the gross margin (g).
type Cover struct {
	ServiceRate        float64
	ServicePersonHours float64
	ServicePersonCost  float64
	SellingCap         float64
	Margin             float64
}

// Split is the monthly cost of a seller's current split, with its parts:
//
//	x = min(h_s, max(0, H_cap − h_n))    extra selling hours
//	C = g·(r_n·x − r_s·h_s + r_v·h_s) − (h_s / H_v)·C_v
//
// what the company would gain a month if the seller stopped serving and
// service people took over those hours: the new business the freed hours
// win (up to the selling cap), less the service revenue the seller earns
// now, plus what the service people earn in those hours, at the gross
// margin, less their cost. It is a run rate: the head-count is a share
// (h_s/H_v of a person) and no cost of hire is charged, which the
// month-by-month model (Simulate) does as hires happen. Positive, the
// split costs the company that much a month.
type Split struct {
	State SellerState
	Cover Cover
	// ExtraSellingHours is x.
	ExtraSellingHours float64
	// NewBusinessGained is r_n·x, ServiceGiven is r_s·h_s (the seller's
	// service revenue the cover replaces), ServiceCovered is r_v·h_s (what
	// the service people earn in those hours), all a month.
	NewBusinessGained float64
	ServiceGiven      float64
	ServiceCovered    float64
	// ServicePeople is h_s / H_v, the people the cover takes, as a share.
	ServicePeople float64
	// CoverCost is ServicePeople × C_v.
	CoverCost float64
	// CostAMonth is C.
	CostAMonth float64
}

// SplitCost works out the cost of a seller's current split (Split). A
// seller without service hours has no split: every part is 0.
func SplitCost(s SellerState, c Cover) (Split, error) {
	ch := checker{}
	ch.within("new_business_hours", s.NewBusinessHours, quantity.MonthHours)
	ch.within("service_hours", s.ServiceHours, quantity.MonthHours)
	ch.within("new_rate", s.NewRate, quantity.RevenueRate)
	ch.within("service_rate", s.ServiceRate, quantity.RevenueRate)
	ch.within("service_person_rate", c.ServiceRate, quantity.RevenueRate)
	ch.within("service_person_hours", c.ServicePersonHours, quantity.WorkingHours)
	ch.within("service_person_cost", c.ServicePersonCost, quantity.MonthlyMoney)
	ch.within("selling_cap", c.SellingCap, quantity.MonthHours)
	ch.within("margin", c.Margin, quantity.Share)
	if err := ch.err("Please correct the figures of the split."); err != nil {
		return Split{}, err
	}
	out := Split{State: s, Cover: c}
	hs := s.ServiceHours
	if hs == 0 {
		return out, nil
	}
	hcap := c.SellingCap
	if hcap == 0 {
		hcap = s.Hours()
	}
	out.ExtraSellingHours = math.Min(hs, math.Max(0, hcap-s.NewBusinessHours))
	out.NewBusinessGained = s.NewRate * out.ExtraSellingHours
	out.ServiceGiven = s.ServiceRate * hs
	out.ServiceCovered = c.ServiceRate * hs
	out.ServicePeople = hs / c.ServicePersonHours
	out.CoverCost = out.ServicePeople * c.ServicePersonCost
	out.CostAMonth = c.Margin*(out.NewBusinessGained-out.ServiceGiven+out.ServiceCovered) - out.CoverCost
	return out, nil
}

// Median is the median of rates, the middle one or the mean of the two
// in the middle; ok is false for none. One ruler for candidates and staff
// (DESIGN.md §9): a role's baseline rate for an activity is the median of
// its staff's observed rates where they have enough records, and the
// rate entered for the role otherwise.
func Median(rates []float64) (median float64, ok bool) {
	if len(rates) == 0 {
		return 0, false
	}
	s := slices.Clone(rates)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}
