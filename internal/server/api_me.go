package server

import (
	"rolefit/internal/app"

	"github.com/gofiber/fiber/v2"
)

// meResponse is GET /api/v1/me: which organisation a key acts for.
type meResponse struct {
	Organisation struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Currency string `json:"currency"`
		IsDemo   bool   `json:"is_demo"`
	} `json:"organisation"`
	Key struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Prefix string `json:"prefix"`
		// Access is what the key may do: its creator's access today, or
		// admin for a key made by 'rolefit apikey add'.
		Access string `json:"access"`
	} `json:"key"`
}

// handleAPIMe returns the API key's organisation, so an integrator can
// check a key before using it.
func handleAPIMe(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		org, err := uc.Organisation(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		k := apiKeyOf(c)
		var r meResponse
		r.Organisation.ID, r.Organisation.Name, r.Organisation.Currency, r.Organisation.IsDemo = org.ID, org.Name, org.Currency, org.IsDemo
		r.Key.ID, r.Key.Name, r.Key.Prefix, r.Key.Access = k.ID, k.Name, k.Prefix, string(k.Access)
		return c.JSON(r)
	}
}
