package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// localUnknownSecret is set by whatever looks a secret up (the respondent
// pages, apiAuth) when the secret matched nothing; the guard counts only
// those requests.
const localUnknownSecret = "unknown_secret"

// markUnknownSecret tells the token guard that the request's invitation
// link or API key matched nothing.
func markUnknownSecret(c *fiber.Ctx) { c.Locals(localUnknownSecret, true) }

// tokenGuard rate-limits guessing of secrets in requests (invitation
// links, API keys). Only unknown secrets count, as the handler reports
// them, not statuses: a respondent asking for a page that does not exist,
// or an integration sending bad JSON, is not guessing. The secret is
// looked up first and a known one is always served, so one person who
// keeps trying a mistyped link cannot lock out colleagues behind the same
// address; only a request whose secret is unknown, from an address over
// its budget, is refused. Secrets carry 256 random bits, so this is
// defence in depth, and it keeps scanners from filling the logs.
type tokenGuard struct {
	unknown *failures
	message string // what a refused address is told
}

func newTokenGuard(unknown *failures, message string) *tokenGuard {
	return &tokenGuard{unknown: unknown, message: message}
}

func (g *tokenGuard) handler(c *fiber.Ctx) error {
	err := c.Next()
	if unknown, _ := c.Locals(localUnknownSecret).(bool); !unknown {
		return err
	}
	ip := clientIP(c)
	left, over, gerr := g.unknown.over(c.UserContext(), ip)
	if gerr != nil {
		return gerr
	}
	if over {
		setRetryAfter(c, left)
		return errs.RateLimited(g.message)
	}
	if gerr := g.unknown.add(c.UserContext(), ip); gerr != nil {
		return gerr
	}
	return err
}
