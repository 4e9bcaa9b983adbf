package app_test

import (
	"math"
	"testing"

	"rolefit/internal/app"
)

// The team map's revenue a month is each staff member's new-business
// plus service revenue over their recorded months; its scale is the
// organisation's largest, whichever page or filter is shown; the top
// seller is the one with the most new business a month (not the most
// revenue), the same person the Costs page starts from. The API's query
// leaves all of it out.
func TestTeamRevenue(t *testing.T) {
	tm := newTeam(t)
	seller, server, none := tm.people[0], tm.people[3], tm.people[6] // staff (every third)
	for _, r := range []struct {
		who                string
		month              string
		nbH, nbR, svH, svR float64
	}{
		{seller.ID, "2025-11", 60, 240000, 40, 30000},
		{seller.ID, "2025-12", 50, 200000, 50, 40000},
		// More revenue a month than the seller, less of it new business.
		{server.ID, "2025-12", 10, 20000, 130, 600000},
	} {
		if _, err := tm.uc.RecordPerformance(ctx, tm.mgr, r.who, perfMonth(r.month, r.nbH, r.nbR, r.svH, r.svR), false); err != nil {
			t.Fatal(err)
		}
	}
	sellerRevenue, serverRevenue := (240000.0+30000+200000+40000)/2, 20000.0+600000

	points := tm.allTeam(t, app.TeamQuery{Limit: 500, Revenue: true})
	byID := map[string]app.TeamPoint{}
	for _, p := range points {
		byID[p.PersonID] = p
	}
	for _, tc := range []struct {
		id   string
		want *float64
		top  bool
	}{
		{seller.ID, &sellerRevenue, true},
		{server.ID, &serverRevenue, false},
		{none.ID, nil, false},
		{tm.people[1].ID, nil, false}, // a candidate
	} {
		p := byID[tc.id]
		if (p.Revenue == nil) != (tc.want == nil) || (p.Revenue != nil && math.Abs(*p.Revenue-*tc.want) > 1e-6) {
			t.Errorf("%s: revenue a month %v, want %v", p.Name, deref(p.Revenue), deref(tc.want))
		}
		if p.TopSeller != tc.top {
			t.Errorf("%s: top seller %v, want %v", p.Name, p.TopSeller, tc.top)
		}
	}

	// A page of candidates only keeps the organisation's scale and top
	// seller, so a person is drawn the same size on every page.
	page, err := tm.uc.Team(ctx, tm.mgr, app.TeamQuery{Kind: "candidate", Revenue: true})
	if err != nil {
		t.Fatal(err)
	}
	if page.MaxRevenue != serverRevenue || page.TopSeller != seller.ID || page.TopSellerNewBusiness != (240000.0+200000)/2 {
		t.Errorf("candidates' page: scale %v, top seller %q with %v; want %v, %q with %v", page.MaxRevenue, page.TopSeller, page.TopSellerNewBusiness,
			serverRevenue, seller.ID, (240000.0+200000)/2)
	}
	ex, err := tm.uc.Exposure(ctx, tm.mgr)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Sellers) == 0 || ex.Sellers[0].ID != page.TopSeller {
		t.Errorf("the exposure table's first seller is %+v, the map's top seller is %s", ex.Sellers, page.TopSeller)
	}

	// The API's list does not ask for revenue and gets none.
	page, err = tm.uc.Team(ctx, tm.mgr, app.TeamQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range page.Items {
		if p.Revenue != nil || p.TopSeller {
			t.Errorf("%s has revenue %v, top seller %v without asking", p.Name, deref(p.Revenue), p.TopSeller)
		}
	}
	if page.MaxRevenue != 0 || page.TopSeller != "" {
		t.Errorf("without asking: scale %v, top seller %q", page.MaxRevenue, page.TopSeller)
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
