package server

import (
	"context"
	"math"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// attemptCounts is where failed attempts are counted. The store keeps them
// in the database, so every rolefit process serving one database shares
// the same counts: N processes allow what one allows. SQLite has one
// process by design and could count in memory, but one design on both
// databases is tested once; a failed attempt costs one small write
// (docs/PERFORMANCE.md), against the tens of milliseconds of argon2id that
// every sign-in spends anyway.
type attemptCounts interface {
	Attempts(ctx context.Context, scope, key string, now time.Time) (int, time.Time, error)
	CountAttempt(ctx context.Context, scope, key string, now time.Time, window time.Duration) error
}

// failures counts failed attempts per key (an address, an account, a
// user) of one scope in fixed windows: the first failure opens a window,
// and a key with max failures in its open window is over budget until the
// window ends. Two requests checked at the same moment may both pass the
// last free place, so a burst can go over by the requests in flight.
type failures struct {
	counts attemptCounts
	scope  string
	max    int
	window time.Duration
	now    func() time.Time
}

// Scopes of failures, as stored in attempt_counts.scope.
const (
	scopeSignInAddress = "signin_address"  // failed sign-ins and setups per client address
	scopeSignInAccount = "signin_account"  // failed sign-ins per e-mail address typed
	scopeSignInDelay   = "signin_delay"    // the last failed sign-in per e-mail address typed, for the delay
	scopeSignInDevice  = "signin_device"   // failed sign-ins per known browser (device token)
	scopePasswordUser  = "password_user"   // wrong current passwords per user
	scopeLinkAddress   = "link_address"    // unknown invitation links per client address
	scopeAPIKeyAddress = "api_key_address" // wrong API keys per client address
)

func newFailures(counts attemptCounts, scope string, max int, window time.Duration, now func() time.Time) *failures {
	return &failures{counts: counts, scope: scope, max: max, window: window, now: now}
}

// over reports whether key is over its budget and, if so, how long until
// its window ends.
func (f *failures) over(ctx context.Context, key string) (time.Duration, bool, error) {
	now := f.now()
	n, ends, err := f.counts.Attempts(ctx, f.scope, key, now)
	if err != nil || n < f.max {
		return 0, false, err
	}
	return ends.Sub(now), true, nil
}

// add counts one failure for key.
func (f *failures) add(ctx context.Context, key string) error {
	return f.counts.CountAttempt(ctx, f.scope, key, f.now(), f.window)
}

// limitFailures refuses a client address that has failed max times in its
// window, and counts each request that fails (status 400 or above, or an
// error) against the address. Successful requests are free, so a team
// behind one address signing in is never held up by its own successes.
// A sign-in from a known browser is neither refused nor counted: its
// failures count against the browser instead (knownDevice).
func limitFailures(f *failures, message string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if knownDeviceOf(c) != "" {
			return c.Next()
		}
		ip := clientIP(c)
		left, over, err := f.over(c.UserContext(), ip)
		if err != nil {
			return err
		}
		if over {
			setRetryAfter(c, left)
			return errs.RateLimited(message)
		}
		err = c.Next()
		if err != nil || c.Response().StatusCode() >= fiber.StatusBadRequest {
			if cerr := f.add(c.UserContext(), ip); cerr != nil && err == nil {
				return cerr
			}
		}
		return err
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
