package server

import (
	"log/slog"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/web"
)

// routes registers every route of rolefit. It is the one place to see what
// the app answers and who may ask.
func routes(app *fiber.App, cfg Config, st *store.Store, rnd *renderer, log *slog.Logger) error {
	app.Use(requestContext(cfg.RequestTimeout))
	app.Use(accessLog(log))
	app.Use(recover.New())
	app.Use(securityHeaders)

	app.Get("/healthz", handleHealth)
	app.Get("/readyz", handleReady(st))
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(web.Static),
		MaxAge: 7 * 24 * 3600, // asset URLs carry a content hash
	}))

	// The JSON API: bearer API keys, no cookies, no CSRF.
	app.Get("/api/v1/openapi.json", handleOpenAPI)
	api := app.Group("/api/v1", apiAuth(st))
	api.Get("/me", handleAPIMe(st))

	// Pages.
	app.Use(loadSession(st), csrfProtect)
	attempts := limiter.New(limiter.Config{
		Max:                    cfg.LoginLimit,
		Expiration:             cfg.LoginWindow,
		SkipSuccessfulRequests: true, // only failed attempts count
		LimitReached: func(c *fiber.Ctx) error {
			return errs.RateLimited("Too many failed attempts from your address. Please wait a few minutes and try again.")
		},
	})
	app.Get("/login", handleLoginForm(st, rnd))
	app.Post("/login", attempts, handleLogin(st, rnd))
	app.Post("/logout", handleLogout(st))
	app.Get("/setup", handleSetupForm(st, rnd))
	app.Post("/setup", attempts, handleSetup(st, rnd))

	app.Get("/", requireUser, handleDashboard(rnd))
	for _, s := range upcomingSections {
		app.Get(s.Path, requireUser, handleUpcoming(rnd, s))
	}

	app.Get("/settings", requireUser, handleSettings(st, rnd))
	app.Post("/settings/password", requireUser, handleChangePassword(st, rnd))
	admin := app.Group("/settings", requireUser, requireAdmin)
	admin.Get("/users", handleUsers(st, rnd))
	admin.Post("/users", handleUserCreate(st, rnd))
	admin.Post("/users/:id/role", handleUserRole(st))
	admin.Post("/users/:id/delete", handleUserDelete(st))
	admin.Get("/api-keys", handleAPIKeys(st, rnd))
	admin.Post("/api-keys", handleAPIKeyCreate(st, rnd))
	admin.Post("/api-keys/:id/revoke", handleAPIKeyRevoke(st))

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return nil
}
