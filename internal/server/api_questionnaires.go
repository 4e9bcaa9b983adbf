package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// handleAPIQuestionnaires is GET /api/v1/questionnaires: the installed
// questionnaires, so an integrator can see what to invite people to.
func handleAPIQuestionnaires(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		items := uc.Questionnaires()
		if items == nil {
			items = []app.QuestionnaireInfo{}
		}
		return c.JSON(listResponse[app.QuestionnaireInfo]{Items: items})
	}
}

// handleAPIQuestionnaire is GET /api/v1/questionnaires/{id}: every item's
// ID, text, page and allowed answers, enough to build a valid
// POST /api/v1/responses. {id} is "sales-service" (the latest version) or
// "sales-service:1"; ?lang=es gives the texts in Spanish, one of the
// questionnaire's languages.
func handleAPIQuestionnaire(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		info, err := uc.Questionnaire(c.Params("id"), c.Query("lang"))
		if err != nil {
			return err
		}
		return c.JSON(info)
	}
}
