// Package server is rolefit's web layer: a Fiber app that serves the HTML
// pages and the JSON API. It translates HTTP into calls on the use cases
// (internal/app), and errors into status codes in one error handler.
package server

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/web"
)

// Config is how the operator set rolefit up. The zero value of each field
// picks a sensible default.
type Config struct {
	// TrustedProxies are the addresses (IPs or CIDR ranges) of reverse
	// proxies whose X-Forwarded-For and X-Forwarded-Proto headers are
	// believed, and only on requests that come straight from one of them.
	// Without any, those headers are ignored.
	TrustedProxies []string
	// BodyLimit is the largest request body accepted, in bytes (2 MiB).
	BodyLimit int
	// LoginLimit is how many failed sign-in or setup attempts one address
	// may make per LoginWindow (10 per 5 minutes).
	LoginLimit  int
	LoginWindow time.Duration
	// AccountLimit is how many failed sign-ins one e-mail address, and
	// how many wrong current passwords one user changing theirs, may
	// have per AccountWindow (10 per 15 minutes). Past it, a browser that
	// has not signed in to the account before gets one sign-in attempt
	// per AccountDelay (a minute); one that has is not held up until it
	// has failed AccountLimit times itself.
	AccountLimit  int
	AccountWindow time.Duration
	AccountDelay  time.Duration
	// RequestTimeout bounds the database work of one request (30 s).
	RequestTimeout time.Duration
	// Now is the clock (time.Now).
	Now func() time.Time
	// TokenGuess bounds the unknown invitation links, and separately the
	// wrong API keys, one address may try per LoginWindow (30).
	TokenGuess int
	// Version is rolefit's version, shown in /readyz and the page footer
	// ("dev").
	Version string
}

func (c *Config) defaults() {
	if c.BodyLimit == 0 {
		c.BodyLimit = 2 << 20
	}
	if c.LoginLimit == 0 {
		c.LoginLimit = 10
	}
	if c.LoginWindow == 0 {
		c.LoginWindow = 5 * time.Minute
	}
	if c.AccountLimit == 0 {
		c.AccountLimit = 10
	}
	if c.AccountWindow == 0 {
		c.AccountWindow = 15 * time.Minute
	}
	if c.AccountDelay == 0 {
		c.AccountDelay = time.Minute
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.TokenGuess == 0 {
		c.TokenGuess = 30
	}
	if c.Version == "" {
		c.Version = "dev"
	}
}

// New builds the Fiber app with every route of rolefit. uc runs the use
// cases; the web layer reaches rolefit's data through them alone.
func New(cfg Config, uc *usecases.App, log *slog.Logger) (*fiber.App, error) {
	cfg.defaults()
	rnd, err := newRenderer(web.Templates, web.Static, uc.Messages())
	if err != nil {
		return nil, err
	}
	rnd.version = cfg.Version
	fcfg := fiber.Config{
		// Fiber reuses request buffers; strings kept after a handler
		// returns would otherwise change under our feet.
		Immutable:             true,
		BodyLimit:             cfg.BodyLimit,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
		DisableStartupMessage: true,
		ErrorHandler:          errorHandler(rnd, log),
		AppName:               "rolefit",
	}
	proxies, err := parseProxies(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	// rolefit reads forwarded headers itself (clientIP, isHTTPS). The check
	// is on even without proxies so that nothing of Fiber's own, such as
	// c.Protocol() or c.Hostname(), believes a client's X-Forwarded-*.
	fcfg.EnableTrustedProxyCheck = true
	fcfg.TrustedProxies = cfg.TrustedProxies
	app := fiber.New(fcfg)
	app.Use(clientAddress(proxies))
	if err := routes(app, cfg, uc, rnd, log); err != nil {
		return nil, fmt.Errorf("set up routes: %w", err)
	}
	return app, nil
}
