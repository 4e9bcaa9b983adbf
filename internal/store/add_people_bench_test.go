package store_test

import (
	"fmt"
	"rolefit"
	"testing"

	"rolefit/internal/store/storetest"
)

// BenchmarkAddPerson adds one person with an e-mail address (the duplicate
// check, the insert and the audit entry, one transaction) to organisations
// of 1,000, 10,000 and 100,000 people with addresses, on a SQLite file,
// without the planner's statistics (as before the first PRAGMA optimize):
// the time should not grow with the organisation.
func BenchmarkAddPerson(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			st := storetest.SQLite(b, storetest.NewClock(storetest.Start))
			org, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
			if err != nil {
				b.Fatal(err)
			}
			err = st.ExecForTest(ctx, fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
				INSERT INTO people (id, org_id, name, email, kind, created_at, updated_at)
				SELECT printf('p%%07d', i), '%s', 'rolefit.Person ' || i, 'p' || i || '@example.com', 'candidate',
					strftime('%%Y-%%m-%%d %%H:%%M:%%S+00:00', '2026-01-01', '+' || i || ' seconds'),
					strftime('%%Y-%%m-%%d %%H:%%M:%%S+00:00', '2026-01-01', '+' || i || ' seconds') FROM n`, n-1, org.ID))
			if err != nil {
				b.Fatal(err)
			}
			o := st.Scope(org.ID)
			by := rolefit.Actor{ID: "k1", Name: "bench"}
			i := 0
			for b.Loop() {
				i++
				if _, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "New", Email: fmt.Sprintf("new%d@example.com", i), Kind: rolefit.Candidate}, by); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
