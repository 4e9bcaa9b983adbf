package app

import (
	"context"
	"rolefit"
	"slices"

	"rolefit/internal/econ"
)

// teamRevenue sets the page's revenue a month for everyone on it with
// performance records, the organisation's largest such revenue (the
// scale of the map's point sizes) and its top seller, and returns how
// many people on the page have revenue shown. Revenue a month is new
// business plus service over the person's last twelve recorded months,
// as the money model reads them (econ.SplitMonths) and the exposure table
// averages them. The top seller is the one with the most new business a
// month (starSeller), after the same removal of rates outside their
// range, first in the exposure table.
func (a *App) teamRevenue(ctx context.Context, act Actor, page *TeamPage) (int, error) {
	org := a.scope(act)
	totals, err := org.RecentPerformance(ctx, econ.SplitMonths)
	if err != nil {
		return 0, err
	}
	ids := make([]string, 0, len(totals))
	for id, t := range totals {
		if t.Months <= 0 {
			continue
		}
		ids = append(ids, id)
		page.MaxRevenue = max(page.MaxRevenue, (t.NewBusinessRevenue+t.ServiceRevenue)/float64(t.Months))
	}
	slices.Sort(ids)
	usable := make(map[string]rolefit.PerformanceTotals, len(ids))
	for _, id := range ids {
		t := totals[id]
		if nb, _, _ := usableRates("", id, t); nb == nil {
			t.NewBusinessHours, t.NewBusinessRevenue = 0, 0
		}
		usable[id] = t
	}
	if star, ok := starSeller(usable, ids); ok {
		page.TopSeller, page.TopSellerNewBusiness = star.PersonID, monthly(star.NewBusinessRevenue, star)
	}
	shown := 0
	for i := range page.Items {
		p := &page.Items[i]
		p.TopSeller = p.PersonID == page.TopSeller && page.TopSeller != ""
		if t, ok := totals[p.PersonID]; ok && t.Months > 0 {
			r := (t.NewBusinessRevenue + t.ServiceRevenue) / float64(t.Months)
			p.Revenue = &r
			shown++
		}
	}
	return shown, nil
}
