package app_test

import (
	"fmt"
	"testing"

	"rolefit/internal/store"
)

// BenchmarkPlacement is the Placement page's and GET /api/v1/placement's
// work: read every profile and the roles, solve, explain. The seeded
// organisations get 20 roles over the two composites and four facets,
// with seats for about a third of the people.
func BenchmarkPlacement(b *testing.B) {
	scales := []string{"hunter", "farmer", "drive", "influence", "service", "organisation"}
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("people=%d/roles=20", n), func(b *testing.B) {
			s := seed(b, n)
			uc, st := s.start(b)
			defer st.Close()
			if rs, err := uc.Roles(ctx, s.actor); err != nil || len(rs) == 0 {
				for j := range 20 {
					act := []string{store.ActivityNewBusiness, store.ActivityAccountService, store.ActivityMix}[j%3]
					in := store.RoleInput{Name: fmt.Sprintf("Role %d", j), Activity: act, NewBusinessShare: 0.4, SeatsMin: 1, SeatsMax: n / 60,
						HoursPerMonth: 140, BaselineRate: 120 + 10*float64(j), MonthlyCost: 8000 + 200*float64(j),
						Weights: []store.RoleWeight{{ScaleID: scales[j%len(scales)], Weight: 2}, {ScaleID: scales[(j+1)%len(scales)], Weight: 1}}}
					if _, err := uc.CreateRole(ctx, s.actor, in); err != nil {
						b.Fatal(err)
					}
				}
			}
			for b.Loop() {
				tp, err := uc.Placement(ctx, s.actor, nil)
				if err != nil || tp.Plan == nil || tp.People != n {
					b.Fatalf("placement over %d people: %v", n, err)
				}
			}
		})
	}
}
