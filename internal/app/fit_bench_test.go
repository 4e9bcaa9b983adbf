package app_test

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"rolefit/internal/store"
)

// BenchmarkCandidateFit is a candidate's page's and GET
// /api/v1/people/{id}/fit's placement work: their fit and value for 20
// roles and the placement of today's team with them, where everyone else
// of the seeded organisation is staff. It works on a copy of the seeded
// database, whose people it makes staff.
func BenchmarkCandidateFit(b *testing.B) {
	scales := []string{"hunter", "farmer", "drive", "influence", "service", "organisation"}
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("staff=%d/roles=20", n-1), func(b *testing.B) {
			s := seed(b, n)
			cp := *s
			cp.path = filepath.Join(b.TempDir(), "staff.db")
			copyFile(b, s.path, cp.path)
			db, err := sql.Open("sqlite3", cp.path)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.Exec("UPDATE people SET kind = 'staff' WHERE id <> ?", s.people[0]); err != nil {
				b.Fatal(err)
			}
			db.Close()
			uc, st := cp.start(b)
			defer st.Close()
			for j := range 20 {
				act := []string{store.ActivityNewBusiness, store.ActivityAccountService, store.ActivityMix}[j%3]
				in := store.RoleInput{Name: fmt.Sprintf("Role %d", j), Activity: act, NewBusinessShare: 0.4, SeatsMin: 1, SeatsMax: n / 15,
					HoursPerMonth: 140, BaselineRate: 120 + 10*float64(j), MonthlyCost: 8000 + 200*float64(j),
					Weights: []store.RoleWeight{{ScaleID: scales[j%len(scales)], Weight: 2}, {ScaleID: scales[(j+1)%len(scales)], Weight: 1}}}
				if _, err := uc.CreateRole(ctx, s.actor, in); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				pf, err := uc.Fit(ctx, s.actor, s.people[0])
				if err != nil || !pf.Placed || pf.TeamSize != n {
					b.Fatalf("fit in a team of %d: %+v, %v", n, pf, err)
				}
			}
		})
	}
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
