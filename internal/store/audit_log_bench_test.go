package store_test

import (
	"fmt"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkAuditPage reads the first page of 50 and a page deep in the log
// of an organisation with 200,000 audit entries about 2,000 people and 20
// users, unfiltered, by one person and by one user, on SQLite.
func BenchmarkAuditPage(b *testing.B) {
	st := storetest.SQLite(b, storetest.NewClock(storetest.Start))
	org, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
	if err != nil {
		b.Fatal(err)
	}
	// Entries i = 0…199,999: one a second, about person p(i mod 2,000),
	// by user u(i mod 20).
	err = st.ExecForTest(ctx, fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)
		INSERT INTO audit_entries (id, org_id, actor_id, actor_name, action, subject_type, subject_id, detail, created_at)
		SELECT printf('e%%07d', i), '%s', 'u' || (i %% 20), 'rolefit.User', 'view', 'person', 'p' || (i %% 2000), '',
			strftime('%%Y-%%m-%%d %%H:%%M:%%S+00:00', '2026-01-01', '+' || i || ' seconds') FROM n`, org.ID))
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	o := st.Scope(org.ID)
	for _, q := range []struct {
		name string
		q    store.AuditQuery
	}{
		{"all", store.AuditQuery{}},
		{"person", store.AuditQuery{PersonID: "p7"}},
		{"user", store.AuditQuery{ActorID: "u3"}},
	} {
		// The cursor 40 pages in, to show keyset paging costs the same
		// deep in the log.
		deep := ""
		for range 40 {
			es, next, err := o.AuditPage(ctx, store.AuditQuery{PersonID: q.q.PersonID, ActorID: q.q.ActorID, Cursor: deep})
			if err != nil || len(es) == 0 {
				b.Fatal(err)
			}
			deep = next
		}
		for _, page := range []struct{ name, cursor string }{{"first", ""}, {"page-41", deep}} {
			b.Run(q.name+"/"+page.name, func(b *testing.B) {
				qq := q.q
				qq.Cursor = page.cursor
				for b.Loop() {
					es, _, err := o.AuditPage(ctx, qq)
					if err != nil || len(es) != 50 {
						b.Fatalf("%d entries, %v", len(es), err)
					}
				}
			})
		}
	}
}
