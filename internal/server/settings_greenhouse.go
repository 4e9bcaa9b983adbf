package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// greenhousePage is Settings → Greenhouse (admins only): the addresses to
// give Greenhouse and the errors it reported.
type greenhousePage struct {
	Addresses map[string]string
	Errors    []rolefit.GreenhouseError
}

// handleGreenhouseSettings shows how to connect Greenhouse.
func handleGreenhouseSettings(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		es, err := uc.GreenhouseErrors(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("greenhouse.title"), "settings")
		v.Data = greenhousePage{Addresses: uc.GreenhouseAddresses(), Errors: es}
		return rnd.render(c, fiber.StatusOK, "greenhouse", v)
	}
}
