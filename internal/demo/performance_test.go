package demo_test

import (
	"context"
	"rolefit"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestSeedPerformance checks the founding case in the demo's records: a
// year of months for every staff member, the star seller at about $5,000
// an hour on new business and $1,000 on service with about 60% of the
// team's new business, everyone else lower on new business.
func TestSeedPerformance(t *testing.T) {
	ctx := context.Background()
	st, _, u := seeded(t, storetest.NewClock(storetest.Start))
	o := st.Scope(u.OrgID)
	people, _, err := o.People(ctx, store.PeopleQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var teamNB, danaNB float64
	for _, p := range people {
		ms, err := o.PerformanceMonths(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind == rolefit.Candidate {
			if len(ms) != 0 {
				t.Errorf("candidate %s has %d months", p.Name, len(ms))
			}
			continue
		}
		// storetest.Start is in March 2026: March 2025 to February 2026.
		if len(ms) != 12 || ms[0].Month != "2025-03" || ms[11].Month != "2026-02" {
			t.Errorf("%s: %d months from %v; want March 2025 to February 2026", p.Name, len(ms), ms)
			continue
		}
		tot := rolefit.TotalOf(ms)
		teamNB += tot.NewBusinessRevenue
		nb, sv := tot.Rates()
		if p.Name == "Dana Diaz" {
			danaNB = tot.NewBusinessRevenue
			if nb == nil || sv == nil || *nb < 4500 || *nb > 5500 || *sv < 900 || *sv > 1100 {
				t.Errorf("Dana's rates = %v, %v; want about 5000 and 1000 an hour", *nb, *sv)
			}
			if ms[11].ServiceHours <= ms[0].ServiceHours {
				t.Errorf("Dana's service hours went from %.0f to %.0f; her book should grow", ms[0].ServiceHours, ms[11].ServiceHours)
			}
		} else if nb != nil && *nb >= 4000 {
			t.Errorf("%s sells at %.0f an hour, near the star", p.Name, *nb)
		}
	}
	if share := danaNB / teamNB; share < 0.5 || share > 0.7 {
		t.Errorf("Dana brings %.0f%% of new business, want about 60%%", 100*share)
	}
}
