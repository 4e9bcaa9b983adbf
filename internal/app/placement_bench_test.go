package app_test

import (
	"fmt"
	"path/filepath"
	"rolefit"
	"testing"

	"rolefit/internal/app"
)

// benchScales are the scales the benchmarks' roles weigh.
var benchScales = []string{"hunter", "farmer", "drive", "influence", "service", "organisation"}

// benchRoles gives the organisation m roles over the two composites and
// four facets, each seating seats people at most and none at least.
func benchRoles(b *testing.B, uc *app.App, act app.Actor, m, seatsMin, seatsMax int) {
	b.Helper()
	for j := range m {
		kind := []string{rolefit.ActivityNewBusiness, rolefit.ActivityAccountService, rolefit.ActivityMix}[j%3]
		in := rolefit.RoleInput{Name: fmt.Sprintf("Role %d", j), Activity: kind, NewBusinessShare: 0.4, SeatsMin: seatsMin, SeatsMax: seatsMax,
			HoursPerMonth: 140, BaselineRate: 120 + 10*float64(j%40), MonthlyCost: 8000 + 200*float64(j%40),
			Weights: []rolefit.RoleWeight{{ScaleID: benchScales[j%len(benchScales)], Weight: 2}, {ScaleID: benchScales[(j+1)%len(benchScales)], Weight: 1}}}
		if _, err := uc.CreateRole(ctx, act, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlacement is the Placement page's and GET /api/v1/placement's
// work: read every profile and the roles, solve, explain. The seeded
// organisations get 20 roles with seats for about a third of the people.
// "cold" is every request of a process that keeps nothing, as every
// request was before placements were kept: read the placement stamp and
// the inputs, solve and explain; "warm" is a request while nothing has
// changed: read the stamp and use the kept plan.
func BenchmarkPlacement(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		s := seed(b, n)
		uc, st := s.start(b)
		if rs, err := uc.Roles(ctx, s.actor); err != nil || len(rs) == 0 {
			benchRoles(b, uc, s.actor, 20, 1, n/60)
		}
		for _, warm := range []bool{false, true} {
			b.Run(fmt.Sprintf("people=%d/roles=20/%s", n, map[bool]string{false: "cold", true: "warm"}[warm]), func(b *testing.B) {
				for b.Loop() {
					if !warm {
						b.StopTimer()
						uc = s.restart(b, st)
						b.StartTimer()
					}
					tp, err := uc.Placement(ctx, s.actor, nil)
					if err != nil || tp.Plan == nil || tp.People != n {
						b.Fatalf("placement over %d people: %v", n, err)
					}
				}
			})
		}
		st.Close()
	}
}

// BenchmarkPlacementAtRoleCap is the reported attack at the cap: 1,525
// candidates with profiles and rolefit.MaxRoles roles, placed cold (every
// request after a change of the inputs). It works on a copy of the
// seeded database.
func BenchmarkPlacementAtRoleCap(b *testing.B) {
	const n = 1525
	s := seed(b, n)
	cp := *s
	cp.path = filepath.Join(b.TempDir(), "roles.db")
	copyFile(b, s.path, cp.path)
	uc, st := cp.start(b)
	defer st.Close()
	benchRoles(b, uc, s.actor, rolefit.MaxRoles, 0, 8)
	b.Run(fmt.Sprintf("people=%d/roles=%d/cold", n, rolefit.MaxRoles), func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			uc = cp.restart(b, st)
			b.StartTimer()
			tp, err := uc.Placement(ctx, s.actor, nil)
			if err != nil || tp.Plan == nil || tp.People+tp.LeftOut != n {
				b.Fatalf("placement over %d people: %+v, %v", n, tp, err)
			}
			b.ReportMetric(float64(tp.People), "people_considered")
		}
	})
}
