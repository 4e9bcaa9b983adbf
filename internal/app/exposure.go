package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"rolefit/internal/econ"
)

// SellerExposure is one seller's key-person exposure, a month: their
// new-business revenue averaged over their recorded months, its share of
// all sellers', and the gross profit at risk with them.
type SellerExposure struct {
	econ.Exposure
	Name   string
	Months int
	// Split is the cost of the seller's split between selling and
	// serving (Split), nil when they serve no accounts.
	Split *SplitView
}

// ExposureReport is every seller's exposure, the largest share first.
type ExposureReport struct {
	Sellers []SellerExposure
	// Margin is the gross margin the profit at risk is reckoned at.
	Margin float64
	// Revenue is all sellers' new-business revenue a month together.
	Revenue float64
}

// Exposure returns each seller's share of new-business revenue and the
// gross profit at risk if they left or moved (econ.KeyPersonExposure),
// from the performance records: a seller is anyone with new-business
// revenue recorded, and each seller's revenue is a month's, averaged
// over their own recorded months, so a newcomer with three months is not
// set against a veteran's twelve. Ties keep the order of person IDs.
// Each seller's revenue is person data, so the read is recorded in the
// audit log, once, as a list.
func (a *App) Exposure(ctx context.Context, act Actor) (*ExposureReport, error) {
	org := a.scope(act)
	m, err := a.readMoneyModel(ctx, act)
	if err != nil {
		return nil, err
	}
	totals := m.totals
	var sellers []econ.SellerRevenue
	months := map[string]int{}
	for id, t := range totals {
		if t.Months > 0 && t.NewBusinessRevenue > 0 {
			sellers = append(sellers, econ.SellerRevenue{ID: id, Revenue: t.NewBusinessRevenue / float64(t.Months)})
			months[id] = t.Months
		}
	}
	slices.SortFunc(sellers, func(x, y econ.SellerRevenue) int { return cmp.Compare(x.ID, y.ID) })
	ex, err := econ.KeyPersonExposure(sellers, m.margin)
	if err != nil {
		return nil, err
	}
	out := &ExposureReport{Margin: m.margin, Sellers: make([]SellerExposure, len(ex))}
	for i, e := range ex {
		out.Sellers[i] = SellerExposure{Exposure: e, Name: m.people[e.ID].Name, Months: months[e.ID]}
		if sv, ok, err := m.splitOf(e.ID); err != nil {
			return nil, err
		} else if ok {
			out.Sellers[i].Split = &sv
		}
		out.Revenue += e.Revenue
	}
	slices.SortStableFunc(out.Sellers, func(x, y SellerExposure) int { return cmp.Compare(y.Share, x.Share) })
	if err := org.AuditRead(ctx, act.Audit, "list", "exposure", "", fmt.Sprintf("new-business revenue of %d sellers", len(out.Sellers))); err != nil {
		return nil, err
	}
	return out, nil
}
