package app_test

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCandidateFit is a candidate's page's and GET
// /api/v1/people/{id}/fit's placement work: their fit and value for 20
// roles and the placement of today's team with them, where everyone else
// of the seeded organisation is staff. It works on a copy of the seeded
// database, whose people it makes staff. "cold" is a process that keeps
// nothing (read the stamp and the inputs, solve today's team, join the
// candidate); "warm" keeps today's team and joins the candidate to it.
func BenchmarkCandidateFit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, warm := range []bool{false, true} {
			benchCandidateFit(b, n, warm)
		}
	}
}

func benchCandidateFit(b *testing.B, n int, warm bool) {
	b.Run(fmt.Sprintf("staff=%d/roles=20/%s", n-1, map[bool]string{false: "cold", true: "warm"}[warm]), func(b *testing.B) {
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
		benchRoles(b, uc, s.actor, 20, 1, n/15)
		if _, err := uc.Fit(ctx, s.actor, s.people[0]); err != nil { // warm: today's team solved and kept
			b.Fatal(err)
		}
		for b.Loop() {
			if !warm {
				b.StopTimer()
				uc = cp.restart(b, st)
				b.StartTimer()
			}
			pf, err := uc.Fit(ctx, s.actor, s.people[0])
			if err != nil || !pf.Placed || pf.TeamSize != n {
				b.Fatalf("fit in a team of %d: %+v, %v", n, pf, err)
			}
		}
	})
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
