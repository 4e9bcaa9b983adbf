package server

import (
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// tokenGuard rate-limits guessing of secrets in requests (invitation
// links, API keys): an address that is refused too often in a window is
// refused outright for the rest of it. Only failed look-ups count (the
// status the guarded routes answer an unknown secret with), so a person
// answering a questionnaire, whose every click is a request, or a busy
// integration, is never slowed down. Secrets carry 256 random bits, so
// this is defence in depth, and it keeps scanners from filling the logs.
type tokenGuard struct {
	max     int
	window  time.Duration
	now     func() time.Time
	counts  int    // the status of a failed look-up
	message string // what a refused address is told
	mu      sync.Mutex
	seen    map[string]*guardWindow
}

type guardWindow struct {
	start time.Time
	count int
}

func newTokenGuard(max int, window time.Duration, now func() time.Time, counts int, message string) *tokenGuard {
	return &tokenGuard{max: max, window: window, now: now, counts: counts, message: message, seen: map[string]*guardWindow{}}
}

func (g *tokenGuard) handler(c *fiber.Ctx) error {
	ip := c.IP()
	now := g.now()
	g.mu.Lock()
	w := g.seen[ip]
	if w != nil && now.Sub(w.start) >= g.window {
		delete(g.seen, ip)
		w = nil
	}
	blocked := w != nil && w.count >= g.max
	g.mu.Unlock()
	if blocked {
		return errs.RateLimited(g.message)
	}
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		status, _ = classify(err)
	}
	if status == g.counts {
		g.mu.Lock()
		if w := g.seen[ip]; w == nil {
			g.seen[ip] = &guardWindow{start: now, count: 1}
		} else {
			w.count++
		}
		if len(g.seen) > 100_000 { // a flood of addresses: forget the oldest windows wholesale
			for k, v := range g.seen {
				if now.Sub(v.start) >= g.window {
					delete(g.seen, k)
				}
			}
		}
		g.mu.Unlock()
	}
	return err
}
