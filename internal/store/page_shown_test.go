package store_test

import (
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// A page's visit counts from its first showing to its save, whether the
// showing's time was still queued at the save or already written: a
// reload keeps the visit's start, an abandoned visit (over 30 minutes)
// starts again, and a page never shown counts nothing.
func TestPageShownTimesCount(t *testing.T) {
	for _, flush := range []bool{false, true} {
		storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
			f := newInvFixture(t, st)
			_, _, r := f.started(t, nil)
			shown := func(page int) {
				t.Helper()
				if err := r.PageShown(ctx, page); err != nil {
					t.Fatal(err)
				}
				if flush {
					if err := st.FlushPageShown(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			save := func(page int, answers map[string]int) {
				t.Helper()
				if err := r.SaveAnswers(ctx, answers, page); err != nil {
					t.Fatal(err)
				}
			}
			shown(0)
			clock.Advance(40 * time.Second)
			shown(0) // a reload
			clock.Advance(5 * time.Second)
			save(0, map[string]int{"a": 4}) // 45 s
			shown(0)
			clock.Advance(31 * time.Minute)
			shown(0) // the visit before was abandoned: this one starts now
			clock.Advance(10 * time.Second)
			save(0, map[string]int{"a": 5}) // 45 + 10 s
			clock.Advance(20 * time.Second)
			save(1, map[string]int{"b": 2}) // page 2 never shown: 0 s
			resp, err := r.Submit(ctx, 2, "en", sumScore)
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.PageSeconds; len(got) != 2 || got[0] != 55 || got[1] != 0 {
				t.Errorf("flushed each time %v: got page seconds %v, want [55 0]", flush, got)
			}
			// A page shown after the submission is not written.
			shown(0)
			if err := st.FlushPageShown(ctx); err != nil {
				t.Errorf("flush after the submission: %v", err)
			}
		})
	}
}
