package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
)

// handleAPISimulate is POST /api/v1/simulate: the capacity model with the
// inputs of `rolefit simulate --input`. The body's fields replace the
// founding case's values (econ.DefaultInputs); an unknown field is
// refused, so a misspelt input is not silently left at its default. The
// answer is what `rolefit simulate --format json` prints, every month.
func handleAPISimulate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		in := econ.DefaultInputs()
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		out, err := uc.Simulate(c.UserContext(), actorOf(c), in)
		if err != nil {
			return err
		}
		return c.JSON(out)
	}
}
