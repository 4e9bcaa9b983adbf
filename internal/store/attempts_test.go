package store_test

import (
	"sync"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestAttemptWindows walks one key through a window by hand: each step
// counts (or not) a failure after moving the clock, and the counts read
// back are worked out from the rule "the first failure opens a window of
// ten minutes; a failure after it ended opens a new one".
func TestAttemptWindows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		const window = 10 * time.Minute
		start := clock.Now()
		for i, step := range []struct {
			advance  time.Duration
			fail     bool
			want     int
			wantEnds time.Duration // from start; ignored when want is 0
		}{
			{0, false, 0, 0},
			{0, true, 1, 10 * time.Minute},
			{3 * time.Minute, true, 2, 10 * time.Minute},
			{6*time.Minute + 59*time.Second, true, 3, 10 * time.Minute},
			{time.Second, false, 0, 0}, // the window ended at 10:00
			{2 * time.Minute, true, 1, 22 * time.Minute},
			{5 * time.Minute, true, 2, 22 * time.Minute},
		} {
			clock.Advance(step.advance)
			if step.fail {
				if err := st.CountAttempt(ctx, "signin_account", "ada@example.com", clock.Now(), window); err != nil {
					t.Fatal(err)
				}
			}
			n, ends, err := st.Attempts(ctx, "signin_account", "ada@example.com", clock.Now())
			if err != nil {
				t.Fatal(err)
			}
			if n != step.want {
				t.Errorf("step %d: got %d failures, want %d", i, n, step.want)
			}
			if step.want > 0 && !ends.Equal(start.Add(step.wantEnds)) {
				t.Errorf("step %d: window ends %v, want %v", i, ends.Sub(start), step.wantEnds)
			}
		}
		// Another key and another scope have their own counts.
		for _, other := range []struct{ scope, key string }{
			{"signin_account", "bob@example.com"},
			{"signin_address", "ada@example.com"},
		} {
			if n, _, _ := st.Attempts(ctx, other.scope, other.key, clock.Now()); n != 0 {
				t.Errorf("%s %s: got %d failures, want 0", other.scope, other.key, n)
			}
		}
	})
}

// TestAttemptsCountedAtOnce counts one key from many goroutines at once,
// as several processes would: every failure must be counted.
func TestAttemptsCountedAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		const n = 20
		var wg sync.WaitGroup
		errc := make(chan error, n)
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errc <- st.CountAttempt(ctx, "link_address", "203.0.113.9", clock.Now(), time.Minute)
			}()
		}
		wg.Wait()
		close(errc)
		for err := range errc {
			if err != nil {
				t.Fatal(err)
			}
		}
		if got, _, _ := st.Attempts(ctx, "link_address", "203.0.113.9", clock.Now()); got != n {
			t.Errorf("got %d failures, want %d", got, n)
		}
	})
}

// TestPurgeAttempts deletes ended windows only.
func TestPurgeAttempts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		for _, c := range []struct {
			key    string
			window time.Duration
		}{{"short", time.Minute}, {"long", time.Hour}} {
			if err := st.CountAttempt(ctx, "link_address", c.key, clock.Now(), c.window); err != nil {
				t.Fatal(err)
			}
		}
		clock.Advance(time.Minute)
		n, err := st.PurgeAttempts(ctx)
		if err != nil || n != 1 {
			t.Fatalf("PurgeAttempts = %d, %v; want 1 row", n, err)
		}
		if got, _, _ := st.Attempts(ctx, "link_address", "long", clock.Now()); got != 1 {
			t.Errorf("the open window lost its count: got %d, want 1", got)
		}
	})
}
