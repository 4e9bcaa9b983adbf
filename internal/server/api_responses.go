package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// handleAPIResponseCreate is POST /api/v1/responses: a complete set of
// answers for a person, recorded in one call (paper forms, imports),
// scored and quality-checked like any other. Every answer must be given
// and valid, or nothing is stored.
func handleAPIResponseCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body responseBody
		if err := decodeResponseBody(c, &body); err != nil {
			return err
		}
		r, err := uc.RecordResponse(c.UserContext(), actorOf(c), app.RecordInput{PersonID: body.PersonID,
			Questionnaire: body.Questionnaire, Version: body.Version, Answers: body.Answers})
		if err != nil {
			return err
		}
		b, err := r.EncodeJSON() // the stored result's bytes, not a second encoding
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Status(fiber.StatusCreated).Send(b)
	}
}
