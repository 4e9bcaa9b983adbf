package server

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// failures counts failed attempts per key (an address, an account, a
// user) in fixed windows: the first failure opens a window, and a key with
// max failures in its open window is over budget until the window ends.
// It lives in memory, so each rolefit process keeps its own counts.
type failures struct {
	max    int
	window time.Duration
	now    func() time.Time
	mu     sync.Mutex
	seen   map[string]*failureWindow
}

type failureWindow struct {
	start time.Time
	count int
}

// maxTrackedKeys bounds the memory a flood of distinct keys can take:
// beyond it, ended windows are forgotten wholesale.
const maxTrackedKeys = 100_000

func newFailures(max int, window time.Duration, now func() time.Time) *failures {
	return &failures{max: max, window: window, now: now, seen: map[string]*failureWindow{}}
}

// over reports whether key is over its budget and, if so, how long until
// its window ends.
func (f *failures) over(key string) (time.Duration, bool) {
	now := f.now()
	f.mu.Lock()
	defer f.mu.Unlock()
	w := f.seen[key]
	if w == nil {
		return 0, false
	}
	left := w.start.Add(f.window).Sub(now)
	if left <= 0 {
		delete(f.seen, key)
		return 0, false
	}
	return left, w.count >= f.max
}

// add counts one failure for key.
func (f *failures) add(key string) {
	now := f.now()
	f.mu.Lock()
	defer f.mu.Unlock()
	w := f.seen[key]
	if w == nil || now.Sub(w.start) >= f.window {
		f.seen[key] = &failureWindow{start: now, count: 1}
	} else {
		w.count++
	}
	if len(f.seen) > maxTrackedKeys {
		for k, v := range f.seen {
			if now.Sub(v.start) >= f.window {
				delete(f.seen, k)
			}
		}
	}
}

// setRetryAfter tells a refused client how many whole seconds are left of
// the window, rounded up so that it never comes back too early.
func setRetryAfter(c *fiber.Ctx, left time.Duration) {
	secs := int(math.Ceil(left.Seconds()))
	if secs < 1 {
		secs = 1
	}
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
}
