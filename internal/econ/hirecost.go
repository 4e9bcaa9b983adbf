package econ

import "fmt"

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

// maxRampMonths bounds a ramp-up at five years.
const maxRampMonths = 60

// Total returns the total cost of the hire: its cost per hire plus the
// gross profit lost while the seat is empty and during ramp-up. The pay
// not spent while the seat is empty is not credited: the lost gross profit
// is the opportunity cost internal/econ/doc.go describes, and the saved pay is
// the caller's to show beside it.
func (h HireCost) Total() (TotalHireCost, error) {
	c := checker{}
	c.between("cost_per_hire", h.CostPerHire, 0, maxMoney)
	c.between("days_to_fill", h.DaysToFill, 0, 3660)
	c.between("monthly_gross_profit", h.MonthlyGrossProfit, 0, maxMoney)
	if len(h.Ramp) > maxRampMonths {
		c.add("ramp", "must have at most %d months", maxRampMonths)
	}
	for i, p := range h.Ramp {
		c.between(fmt.Sprintf("ramp.%d", i), p, 0, 1)
	}
	if err := c.err("Please correct the hire's figures."); err != nil {
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
