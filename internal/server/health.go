package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/store"
)

// handleHealth answers without touching the database: the process is up.
func handleHealth(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString("ok\n")
}

// handleReady answers 200 when the database answers too, so a load
// balancer sends traffic only to processes that can serve it.
func handleReady(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-store")
		if err := st.Ping(c.UserContext()); err != nil {
			return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable\n")
		}
		return c.SendString("ready\n")
	}
}
