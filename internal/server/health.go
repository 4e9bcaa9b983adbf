package server

import (
	"rolefit/internal/app"

	"github.com/gofiber/fiber/v2"
)

// handleHealth answers without touching the database: the process is up.
func handleHealth(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString("ok\n")
}

// readiness is what /readyz answers: whether the database answers, and
// which version of rolefit is running, so an operator rolling out an
// upgrade can see which processes have it.
type readiness struct {
	Status  string `json:"status"`
	Version string `json:"version"`
}

// handleReady answers 200 when the database answers too, so a load
// balancer sends traffic only to processes that can serve it.
func handleReady(uc *app.App, version string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-store")
		if err := uc.Ready(c.UserContext()); err != nil {
			return c.Status(fiber.StatusServiceUnavailable).JSON(readiness{Status: "database unavailable", Version: version})
		}
		return c.JSON(readiness{Status: "ready", Version: version})
	}
}
