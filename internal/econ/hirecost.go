package econ

import (
	"fmt"

	"rolefit/internal/quantity"
)

// DaysPerMonth turns days into months: 365.25/12.
const DaysPerMonth = 365.25 / 12

// HireCost describes one hire for its total cost: what the hiring itself
// costs, and the gross profit the seat would earn at full productivity,
// which is lost while it is empty and partly lost while the new person
// ramps up.
type HireCost struct {
	// CostPerHire is the hiring cost of this hire (a period's CPH).
	CostPerHire float64 `json:"cost_per_hire"`
	// DaysToFill is the days the seat stays empty, from the opening (or the
	// leaver's departure) to the start date.
	DaysToFill float64 `json:"days_to_fill"`
	// MonthlyGrossProfit is the seat's gross profit a month at full
	// productivity: hours × revenue per hour × margin.
	MonthlyGrossProfit float64 `json:"monthly_gross_profit"`
	// Ramp holds the new person's productivity in each month of ramp-up,
	// as a share of full (0.25, 0.5, 0.75 for a three-month ramp).
	Ramp []float64 `json:"ramp"`
}

// TotalHireCost is the total cost of a hire, by part.
type TotalHireCost struct {
	CostPerHire float64 `json:"cost_per_hire"`
	// Vacancy is MonthlyGrossProfit × DaysToFill / DaysPerMonth.
	Vacancy float64 `json:"vacancy"`
	// Ramp is Σ MonthlyGrossProfit × (1 − productivity) over the ramp
	// months.
	Ramp  float64 `json:"ramp"`
	Total float64 `json:"total"`
}

// Flaws lists what is wrong with the hire's figures, each against its
// kind's range (internal/quantity): a one-off cost per hire, up to two
// years to fill a seat, up to three years of ramp-up, each month's
// productivity a share, and a month's gross profit of one seat.
func (h HireCost) Flaws() quantity.Flaws {
	var fs quantity.Flaws
	fs.Figure("cost_per_hire", "cost per hire", quantity.OneOffCost, h.CostPerHire)
	fs.Figure("days_to_fill", "days to fill", quantity.DaysToFill, h.DaysToFill)
	fs.Figure("monthly_gross_profit", "gross profit a month", quantity.MonthlyMoney, h.MonthlyGrossProfit)
	fs.Figure("ramp", "ramp-up in months", quantity.RampMonths, float64(len(h.Ramp)))
	for i, p := range h.Ramp {
		fs.Figure(fmt.Sprintf("ramp.%d", i), fmt.Sprintf("productivity in ramp month %d", i+1), quantity.Share, p)
	}
	return fs
}

// Total returns the total cost of the hire: its cost per hire plus the
// gross profit lost while the seat is empty and during ramp-up. The pay
// not spent while the seat is empty is not credited: the lost gross profit
// is the opportunity cost internal/econ/doc.go describes, and the saved pay is
// the caller's to show beside it.
func (h HireCost) Total() (TotalHireCost, error) {
	if err := flawsErr(h.Flaws(), "Please correct the hire's figures."); err != nil {
		return TotalHireCost{}, err
	}
	out := TotalHireCost{
		CostPerHire: h.CostPerHire,
		Vacancy:     h.MonthlyGrossProfit * h.DaysToFill / DaysPerMonth,
	}
	for _, p := range h.Ramp {
		out.Ramp += h.MonthlyGrossProfit * (1 - p)
	}
	out.Total = out.CostPerHire + out.Vacancy + out.Ramp
	return out, nil
}
