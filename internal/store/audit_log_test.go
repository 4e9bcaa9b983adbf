package store_test

import (
	"fmt"
	"rolefit"
	"slices"
	"strings"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestAuditPages pages through the audit log with every filter and checks
// the pages against the whole log filtered and sorted here, in Go.
func TestAuditPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, ada, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		other, bea, _ := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		o := st.Scope(org.ID)
		max, err := o.CreateUser(ctx, rolefit.NewUser{Email: "max@example.com", Name: "Max", Access: rolefit.Manager, Password: "a long enough password 1"}, rolefit.ActorOf(ada))
		if err != nil {
			t.Fatal(err)
		}
		actors := []rolefit.Actor{rolefit.ActorOf(ada), rolefit.ActorOf(max)}
		var people []string
		for i := range 3 {
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("P%d", i), Kind: rolefit.Candidate}, actors[0])
			if err != nil {
				t.Fatal(err)
			}
			people = append(people, p.ID)
		}
		// 40 entries over 14 distinct times: ties on time must be ordered
		// by ID and never skipped or repeated across pages.
		for i := range 40 {
			if i%3 == 0 {
				clock.Advance(time.Second)
			}
			if err := o.Audit(ctx, actors[i%2], "view", "person", people[i%3], ""); err != nil {
				t.Fatal(err)
			}
		}
		// Another organisation's entries about an ID of A's must never show.
		if err := st.Scope(other.ID).Audit(ctx, rolefit.ActorOf(bea), "view", "person", people[0], ""); err != nil {
			t.Fatal(err)
		}
		all, err := o.AuditLog(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(all, func(a, b rolefit.AuditEntry) int {
			if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
				return c
			}
			return strings.Compare(b.ID, a.ID)
		})
		for _, tc := range []struct {
			name            string
			person, actorID string
		}{
			{"everything", "", ""},
			{"one person", people[1], ""},
			{"one user", "", max.ID},
			{"person and user", people[2], ada.ID},
			{"no match", "no-such-person", ""},
		} {
			var want []string
			for _, e := range all {
				if (tc.person == "" || e.SubjectType == "person" && e.SubjectID == tc.person) && (tc.actorID == "" || e.ActorID == tc.actorID) {
					want = append(want, e.ID)
				}
			}
			for _, size := range []int{1, 4, 7, 500} {
				var got []string
				cursor, pages := "", 0
				for {
					es, next, err := o.AuditPage(ctx, store.AuditQuery{Limit: size, Cursor: cursor, PersonID: tc.person, ActorID: tc.actorID})
					if err != nil {
						t.Fatal(err)
					}
					if len(es) > size {
						t.Fatalf("%s: page of %d entries, size %d", tc.name, len(es), size)
					}
					for _, e := range es {
						if e.OrgID != org.ID {
							t.Fatalf("%s: entry of another organisation %+v", tc.name, e)
						}
						got = append(got, e.ID)
					}
					pages++
					if next == "" || pages > 100 {
						break
					}
					cursor = next
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s, pages of %d: got %d entries %v, want %d %v", tc.name, size, len(got), got, len(want), want)
				}
			}
		}
		if n := len(all); n < 40 {
			t.Errorf("got %d entries in A's log, want at least 40", n)
		}
		if es, _, _ := st.Scope(other.ID).AuditPage(ctx, store.AuditQuery{PersonID: people[1]}); len(es) != 0 {
			t.Errorf("B sees %d entries about A's person", len(es))
		}
		_, _, err = o.AuditPage(ctx, store.AuditQuery{Cursor: "not a cursor"})
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["cursor"] == "" {
			t.Errorf("bad cursor: got %v, want invalid naming cursor", err)
		}
	})
}

// TestErasureLeavesNoNameInTheLog erases a person and checks the log
// still says who added and erased them, by ID, but nowhere names them.
func TestErasureLeavesNoNameInTheLog(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, ada, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Zelda Unique", Kind: rolefit.Candidate}, rolefit.ActorOf(ada))
		if err != nil {
			t.Fatal(err)
		}
		keep, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Yuri Kept", Kind: rolefit.Candidate}, rolefit.ActorOf(ada))
		if err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Second)
		if err := o.ErasePerson(ctx, p.ID, rolefit.ActorOf(ada)); err != nil {
			t.Fatal(err)
		}
		es, _, err := o.AuditPage(ctx, store.AuditQuery{PersonID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range es {
			actions = append(actions, e.Action)
			if strings.Contains(e.Detail, "Zelda") {
				t.Errorf("after erasure the log still names her: %+v", e)
			}
		}
		if !slices.Equal(actions, []string{"erase", "create"}) {
			t.Errorf("entries about the erased person: %v, want erase, create", actions)
		}
		kept, _, _ := o.AuditPage(ctx, store.AuditQuery{PersonID: keep.ID})
		if len(kept) != 1 || kept[0].Detail != "Yuri Kept" {
			t.Errorf("another person's entry changed: %+v", kept)
		}
	})
}
