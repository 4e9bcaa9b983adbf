package econ

import (
	"fmt"

	"rolefit/internal/quantity"
)

// SellerRevenue is one seller's new-business revenue over a period.
type SellerRevenue struct {
	// ID identifies the seller to the caller; it is passed through.
	ID      string  `json:"id"`
	Revenue float64 `json:"revenue"`
}

// Exposure is how much of the new business rests on one seller.
type Exposure struct {
	ID      string  `json:"id"`
	Revenue float64 `json:"revenue"`
	// Share is the seller's share of all sellers' new-business revenue, 0
	// to 1 (the founding case's star: about 0.6); 0 when there is none.
	Share float64 `json:"share"`
	// GrossProfitAtRisk is Revenue × margin: the gross profit the period's
	// new business would lose if the seller left or moved and no one else
	// won their deals.
	GrossProfitAtRisk float64 `json:"gross_profit_at_risk"`
}

// KeyPersonExposure returns each seller's share of new-business revenue
// and the gross profit at risk with them, in the order given, for one
// period. The revenue's period (a month, a year) is the result's.
func KeyPersonExposure(sellers []SellerRevenue, margin float64) ([]Exposure, error) {
	c := checker{}
	c.within("margin", margin, quantity.Share)
	var total float64
	for i, s := range sellers {
		c.between(fmt.Sprintf("sellers.%d.revenue", i), s.Revenue, 0, maxPeriodMoney)
		total += s.Revenue
	}
	if err := c.err("Please correct the sellers' figures."); err != nil {
		return nil, err
	}
	out := make([]Exposure, len(sellers))
	for i, s := range sellers {
		out[i] = Exposure{ID: s.ID, Revenue: s.Revenue, GrossProfitAtRisk: s.Revenue * margin}
		if total > 0 {
			out[i].Share = s.Revenue / total
		}
	}
	return out, nil
}
