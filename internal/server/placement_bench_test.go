package server

import (
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"rolefit"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// benchScales are the scales the placement benchmarks' roles weigh: the
// two composites and four facets, as internal/app's BenchmarkPlacement.
var benchScales = []string{"hunter", "farmer", "drive", "influence", "service", "organisation"}

// BenchmarkPlacementPage measures GET /placement and GET /api/v1/placement
// for an organisation of 10,000 people with a scored self-report (every
// fourth one staff) and 20 roles seating about a third of them, signed
// in, on SQLite and on PostgreSQL (ROLEFIT_TEST_POSTGRES_URL; skipped
// without it). "cold" is the first view after a change of the inputs,
// which every view is under submissions: the process keeps nothing, so it
// reads the profiles, solves and explains; "warm" is a view while nothing
// has changed, from the kept plan. A new process is made outside the
// timing before each cold view.
func BenchmarkPlacementPage(b *testing.B) {
	const n = 10000
	for _, db := range []string{"sqlite", "postgres"} {
		b.Run(db, func(b *testing.B) {
			clock := storetest.NewClock(testStart)
			var (
				st  *store.Store
				url string
			)
			if db == "postgres" {
				if os.Getenv(storetest.PostgresEnv) == "" {
					b.Skip(storetest.PostgresEnv + " is not set")
				}
				url = storetest.PostgresURL(b)
				var err error
				if st, err = store.Open(ctx, url, storetest.Options(clock)); err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { st.Close() })
				if _, err := st.Migrate(ctx); err != nil {
					b.Fatal(err)
				}
			} else {
				st = storetest.SQLite(b, clock)
			}
			o := newBenchOrgOn(b, st, clock)
			o.selfReports(b, o.addPeople(b, n))
			// The planners' statistics of an organisation in use: serve
			// runs SQLite's optimize at start and hourly, and PostgreSQL's
			// autovacuum analyses tables as they grow, which it may not
			// have done yet of tables filled a moment ago.
			if err := st.Optimize(ctx); err != nil {
				b.Fatal(err)
			}
			if url != "" {
				pg, err := sql.Open("pgx", url)
				if err != nil {
					b.Fatal(err)
				}
				_, err = pg.Exec("ANALYZE")
				pg.Close()
				if err != nil {
					b.Fatal(err)
				}
			}
			for j := range 20 {
				kind := []string{rolefit.ActivityNewBusiness, rolefit.ActivityAccountService, rolefit.ActivityMix}[j%3]
				in := rolefit.RoleInput{Name: fmt.Sprintf("Role %d", j), Activity: kind, NewBusinessShare: 0.4, SeatsMin: 1, SeatsMax: n / 60,
					HoursPerMonth: 140, BaselineRate: 120 + 10*float64(j), MonthlyCost: 8000 + 200*float64(j),
					Weights: []rolefit.RoleWeight{{ScaleID: benchScales[j%len(benchScales)], Weight: 2}, {ScaleID: benchScales[(j+1)%len(benchScales)], Weight: 1}}}
				if _, err := o.org.CreateRole(ctx, in, o.by); err != nil {
					b.Fatal(err)
				}
			}
			for _, c := range []struct {
				name, path string
				auth       func(*http.Request)
			}{{"page", "/placement", o.withSession}, {"api", "/api/v1/placement", o.withKey}} {
				b.Run(fmt.Sprintf("%s/people=%d/roles=20/cold", c.name, n), func(b *testing.B) {
					for b.Loop() {
						b.StopTimer()
						o.app = newAppTB(b, st, clock) // a new process: nothing kept
						req := httptest.NewRequest(http.MethodGet, c.path, nil)
						c.auth(req)
						b.StartTimer()
						o.do(b, req)
					}
				})
				b.Run(fmt.Sprintf("%s/people=%d/roles=20/warm", c.name, n), func(b *testing.B) {
					o.get(b, c.path, c.auth)
				})
			}
		})
	}
}
